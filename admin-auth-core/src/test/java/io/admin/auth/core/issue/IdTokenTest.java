package io.admin.auth.core.issue;

import static io.admin.auth.core.issue.ServiceFixture.issued;
import static io.admin.auth.core.issue.ServiceFixture.rejectedCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.testing.MutableClock;
import io.admin.auth.core.verify.AccessTokenVerifier;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdTokenTest {

  private final SignInFixture f = new SignInFixture();

  private static Map<String, Object> payload(String jwt) {
    String p = jwt.split("\\.")[1];
    return Json.parseObject(new String(Base64.getUrlDecoder().decode(p),
        StandardCharsets.UTF_8)).orElseThrow();
  }

  private String idToken(Set<String> scopes, String nonce) {
    String code = f.code(SignInFixture.SPA, SignInFixture.SPA_REDIRECT, scopes, nonce);
    return f.exchange(code).idToken();
  }

  @Test
  void idTokenWhenServiceSignsEs256ThenTypJwtAndRs256WithAKeyOfTheJwkSet() throws Exception {
    TokenResponse r = f.exchange(f.spaCode(Set.of("openid")));
    assertEquals("ES256", ServiceFixture.header(r.accessToken()).get("alg"));

    Map<String, Object> header = ServiceFixture.header(r.idToken());
    assertEquals("JWT", header.get("typ"));
    assertEquals("RS256", header.get("alg"));
    JWK published = JWKSet.parse(f.service.jwkSetJson()).getKeyByKeyId((String) header.get("kid"));
    assertNotNull(published, "the ID token's key is in the JWK Set");
    assertEquals(JWSAlgorithm.RS256, published.getAlgorithm());
    assertTrue(SignedJWT.parse(r.idToken()).verify(new RSASSAVerifier((RSAKey) published)));
    assertEquals(List.of("RS256"), f.service.idTokenSigningAlgorithms());
  }

  @Test
  void jwkSetWhenRs256KeptBesideEs256ThenBothPublishedAndAccessTokensStayEs256() throws Exception {
    List<JWK> keys = JWKSet.parse(f.service.jwkSetJson()).getKeys();
    assertEquals(Set.of("ES256", "RS256"),
        Set.of(keys.get(0).getAlgorithm().getName(), keys.get(1).getAlgorithm().getName()));
    assertEquals("ES256", f.service.keyRing().active().algorithm().jwsName());
  }

  @Test
  void idTokenWhenNonceSentThenClaimsOfOidcCoreTwo() {
    String idToken = idToken(Set.of("openid"), "n-0S6_WzA2Mj");
    Map<String, Object> claims = payload(idToken);
    long now = f.clock.instant().getEpochSecond();
    assertEquals(ServiceFixture.ISSUER, claims.get("iss"));
    assertEquals("alice", claims.get("sub"));
    assertEquals("spa", claims.get("aud"));
    assertEquals("spa", claims.get("azp"));
    assertEquals(now, ((Number) claims.get("iat")).longValue());
    assertEquals(now + 300, ((Number) claims.get("exp")).longValue());
    assertEquals(f.signedInAt.getEpochSecond(), ((Number) claims.get("auth_time")).longValue());
    assertEquals("n-0S6_WzA2Mj", claims.get("nonce"));
    assertEquals(Set.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "azp"),
        claims.keySet());
  }

  @Test
  void idTokenWhenNoNonceSentThenNoNonceClaim() {
    assertFalse(payload(idToken(Set.of("openid"), null)).containsKey("nonce"));
  }

  @Test
  void idTokenWhenProfileAndEmailConsentedThenTheirClaimsOnly() {
    Map<String, Object> both = payload(idToken(Set.of("openid", "profile", "email"), null));
    assertEquals("Alice Example", both.get("name"));
    assertEquals("alice", both.get("preferred_username"));
    assertEquals("alice@example.com", both.get("email"));
    assertEquals(true, both.get("email_verified"));

    Map<String, Object> emailOnly = payload(idToken(Set.of("openid", "email"), null));
    assertFalse(emailOnly.containsKey("name"));
    assertEquals("alice@example.com", emailOnly.get("email"));

    Map<String, Object> none = payload(idToken(Set.of("openid"), null));
    assertFalse(none.containsKey("email"));
    assertFalse(none.containsKey("preferred_username"));
  }

  @Test
  void idTokenWhenLifetimeConfiguredThenExpLater() {
    SignInFixture tenMinutes = new SignInFixture(ServiceFixture.builder(f.clock)
        .idTokenTtl(java.time.Duration.ofMinutes(10)));
    String code = tenMinutes.spaCode(Set.of("openid"));
    Map<String, Object> claims = payload(tenMinutes.exchange(code).idToken());
    assertEquals(600, ((Number) claims.get("exp")).longValue()
        - ((Number) claims.get("iat")).longValue());
  }

  @Test
  void verifyWhenIdTokenPresentedAsAccessTokenThenInvalidByTheServiceAndAVerifier() {
    String idToken = idToken(Set.of("openid", "profile"), "n");
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, rejectedCode(f.service.verify(idToken)));

    AccessTokenVerifier verifier = AccessTokenVerifier.builder().issuer(ServiceFixture.ISSUER)
        .audience("spa").clock(f.clock).keys(kid -> f.service.keyRing().find(kid))
        .revocationStore(new InMemoryRevocationStore()).build();
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, rejectedCode(verifier.verify(idToken)));
    assertFalse(f.service.introspect(f.spa, idToken, Optional.empty()).active());
  }

  @Test
  void idTokenWhenServiceSignsRs256ThenTheActiveKeySignsItAndNoSecondKeyIsMade() {
    DefaultTokenService rs = DefaultTokenService.builder().issuer(ServiceFixture.ISSUER)
        .clock(MutableClock.atGuideExample()).build();
    rs.registerClient(ClientRegistration.signingIn("app", null, Set.of("openid"),
        new io.admin.auth.core.spi.SignInSettings(true, List.of("com.example.app:/cb"),
            List.of(), true, null)));
    String code = rs.issueAuthorizationCode(new io.admin.auth.core.signin.ApprovedAuthorization(
        "app", "com.example.app:/cb", SignInFixture.CHALLENGE, "bob", Set.of("openid"), null,
        f.signedInAt, null)).code();
    TokenResponse r = issued(rs.authorizationCode(rs.authenticatePublicClient("app") instanceof
        ClientAuthentication.Succeeded s ? s.client() : null, code, "com.example.app:/cb",
        SignInFixture.VERIFIER));
    assertEquals(rs.keyRing().active().kid(), ServiceFixture.header(r.idToken()).get("kid"));
    assertEquals(1, rs.keyRing().keys().size());
    assertEquals("bob", payload(r.idToken()).get("sub"));
  }
}
