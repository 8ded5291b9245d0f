package io.admin.auth.core.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admin.auth.core.AccessTokenType;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.issue.DefaultTokenServiceBuilder;
import io.admin.auth.core.issue.TokenResult;
import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.key.PublicVerificationKey;
import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.store.memory.InMemorySigningKeyStore;
import io.admin.auth.core.testing.MutableClock;
import io.admin.auth.core.testing.RecordingObserver;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A resource server's verifier, built from nothing but the issuer's public JWK Set, against tokens
 * of a real {@link DefaultTokenService}: it accepts them, and refuses what the issuer's own
 * verifier refuses.
 */
class ResourceServerVerifierTest {

  private static final String ISSUER = "https://auth.example.test";
  private static final String SECRET = "s3cr3t-that-is-long-enough-0123456789";

  private final MutableClock clock = MutableClock.atGuideExample();
  private final InMemorySigningKeyStore keyStore = new InMemorySigningKeyStore();
  private final List<AuditEvent> events = new ArrayList<>();

  private DefaultTokenServiceBuilder issuerBuilder(String issuer, SigningAlgorithm alg) {
    return DefaultTokenService.builder().issuer(issuer).clock(clock).signingAlgorithm(alg)
        .keyStore(keyStore);
  }

  private static String token(DefaultTokenService service) {
    OAuthClient client = service.registerClient(
        ClientRegistration.of("client-a", SECRET, Set.of("users:read")));
    TokenResult result = service.clientCredentials(client, Optional.empty());
    return assertInstanceOf(TokenResult.Issued.class, result).response().accessToken();
  }

  private ResourceServerVerifierBuilder resourceServer(DefaultTokenService issuer) {
    return AccessTokenVerifier.resourceServer().issuer(ISSUER).clock(clock)
        .auditListener(events::add)
        .publicKeys(PublicKeySource.jwkSet(issuer.jwkSetJson()));
  }

  private String rejectionReason(AuthOutcome outcome, AuthErrorCode expected) {
    assertEquals(expected, assertInstanceOf(AuthOutcome.Rejected.class, outcome).error().code());
    return ((AuditEvent.VerificationFailed) events.get(events.size() - 1)).reason();
  }

  @ParameterizedTest
  @EnumSource(value = SigningAlgorithm.class, names = {"RS256", "PS256", "ES256", "EDDSA"})
  void verifyWhenTokenOfTheIssuerThenAuthenticatedFromPublicKeysAlone(SigningAlgorithm alg) {
    DefaultTokenService issuer = issuerBuilder(ISSUER, alg).build();
    String token = token(issuer);

    AuthOutcome outcome = resourceServer(issuer).build().verify(token);

    AuthPrincipal p = assertInstanceOf(AuthOutcome.Authenticated.class, outcome).principal();
    assertEquals("client-a", p.subject());
    assertEquals(Set.of("users:read"), p.scopes());
    assertEquals(ISSUER, p.issuer());
  }

  @Test
  void verifyWhenAnotherIssuerSignedWithTheSameKeysThenWrongIss() {
    DefaultTokenService own = issuerBuilder(ISSUER, SigningAlgorithm.RS256).build();
    DefaultTokenService other =
        issuerBuilder("https://other.example.test", SigningAlgorithm.RS256).build();

    AuthOutcome outcome = resourceServer(own).build().verify(token(other));

    assertEquals("wrong iss", rejectionReason(outcome, AuthErrorCode.AUTH_TOKEN_INVALID));
  }

  @Test
  void verifyWhenTokenForAnotherAudienceThenWrongAud() {
    DefaultTokenService issuer = issuerBuilder(ISSUER, SigningAlgorithm.RS256).build();

    AuthOutcome outcome = resourceServer(issuer).audience("orders-api").build()
        .verify(token(issuer));

    assertEquals("wrong aud", rejectionReason(outcome, AuthErrorCode.AUTH_TOKEN_INVALID));
  }

  @Test
  void verifyWhenAudienceMatchesTheIssuersConfiguredOneThenAuthenticated() {
    DefaultTokenService issuer = issuerBuilder(ISSUER, SigningAlgorithm.ES256)
        .audience("orders-api").build();

    AuthOutcome outcome = resourceServer(issuer).audience("orders-api").build()
        .verify(token(issuer));

    assertInstanceOf(AuthOutcome.Authenticated.class, outcome);
  }

  @Test
  void verifyWhenExpiredThenTokenExpired() {
    DefaultTokenService issuer = issuerBuilder(ISSUER, SigningAlgorithm.RS256).build();
    AccessTokenVerifier verifier = resourceServer(issuer).build();
    String token = token(issuer);
    assertInstanceOf(AuthOutcome.Authenticated.class, verifier.verify(token));

    clock.advance(Duration.ofHours(1).plusSeconds(30));

    assertEquals(AuthErrorCode.AUTH_TOKEN_EXPIRED, assertInstanceOf(AuthOutcome.Rejected.class,
        verifier.verify(token)).error().code());
  }

