package io.admin.auth.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.verify.BearerTokenVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TestTokensTest {

  private static final TestKeys KEYS = TestKeys.generate();
  private final MutableClock clock = MutableClock.at(Instant.parse("2030-01-01T00:00:00Z"));
  private final TestTokens tokens = TestTokens.builder(KEYS).clock(clock).build();

  private static AuthPrincipal authenticated(AuthOutcome outcome) {
    return assertInstanceOf(AuthOutcome.Authenticated.class, outcome, outcome::toString).principal();
  }

  private static AuthErrorCode rejected(AuthOutcome outcome) {
    return assertInstanceOf(AuthOutcome.Rejected.class, outcome, outcome::toString).error().code();
  }

  @Test
  void signWhenEverythingSetThenRealVerifierSeesEachValue() {
    String jwt = tokens.token().subject("alice").clientId("reporting")
        .scopes("users:read", "users:write").claim("tenant", "acme").lifetime(Duration.ofMinutes(2))
        .sign();

    AuthPrincipal p = authenticated(tokens.verifier().verify(jwt));

    assertEquals("alice", p.subject());
    assertEquals("reporting", p.clientId());
    assertEquals(Set.of("users:read", "users:write"), p.scopes());
    assertEquals(TestTokens.DEFAULT_ISSUER, p.issuer());
    assertEquals(AuthMethod.BEARER, p.method());
    assertEquals(clock.instant().plus(Duration.ofMinutes(2)), p.expiresAt());
    assertEquals("acme", p.claims().get("tenant"));
  }

  @Test
  void signWhenDefaultsThenDocumentedDefaults() {
    AuthPrincipal p = authenticated(tokens.verifier().verify(tokens.token().sign()));

    assertEquals(TestToken.DEFAULT_SUBJECT, p.subject());
    assertEquals(TestToken.DEFAULT_CLIENT_ID, p.clientId());
    assertEquals(Set.of(), p.scopes());
    assertEquals(clock.instant().plus(TestToken.DEFAULT_LIFETIME), p.expiresAt());
  }

  @Test
  void signWhenIssuerAndAudienceSetThenVerifierForThemAccepts() {
    TestTokens custom = TestTokens.builder(KEYS).issuer("http://localhost:1")
        .audience("api://users").clock(clock).build();

    AuthPrincipal p = authenticated(custom.verifier().verify(custom.token().sign()));

    assertEquals("http://localhost:1", p.issuer());
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID,
        rejected(tokens.verifier().verify(custom.token().sign())));
  }

  @Test
  void verifyWhenClockPassesExpiryThenRejectedWithExpiredCode() {
    String jwt = tokens.token().lifetime(Duration.ofMinutes(5)).sign();
    authenticated(tokens.verifier().verify(jwt));

    clock.advance(Duration.ofMinutes(5).plusSeconds(30));

    assertEquals(AuthErrorCode.AUTH_TOKEN_EXPIRED, rejected(tokens.verifier().verify(jwt)));
  }

  static Stream<Arguments> brokenVariants() {
    return Stream.of(
        Arguments.of("expired", (UnaryOperator<TestToken>) TestToken::expired,
            AuthErrorCode.AUTH_TOKEN_EXPIRED),
        Arguments.of("notYetValid", (UnaryOperator<TestToken>) TestToken::notYetValid,
            AuthErrorCode.AUTH_TOKEN_NOT_YET_VALID),
        Arguments.of("wrongIssuer", (UnaryOperator<TestToken>) TestToken::wrongIssuer,
            AuthErrorCode.AUTH_TOKEN_INVALID),
        Arguments.of("wrongAudience", (UnaryOperator<TestToken>) TestToken::wrongAudience,
            AuthErrorCode.AUTH_TOKEN_INVALID),
        Arguments.of("signedByUnknownKey", (UnaryOperator<TestToken>) TestToken::signedByUnknownKey,
            AuthErrorCode.AUTH_TOKEN_INVALID),
        Arguments.of("tamperedSignature", (UnaryOperator<TestToken>) TestToken::tamperedSignature,
            AuthErrorCode.AUTH_TOKEN_INVALID),
        Arguments.of("algNone", (UnaryOperator<TestToken>) TestToken::algNone,
            AuthErrorCode.AUTH_TOKEN_INVALID));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenVariants")
  void verifyWhenBrokenVariantThenRealVerifierRejectsWithContractCode(String name,
      UnaryOperator<TestToken> breakIt, AuthErrorCode expected) {
    String jwt = breakIt.apply(tokens.token().subject("alice").scopes("users:read")).sign();

    assertEquals(expected, rejected(tokens.verifier().verify(jwt)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenVariants")
  void verifyWhenBrokenVariantThenRealTokenServiceRejectsWithContractCode(String name,
      UnaryOperator<TestToken> breakIt, AuthErrorCode expected) {
    BearerTokenVerifier service = tokens.tokenService();

    assertEquals(expected, rejected(service.verify(breakIt.apply(tokens.token()).sign())));
    authenticated(service.verify(tokens.token().sign()));
  }

  @ParameterizedTest
  @EnumSource(value = SigningAlgorithm.class, names = {"RS256", "PS256", "ES256", "EDDSA"})
  void signWhenEachPublishedAlgorithmThenVerifiedAndTamperingDetected(SigningAlgorithm alg) {
    TestTokens t = TestTokens.builder(TestKeys.generate(alg, clock)).clock(clock).build();

    authenticated(t.verifier().verify(t.token().sign()));
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID,
        rejected(t.verifier().verify(t.token().tamperedSignature().sign())));
  }

  @Test
  void tokenServiceWhenBuiltThenIssuesWithTheTestKey() {
    TestKeys fresh = TestKeys.generate(SigningAlgorithm.ES256, clock);
    var service = TestTokens.builder(fresh).clock(clock).build().tokenService();

    assertEquals(fresh.kid(), service.keyRing().active().kid());
    assertEquals(List.of(fresh.kid()), Json.kids(service.jwkSetJson()));
  }

  @Test
  void claimWhenRegisteredNameThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> tokens.token().claim("exp", 1));
    assertThrows(IllegalArgumentException.class, () -> tokens.token().claim("scope", "x"));
    assertThrows(IllegalArgumentException.class, () -> tokens.token().scopes("a b"));
  }

  /** Reads kids out of a JWK Set. */
  static final class Json {
    @SuppressWarnings("unchecked")
    static List<String> kids(String jwks) {
      List<Map<String, Object>> keys = (List<Map<String, Object>>)
          io.admin.auth.core.internal.jose.Json.parseObject(jwks).orElseThrow().get("keys");
      return keys.stream().map(k -> (String) k.get("kid")).toList();
    }
  }
}
