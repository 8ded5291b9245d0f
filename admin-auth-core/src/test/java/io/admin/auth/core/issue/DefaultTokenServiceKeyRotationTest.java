package io.admin.auth.core.issue;

import io.admin.auth.core.spi.OAuthClient;

import static io.admin.auth.core.issue.ServiceFixture.SECRET;
import static io.admin.auth.core.issue.ServiceFixture.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.key.KeyRotationPolicy;
import io.admin.auth.core.store.memory.InMemorySigningKeyStore;
import io.admin.auth.core.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Rotation as verifiers see it: published before signing, old tokens verify until they expire. */
class DefaultTokenServiceKeyRotationTest {

  private static final Duration INTERVAL = Duration.ofDays(1);
  private static final Duration PRE_PUBLISH = Duration.ofHours(2);

  private final MutableClock clock = MutableClock.atGuideExample();
  private final InMemorySigningKeyStore keyStore = new InMemorySigningKeyStore();

  private DefaultTokenService service() {
    return ServiceFixture.builder(clock).keyStore(keyStore).secretPepper(new byte[32])
        .keyRotationPolicy(new KeyRotationPolicy(INTERVAL, PRE_PUBLISH, Duration.ZERO)).build();
  }

  private static Set<String> publishedKids(DefaultTokenService s) throws Exception {
    return JWKSet.parse(s.jwkSetJson()).getKeys().stream().map(JWK::getKeyID)
        .collect(Collectors.toSet());
  }

  private static String kid(TokenResponse r) {
    return (String) ServiceFixture.header(r.accessToken()).get("kid");
  }

