package io.admin.auth.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.signin.LogoutHint;
import io.admin.auth.core.spi.SignInSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestIdTokenTest {

  private static final TestKeys RSA = TestKeys.generate(SigningAlgorithm.RS256);
  private final MutableClock clock = MutableClock.at(Instant.parse("2030-01-01T00:00:00Z"));
  private final TestTokens tokens = TestTokens.builder(RSA).clock(clock).build();

  private static Map<String, Object> part(String jwt, int i) {
    return Json.parseObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[i]),
        StandardCharsets.UTF_8)).orElseThrow();
  }

  @Test
  void signWhenDefaultsThenTheLibrarysIdTokenShapeSignedWithTheTestKey() {
    String jwt = tokens.idToken().sign();

    Map<String, Object> header = part(jwt, 0);
    Map<String, Object> claims = part(jwt, 1);
    assertEquals("JWT", header.get("typ"));
    assertEquals("RS256", header.get("alg"));
    assertEquals(RSA.kid(), header.get("kid"));
    long now = clock.instant().getEpochSecond();
    assertEquals(Map.of("iss", TestTokens.DEFAULT_ISSUER, "sub", TestToken.DEFAULT_SUBJECT,
        "aud", TestToken.DEFAULT_CLIENT_ID, "exp", now + 300, "iat", now, "auth_time", now,
        "azp", TestToken.DEFAULT_CLIENT_ID), Map.copyOf(claims));
    String input = jwt.substring(0, jwt.lastIndexOf('.'));
    byte[] signature = Base64.getUrlDecoder().decode(jwt.substring(jwt.lastIndexOf('.') + 1));
    assertTrue(JwsCrypto.jdk().verify(RSA.signingKey(),
        input.getBytes(StandardCharsets.US_ASCII), signature));
  }

  @Test
  void signWhenEverythingSetThenEachValueAndTheProfileAndEmailClaims() {
    Instant signedIn = clock.instant().minusSeconds(90);
    String jwt = tokens.idToken().subject("alice").audience("notes-app", "api")
        .authorizedParty("notes-app").nonce("n-0S6").authTime(signedIn)
        .lifetime(Duration.ofMinutes(1)).claim("email", "alice@example.com")
        .claim("email_verified", true).claim("name", "Alice").sign();

    Map<String, Object> claims = part(jwt, 1);
    assertEquals("alice", claims.get("sub"));
    assertEquals(List.of("notes-app", "api"), claims.get("aud"));
    assertEquals("notes-app", claims.get("azp"));
    assertEquals("n-0S6", claims.get("nonce"));
    assertEquals(signedIn.getEpochSecond(), ((Number) claims.get("auth_time")).longValue());
    assertEquals(clock.instant().plusSeconds(60).getEpochSecond(),
        ((Number) claims.get("exp")).longValue());
    assertEquals("alice@example.com", claims.get("email"));
    assertEquals(true, claims.get("email_verified"));
    assertEquals("Alice", claims.get("name"));
    assertFalse(claims.containsKey("scope") || claims.containsKey("jti"), claims.toString());
  }

  @Test
  void verifyWhenAnIdTokenIsPresentedAsAccessTokenThenRejected() {
    // Audience and client_id of an access token do not make it one: the typ still says ID token.
    String jwt = tokens.idToken().audience(tokens.audience()).claim("client_id", "c1").sign();

    AuthOutcome outcome = tokens.verifier().verify(jwt);

    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID,
        assertInstanceOf(AuthOutcome.Rejected.class, outcome).error().code());
    assertInstanceOf(AuthOutcome.Rejected.class, tokens.tokenService().verify(jwt));
  }

  @Test
  void checkLogoutHintWhenMintedForARegisteredClientThenTheLibraryTakesItAsItsOwn() {
    DefaultTokenService service = tokens.tokenService();
    service.registerClient(ClientRegistration.signingIn("notes-app", null, Set.of("openid"),
        new SignInSettings(true, List.of("https://notes.example/cb"), List.of(), true, null)));

    LogoutHint hint = service.checkLogoutHint(
        tokens.idToken().subject("alice").audience("notes-app").sign());

    LogoutHint.Valid valid = assertInstanceOf(LogoutHint.Valid.class, hint);
    assertEquals("alice", valid.subject());
    assertEquals("notes-app", valid.client().clientId());
  }

  @Test
  void claimWhenItHasItsOwnSetterThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> tokens.idToken().claim("nonce", "x"));
    assertThrows(IllegalArgumentException.class, () -> tokens.idToken().claim("aud", "x"));
    assertThrows(IllegalArgumentException.class, () -> tokens.idToken().audience());
  }
}
