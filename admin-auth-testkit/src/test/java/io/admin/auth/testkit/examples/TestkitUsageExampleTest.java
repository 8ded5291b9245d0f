package io.admin.auth.testkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.client.TokenClient;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.spi.SignInSettings;
import io.admin.auth.core.verify.AccessTokenVerifier;
import io.admin.auth.testkit.MutableClock;
import io.admin.auth.testkit.TestTokens;
import io.admin.auth.testkit.junit.AdminAuthExtension;
import io.admin.auth.testkit.server.MockAuthorizationServer;
import io.admin.auth.testkit.signin.SignInDriver;
import io.admin.auth.testkit.signin.SignInOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's testkit example, compiled and run: what a user's test looks like. */
class TestkitUsageExampleTest {

  @RegisterExtension
  static final AdminAuthExtension AUTH = AdminAuthExtension.builder()
      .issuer("https://auth.example.com")
      .client("reporting", "reporting-secret-0123456789", "users:read")
      .build();

  @Test
  void verifierRejectsWhatItShould(TestTokens tokens, AccessTokenVerifier verifier,
      MutableClock clock) {
    String jwt = tokens.token().subject("alice").scopes("users:read").sign();
    assertInstanceOf(AuthOutcome.Authenticated.class, verifier.verify(jwt));

    String forged = tokens.token().signedByUnknownKey().sign();
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID,
        ((AuthOutcome.Rejected) verifier.verify(forged)).error().code());

    clock.advance(Duration.ofHours(1));
    assertEquals(AuthErrorCode.AUTH_TOKEN_EXPIRED,
        ((AuthOutcome.Rejected) verifier.verify(jwt)).error().code());
  }

  @Test
  void idTokensForRelyingPartyTestsAreNeverAccessTokens(TestTokens tokens,
      AccessTokenVerifier verifier) {
    String idToken = tokens.idToken().subject("alice").audience("notes-app")
        .nonce("n-0S6_WzA2Mj").claim("email", "alice@example.com").sign();

    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID,
        ((AuthOutcome.Rejected) verifier.verify(idToken)).error().code());
  }

  @Test
  void signAPersonInWithoutABrowser() {
    try (MockAuthorizationServer server = MockAuthorizationServer.builder()
        .user("alice", "correct horse battery staple", "users:read")
        .client(ClientRegistration.signingIn("notes-app", null, Set.of("openid", "users:read"),
            new SignInSettings(true, List.of("http://127.0.0.1:8400/callback"), List.of(),
                true, null)))
        .start()) {
      SignInDriver driver = SignInDriver.builder(server.baseUri())
          .clientId("notes-app").redirectUri("http://127.0.0.1:8400/callback")
          .scope("openid users:read").build();

      SignInOutcome outcome = driver.signIn("alice", "correct horse battery staple");

      String accessToken = ((SignInOutcome.SignedIn) outcome).accessToken();
      assertEquals("alice", ((AuthOutcome.Authenticated) server.tokenService()
          .verify(accessToken)).principal().subject());
    }
  }

  @Test
  void clientRetriesAfterRateLimit(MockAuthorizationServer server, MutableClock clock) {
    TokenClient client = TokenClient.builder()
        .tokenEndpoint(server.tokenEndpoint())
        .clientId("reporting").clientSecret("reporting-secret-0123456789")
        .clock(clock)
        .sleeper(wait -> { })   // do not really wait in a test
        .build();
    server.failNextTokenRequests(1, 429, Duration.ofSeconds(1));

    client.accessToken();

    assertEquals(2, server.tokenRequestCount());
    assertEquals(List.of("client_credentials"), server.grants());
  }
}