  @Test
  void rotationAcrossScheduleBoundaryThenPublishedFirstAndOldTokensStillVerify() throws Exception {
    DefaultTokenService service = service();
    OAuthClient client = service.registerClient(ClientRegistration.of("c", SECRET, Set.of("a")));
    TokenResponse early = issued(service.clientCredentials(client, Optional.empty()));
    String k1 = kid(early);
    assertEquals(Set.of(k1), publishedKids(service));

    // Pre-publish window: the successor is in the JWK Set but does not sign yet.
    clock.advance(INTERVAL.minus(PRE_PUBLISH));
    TokenResponse beforeBoundary = issued(service.clientCredentials(client, Optional.empty()));
    assertEquals(k1, kid(beforeBoundary));
    Set<String> published = publishedKids(service);
    assertEquals(2, published.size());
    String k2 = published.stream().filter(k -> !k.equals(k1)).findFirst().orElseThrow();

    // Just before the boundary a token is still signed by k1 ...
    clock.advance(PRE_PUBLISH.minusMinutes(2));
    TokenResponse lastOld = issued(service.clientCredentials(client, Optional.empty()));
    assertEquals(k1, kid(lastOld));

    // ... after it, by k2, which verifiers have known for two hours.
    clock.advance(Duration.ofMinutes(2));
    TokenResponse firstNew = issued(service.clientCredentials(client, Optional.empty()));
    assertEquals(k2, kid(firstNew));
    assertInstanceOf(AuthOutcome.Authenticated.class, service.verify(lastOld.accessToken()));
    assertInstanceOf(AuthOutcome.Authenticated.class, service.verify(firstNew.accessToken()));
    assertEquals(Set.of(k1, k2), publishedKids(service));

    // The retired key stays until the last token it signed has expired (1 h + skew) ...
    clock.advance(Duration.ofMinutes(58).plusSeconds(29));
    assertInstanceOf(AuthOutcome.Authenticated.class, service.verify(lastOld.accessToken()));
    assertTrue(publishedKids(service).contains(k1));

    // ... and is then removed.
    clock.advance(Duration.ofMinutes(5));
    service.runMaintenance();
    assertEquals(Set.of(k2), publishedKids(service));
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID,
        ServiceFixture.rejectedCode(service.verify(lastOld.accessToken())));
  }

  @Test
  void rotationByOtherNodeThenThisNodeVerifiesNewKidWithoutRestart() throws Exception {
    DefaultTokenService nodeA = service();
    DefaultTokenService nodeB = service();
    OAuthClient clientA = nodeA.registerClient(ClientRegistration.of("c", SECRET, Set.of("a")));
    assertEquals(nodeA.keyRing().active().kid(), nodeB.keyRing().active().kid());

    clock.advance(INTERVAL.minus(PRE_PUBLISH));
    nodeA.runMaintenance();
    clock.advance(PRE_PUBLISH);
    nodeA.runMaintenance();
    TokenResponse r = issued(nodeA.clientCredentials(clientA, Optional.empty()));

    // nodeB's cached ring predates the promotion; the unknown-kid path or the refresh finds it.
    assertInstanceOf(AuthOutcome.Authenticated.class, nodeB.verify(r.accessToken()));
    assertEquals(kid(r), nodeB.keyRing().active().kid());
    assertFalse(publishedKids(nodeB).isEmpty());
  }

  @Test
  void verifyWhenKidAddedByOtherNodeThenReloadedButAtMostEveryTenSeconds() {
    DefaultTokenService node = service();
    io.admin.auth.core.key.SigningKeys gen =
        new io.admin.auth.core.key.SigningKeys(new java.security.SecureRandom());
    AccessTokenIssuer otherNode = new AccessTokenIssuer(ServiceFixture.ISSUER,
        ServiceFixture.ISSUER, clock,
        new io.admin.auth.core.crypto.RandomTokens(new java.security.SecureRandom()),
        io.admin.auth.core.key.JwsCrypto.jdk());

    clock.advance(Duration.ofSeconds(15)); // inside the 1-minute refresh, past the 10 s reload gap
    var published = gen.generate(io.admin.auth.core.SigningAlgorithm.ES256,
        io.admin.auth.core.spi.KeyState.NEXT, clock.instant());
    keyStore.add(published);
    String token = otherNode.issue(published, "s", "c", Set.of(), Duration.ofMinutes(5), null)
        .token();
    assertInstanceOf(AuthOutcome.Authenticated.class, node.verify(token));

    var another = gen.generate(io.admin.auth.core.SigningAlgorithm.ES256,
        io.admin.auth.core.spi.KeyState.NEXT, clock.instant());
    keyStore.add(another);
    String second = otherNode.issue(another, "s", "c", Set.of(), Duration.ofMinutes(5), null)
        .token();
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, ServiceFixture.rejectedCode(node.verify(second)));
    clock.advance(Duration.ofSeconds(10));
    assertInstanceOf(AuthOutcome.Authenticated.class, node.verify(second));
  }

  @Test
  void verifyWhenCachedTokensKeyDeletedFromStoreThenRejectedAfterRingRefresh() {
    DefaultTokenService node = service();
    var gen = new io.admin.auth.core.key.SigningKeys(new java.security.SecureRandom());
    AccessTokenIssuer otherNode = new AccessTokenIssuer(ServiceFixture.ISSUER,
        ServiceFixture.ISSUER, clock,
        new io.admin.auth.core.crypto.RandomTokens(new java.security.SecureRandom()),
        io.admin.auth.core.key.JwsCrypto.jdk());
    var key = gen.generate(io.admin.auth.core.SigningAlgorithm.EDDSA,
        io.admin.auth.core.spi.KeyState.NEXT, clock.instant());
    keyStore.add(key);
    node.runMaintenance();
    String token = otherNode.issue(key, "s", "c", Set.of(), Duration.ofMinutes(30), null).token();
    assertInstanceOf(AuthOutcome.Authenticated.class, node.verify(token));
    assertInstanceOf(AuthOutcome.Authenticated.class, node.verify(token)); // now a cache hit

    // An operator deletes the key (say, it leaked): once the ring is re-read, its tokens are gone.
    keyStore.remove(key.kid());
    clock.advance(Duration.ofMinutes(1));
    assertFalse(node.keyRing().find(key.kid()).isPresent());
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, ServiceFixture.rejectedCode(node.verify(token)));
  }

  @Test
  void jwkSetWhenHs256ThenNothingPublishedButTokensVerify() {
    DefaultTokenService hs = ServiceFixture.builder(clock)
        .signingAlgorithm(io.admin.auth.core.SigningAlgorithm.HS256).build();
    OAuthClient c = hs.registerClient(ClientRegistration.of("c", SECRET, Set.of("a")));
    TokenResponse r = issued(hs.clientCredentials(c, Optional.empty()));
    assertEquals("{\"keys\":[]}", hs.jwkSetJson());
    assertInstanceOf(AuthOutcome.Authenticated.class, hs.verify(r.accessToken()));
  }
}
