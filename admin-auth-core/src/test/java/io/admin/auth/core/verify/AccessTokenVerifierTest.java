package io.admin.auth.core.verify;

import io.admin.auth.core.issue.AccessTokenIssuer;
import io.admin.auth.core.ClaimNames;

import static io.admin.auth.core.verify.TestJws.AUDIENCE;
import static io.admin.auth.core.verify.TestJws.ISSUER;
import static io.admin.auth.core.verify.TestJws.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccessTokenVerifierTest {

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryRevocationStore revocations = new InMemoryRevocationStore();
  private final List<AuditEvent> events = new ArrayList<>();

  private AccessTokenVerifier verifier(Duration skew) {
    return AccessTokenVerifier.builder().issuer(ISSUER).audience(AUDIENCE).clock(clock)
        .clockSkew(skew).keys(TestJws.RING::find).revocationStore(revocations)
        .auditListener(events::add).build();
  }

  private AccessTokenVerifier verifier() {
    return verifier(Duration.ofSeconds(30));
  }

  private static AuthErrorCode code(AuthOutcome outcome) {
    return assertInstanceOf(AuthOutcome.Rejected.class, outcome).error().code();
  }

  @ParameterizedTest
  @EnumSource(SigningAlgorithm.class)
  void verifyWhenValidThenAuthenticatedWithTypedPrincipal(SigningAlgorithm alg) {
    AuthOutcome outcome = verifier().verify(TestJws.token(alg, TestJws.claims(T0)));
    AuthPrincipal p = assertInstanceOf(AuthOutcome.Authenticated.class, outcome).principal();
    assertEquals("client-a", p.subject());
    assertEquals("client-a", p.clientId());
    assertEquals(Set.of("users:read", "users:write"), p.scopes());
    assertEquals(ISSUER, p.issuer());
    assertEquals(T0.plusSeconds(3600), p.expiresAt());
    assertEquals(AuthMethod.BEARER, p.method());
    assertEquals("jti-1", p.claims().get("jti"));
  }

  @Test
  void verifyWhenIssuedByIssuerThenRoundTrips() {
    AccessTokenIssuer issuer = new AccessTokenIssuer(ISSUER, AUDIENCE, clock,
        new io.admin.auth.core.crypto.RandomTokens(new java.security.SecureRandom()),
        io.admin.auth.core.key.JwsCrypto.jdk());
    var issued = issuer.issue(TestJws.KEYS.get(SigningAlgorithm.ES256), "sub-1", "client-b",
        Set.of("a"), Duration.ofMinutes(10), "fam-1");
    AuthPrincipal p = assertInstanceOf(AuthOutcome.Authenticated.class,
        verifier().verify(issued.token())).principal();
    assertEquals("sub-1", p.subject());
    assertEquals("fam-1", p.claims().get(ClaimNames.FAMILY_ID));
    assertEquals(T0.plus(Duration.ofMinutes(10)), p.expiresAt());
    assertFalse(issued.toString().contains(issued.token()));
  }

  @Test
  void verifyWhenJustBeforeExpiryThenAuthenticated() {
    clock.set(T0.plusSeconds(3599));
    assertInstanceOf(AuthOutcome.Authenticated.class,
        verifier(Duration.ZERO).verify(TestJws.token(SigningAlgorithm.RS256, TestJws.claims(T0))));
  }

  @Test
  void verifyWhenExactlyAtExpWithoutSkewThenExpiredWithInstants() {
    clock.set(T0.plusSeconds(3600));
    AuthOutcome outcome =
        verifier(Duration.ZERO).verify(TestJws.token(SigningAlgorithm.RS256, TestJws.claims(T0)));
    var error = assertInstanceOf(AuthOutcome.Rejected.class, outcome).error();
    assertEquals(AuthErrorCode.AUTH_TOKEN_EXPIRED, error.code());
    assertEquals(Map.of("issued_at", "2025-03-15T10:00:00Z", "expired_at", "2025-03-15T11:00:00Z"),
        error.details());
  }

  @Test
  void verifyWhenPastExpButWithinSkewThenAuthenticated() {
    clock.set(T0.plusSeconds(3600 + 29));
    assertInstanceOf(AuthOutcome.Authenticated.class,
        verifier().verify(TestJws.token(SigningAlgorithm.RS256, TestJws.claims(T0))));
  }

  @Test
  void verifyWhenExactlyExpPlusSkewThenExpired() {
    clock.set(T0.plusSeconds(3600 + 30));
    assertEquals(AuthErrorCode.AUTH_TOKEN_EXPIRED,
        code(verifier().verify(TestJws.token(SigningAlgorithm.RS256, TestJws.claims(T0)))));
  }

  @Test
  void verifyWhenBeyondSkewThenExpired() {
    clock.set(T0.plus(Duration.ofDays(2)));
    assertEquals(AuthErrorCode.AUTH_TOKEN_EXPIRED,
        code(verifier().verify(TestJws.token(SigningAlgorithm.RS256, TestJws.claims(T0)))));
  }

  @Test
  void verifyWhenNbfBeyondSkewInFutureThenNotYetValid() {
    Map<String, Object> c = TestJws.claims(T0);
    c.put("nbf", T0.plusSeconds(31).getEpochSecond());
    assertEquals(AuthErrorCode.AUTH_TOKEN_NOT_YET_VALID,
        code(verifier().verify(TestJws.token(SigningAlgorithm.RS256, c))));
  }

  @Test
  void verifyWhenNbfWithinSkewThenAuthenticated() {
    Map<String, Object> c = TestJws.claims(T0);
    c.put("nbf", T0.plusSeconds(30).getEpochSecond());
    assertInstanceOf(AuthOutcome.Authenticated.class,
        verifier().verify(TestJws.token(SigningAlgorithm.RS256, c)));
  }

  @Test
  void verifyWhenIatBeyondSkewInFutureThenNotYetValid() {
    Instant later = T0.plusSeconds(120);
    Map<String, Object> c = TestJws.claims(later);
    c.remove("nbf");
    assertEquals(AuthErrorCode.AUTH_TOKEN_NOT_YET_VALID,
        code(verifier().verify(TestJws.token(SigningAlgorithm.RS256, c))));
  }

  @Test
  void verifyWhenJtiRevokedThenRevoked() {
    revocations.revokeAccessToken("jti-1", T0.plusSeconds(3630));
    assertEquals(AuthErrorCode.AUTH_TOKEN_REVOKED,
        code(verifier().verify(TestJws.token(SigningAlgorithm.RS256, TestJws.claims(T0)))));
  }

  @Test
  void verifyWhenFamilyRevokedThenRevoked() {
    Map<String, Object> c = TestJws.claims(T0);
    c.put(ClaimNames.FAMILY_ID, "fam-9");
    revocations.revokeFamily("fam-9", T0.plusSeconds(3630));
    assertEquals(AuthErrorCode.AUTH_TOKEN_REVOKED,
        code(verifier().verify(TestJws.token(SigningAlgorithm.RS256, c))));
  }

  @Test
  void verifyWhenAudienceArrayContainsOursThenAuthenticated() {
    Map<String, Object> c = TestJws.claims(T0);
    c.put("aud", List.of("https://other.test", AUDIENCE));
    assertInstanceOf(AuthOutcome.Authenticated.class,
        verifier().verify(TestJws.token(SigningAlgorithm.RS256, c)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"at+jwt", "AT+JWT", "application/at+jwt", "Application/AT+JWT"})
  void verifyWhenTypIsAccessTokenTypeInAnyCaseThenAuthenticated(String typ) {
    var key = TestJws.KEYS.get(SigningAlgorithm.RS256);
    Map<String, Object> h = TestJws.header(key);
    h.put("typ", typ);
    assertInstanceOf(AuthOutcome.Authenticated.class,
        verifier().verify(TestJws.token(h, TestJws.claims(T0), key)));
  }

  @Test
  void verifyWhenRejectedThenAuditEventWithFingerprintNotToken() {
    String token = TestJws.token(SigningAlgorithm.RS256, TestJws.claims(T0)) + "x";
    verifier().verify(token);
    var e = assertInstanceOf(AuditEvent.VerificationFailed.class, events.get(0));
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, e.code());
    assertEquals(AuditEvent.fingerprint(token), e.fingerprint());
    assertEquals(12, e.fingerprint().length());
    assertFalse(e.toString().contains(token.substring(0, 40)));
  }

  @Test
  void builderWhenSkewAboveFiveMinutesThenRejected() {
    assertThrows(IllegalArgumentException.class, () -> verifier(Duration.ofMinutes(6)));
  }

  @Test
  void builderWhenNoIssuerThenRejected() {
    assertThrows(IllegalArgumentException.class, () -> AccessTokenVerifier.builder()
        .keys(TestJws.RING::find).revocationStore(revocations).build());
  }
}