  @Test
  void verifyWhenPayloadTamperedThenBadSignature() {
    DefaultTokenService issuer = issuerBuilder(ISSUER, SigningAlgorithm.RS256).build();
    String token = token(issuer);
    int dot = token.indexOf('.');
    char c = token.charAt(dot + 5);
    String tampered = token.substring(0, dot + 5) + (c == 'A' ? 'B' : 'A')
        + token.substring(dot + 6);

    AuthOutcome outcome = resourceServer(issuer).build().verify(tampered);

    assertEquals("bad signature", rejectionReason(outcome, AuthErrorCode.AUTH_TOKEN_INVALID));
  }

  @Test
  void verifyWhenKidUnknownThenRefused() {
    DefaultTokenService issuer = issuerBuilder(ISSUER, SigningAlgorithm.RS256).build();
    DefaultTokenService stranger = DefaultTokenService.builder().issuer(ISSUER).clock(clock)
        .build();

    AuthOutcome outcome = resourceServer(issuer).build().verify(token(stranger));

    assertEquals("unknown kid", rejectionReason(outcome, AuthErrorCode.AUTH_TOKEN_INVALID));
  }

  @Test
  void verifyWhenHeaderNamesAnotherAlgorithmThanTheKeysThenRefused() {
    // The RS256 key's own material, signing as PS256: a valid signature, but not what the key is for.
    SigningKey rs = TestJws.KEYS.get(SigningAlgorithm.RS256);
    SigningKey asPs = new SigningKey(rs.kid(), SigningAlgorithm.PS256, KeyState.ACTIVE,
        rs.createdAt(), rs.createdAt(), null, rs.signingKey(), rs.verificationKey());
    AccessTokenVerifier verifier = AccessTokenVerifier.resourceServer()
        .issuer(TestJws.ISSUER).audience(TestJws.AUDIENCE)
        .clock(new MutableClock(TestJws.T0)).auditListener(events::add)
        .publicKeys(PublicKeySource.of(List.of(new PublicVerificationKey(rs.kid(),
            SigningAlgorithm.RS256, (PublicKey) rs.verificationKey()))))
        .build();

    AuthOutcome outcome = verifier.verify(
        TestJws.token(TestJws.header(asPs), TestJws.claims(TestJws.T0), asPs));

    assertEquals("alg not made for this key",
        rejectionReason(outcome, AuthErrorCode.AUTH_TOKEN_INVALID));
  }

  @Test
  void verifyWhenIssuerStampsTypJwtThenRefusedUnlessTheResourceServerIsToldSo() {
    DefaultTokenService issuer = issuerBuilder(ISSUER, SigningAlgorithm.ES256)
        .accessTokenType(AccessTokenType.JWT).build();
    String token = token(issuer);

    AuthOutcome strict = resourceServer(issuer).build().verify(token);
    AuthOutcome told = resourceServer(issuer).accessTokenType(AccessTokenType.JWT).build()
        .verify(token);

    assertEquals("wrong typ", rejectionReason(strict, AuthErrorCode.AUTH_TOKEN_INVALID));
    assertInstanceOf(AuthOutcome.Authenticated.class, told);
  }

  @Test
  void verifierWhenBuiltThenReportsItsIssuer() {
    DefaultTokenService issuer = issuerBuilder(ISSUER, SigningAlgorithm.ES256).build();
    assertEquals(ISSUER, resourceServer(issuer).build().issuer());
  }

  @Test
  void buildWhenIssuerOrKeysMissingThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> AccessTokenVerifier.resourceServer()
        .publicKeys(kid -> Optional.empty()).build());
    assertThrows(NullPointerException.class, () -> AccessTokenVerifier.resourceServer()
        .issuer(ISSUER).build());
  }

  @Test
  void buildWhenEverySettingGivenThenTheVerifierUsesThemAndConsultsTheGivenRevocationList() {
    DefaultTokenService issuer = issuerBuilder(ISSUER, SigningAlgorithm.ES256).build();
    String token = token(issuer);
    InMemoryRevocationStore revoked = new InMemoryRevocationStore();
    RecordingObserver observer = new RecordingObserver();
    AccessTokenVerifier verifier = resourceServer(issuer).clockSkew(Duration.ofSeconds(30))
        .revocationStore(revoked).observer(observer)
        .crypto(JwsCrypto.defaults()).acceptTestKeys(false)
        .accessTokenType(AccessTokenType.AT_JWT).cacheEnabled(true).cacheBounds(10, 1_000_000)
        .build();

    AuthPrincipal p = assertInstanceOf(AuthOutcome.Authenticated.class, verifier.verify(token))
        .principal();
    assertInstanceOf(AuthOutcome.Authenticated.class, verifier.verify(token));
    assertEquals(List.of("cache miss", "cache hit"), observer.calls());
    assertEquals(1, verifier.cachedTokens());

    revoked.revokeAccessToken((String) p.claims().get("jti"), p.expiresAt());
    rejectionReason(verifier.verify(token), AuthErrorCode.AUTH_TOKEN_REVOKED);
  }

  @Test
  void buildWhenCacheDisabledThenNothingCached() {
    DefaultTokenService issuer = issuerBuilder(ISSUER, SigningAlgorithm.ES256).build();
    String token = token(issuer);
    AccessTokenVerifier verifier = resourceServer(issuer).cacheEnabled(false).build();

    assertInstanceOf(AuthOutcome.Authenticated.class, verifier.verify(token));
    assertEquals(0, verifier.cachedTokens());
  }
}
