package io.admin.auth.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.client.AuthorizationCodeClient;
import io.admin.auth.core.client.AuthorizationCodeClientBuilder;
import io.admin.auth.core.client.CodeExchange;
import io.admin.auth.core.client.PendingSignIn;
import io.admin.auth.core.client.TokenClient;
import io.admin.auth.core.client.TokenClientException;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.signin.ApprovedAuthorization;
import io.admin.auth.core.signin.Pkce;
import io.admin.auth.core.spi.SignInSettings;
import io.admin.auth.testkit.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The code exchange of {@link AuthorizationCodeClient} against the real token endpoint (the
 * servlet module on Jetty, through {@link MockAuthorizationServer}). Codes are issued through the
 * core token service for the pending sign-in's PKCE challenge, as the authorization endpoint
 * issues them, so these tests need no browser.
 */
class AuthorizationCodeClientAgainstMockServerTest {

  private static final String SPA_REDIRECT = "http://127.0.0.1:8400/callback";
  private static final String WEB_REDIRECT = "https://web.example/cb";
  private static final String WEB_SECRET = "web-secret-0123456789abcdef";
  private static final Set<String> SCOPES =
      Set.of("openid", "profile", "email", "offline_access", "users:read");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final MutableClock clock = MutableClock.fixedDefault();
  private MockAuthorizationServer server;

  @BeforeEach
  void start() {
    server = MockAuthorizationServer.builder()
        .clock(clock)
        .accessTokenTtl(Duration.ofMinutes(5))
        .client(ClientRegistration.signingIn("spa", null, SCOPES,
            new SignInSettings(true, List.of(SPA_REDIRECT), List.of(), true, null)))
        .client(ClientRegistration.signingIn("web", WEB_SECRET, SCOPES,
            new SignInSettings(false, List.of(WEB_REDIRECT), List.of(), false, "Web")))
        .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private AuthorizationCodeClientBuilder builder(String clientId, String redirect, String scope) {
    return AuthorizationCodeClient.builder()
        .issuer(server.issuer())
        .authorizationEndpoint(server.baseUri().resolve("/api/v3/auth/authorize"))
        .tokenEndpoint(server.tokenEndpoint())
        .clientId(clientId)
        .redirectUri(redirect)
        .scope(scope)
        .clock(clock)
        .httpClient(HTTP)
        .refreshMargin(Duration.ofSeconds(60));
  }

  /** What the authorization endpoint would issue for this pending sign-in's challenge. */
  private String codeFor(String clientId, PendingSignIn pending, String nonce) {
    Map<String, String> q = query(pending.authorizationUri());
    return server.tokenService().issueAuthorizationCode(new ApprovedAuthorization(clientId,
        pending.redirectUri(), q.get("code_challenge"), "alice",
        new HashSet<>(Arrays.asList(q.get("scope").split(" "))), nonce, clock.instant(),
        null)).code();
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> q = new java.util.HashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      q.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return q;
  }

  private static Map<String, Object> payload(String jwt) {
    return Json.parseObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
        StandardCharsets.UTF_8)).orElseThrow();
  }

  @Test
  void publicClientWhenCodeExchangedThenPersonsTokensAndACheckedIdToken() {
    AuthorizationCodeClient client =
        builder("spa", SPA_REDIRECT, "openid profile offline_access users:read").build();
    PendingSignIn pending = client.start();

    CodeExchange result = client.exchange(pending, codeFor("spa", pending, pending.nonce()));

    CodeExchange.SignedIn in = assertInstanceOf(CodeExchange.SignedIn.class, result);
    assertEquals("offline_access openid profile users:read", in.scope());
    Map<String, Object> id = payload(in.idToken().orElseThrow());
    assertEquals(pending.nonce(), id.get("nonce"));
    assertEquals("spa", id.get("aud"));
    AuthOutcome.Authenticated access = assertInstanceOf(AuthOutcome.Authenticated.class,
        server.tokenService().verify(in.tokens().accessToken()));
    assertEquals("alice", access.principal().subject());
    assertEquals("spa", access.principal().clientId());
    assertEquals(List.of("authorization_code"), server.grants());
  }

  @Test
  void signedInWhenAccessTokenDueThenRefreshedWithRotationNeverClientCredentials() {
    AuthorizationCodeClient client =
        builder("spa", SPA_REDIRECT, "openid offline_access users:read").build();
    PendingSignIn pending = client.start();
    TokenClient tokens = ((CodeExchange.SignedIn) client.exchange(pending,
        codeFor("spa", pending, pending.nonce()))).tokens();
    String first = tokens.accessToken();

    clock.advance(Duration.ofMinutes(4).plusSeconds(1));
    String second = tokens.accessToken();
    clock.advance(Duration.ofMinutes(4).plusSeconds(1));
    String third = tokens.accessToken();

    assertNotEquals(first, second);
    assertNotEquals(second, third);
    assertEquals(List.of("authorization_code", "refresh_token", "refresh_token"),
        server.grants());
    AuthOutcome.Authenticated access = assertInstanceOf(AuthOutcome.Authenticated.class,
        server.tokenService().verify(third));
    assertEquals("alice", access.principal().subject());
  }

  @Test
  void signedInWithoutOfflineAccessWhenAccessTokenDueThenSignInRequired() {
    AuthorizationCodeClient client = builder("spa", SPA_REDIRECT, "users:read").build();
    PendingSignIn pending = client.start();
    CodeExchange.SignedIn in = assertInstanceOf(CodeExchange.SignedIn.class,
        client.exchange(pending, codeFor("spa", pending, null)));
    assertEquals(Optional.empty(), in.idToken());

    clock.advance(Duration.ofMinutes(5));
    TokenClientException e = assertThrows(TokenClientException.class,
        () -> in.tokens().accessToken());

    assertTrue(e.signInRequired(), e.getMessage());
    assertEquals(List.of("authorization_code"), server.grants());
  }

  @Test
  void signedInWhenRefreshTokenRevokedThenSignInRequiredAndNoFallback() {
    AuthorizationCodeClient client =
        builder("spa", SPA_REDIRECT, "offline_access users:read").build();
    PendingSignIn pending = client.start();
    String code = codeFor("spa", pending, null);
    TokenClient tokens = ((CodeExchange.SignedIn) client.exchange(pending, code)).tokens();
    // A second redemption of the same code revokes every token issued from it.
    assertInstanceOf(CodeExchange.Failed.class, client.exchange(pending, code));

    clock.advance(Duration.ofMinutes(5));
    TokenClientException e = assertThrows(TokenClientException.class, tokens::accessToken);

    assertTrue(e.signInRequired(), e.getMessage());
    assertEquals(Optional.of("invalid_grant"), e.error());
    assertFalse(server.grants().contains("client_credentials"), server.grants().toString());
  }

  @Test
  void exchangeWhenCodeReplayedThenFailedValueWithTheContractsCode() {
    AuthorizationCodeClient client = builder("spa", SPA_REDIRECT, "openid").build();
    PendingSignIn pending = client.start();
    String code = codeFor("spa", pending, pending.nonce());
    assertInstanceOf(CodeExchange.SignedIn.class, client.exchange(pending, code));

    CodeExchange.Failed failed =
        assertInstanceOf(CodeExchange.Failed.class, client.exchange(pending, code));

    assertEquals(400, failed.status());
    assertEquals(Optional.of("invalid_grant"), failed.error());
    assertEquals(Optional.of("AUTH_AUTHORIZATION_CODE_INVALID"), failed.code());
    assertFalse(failed.message().contains(code), failed.message());
  }

  @Test
  void exchangeWhenAnotherSignInsVerifierThenInvalidGrant() {
    AuthorizationCodeClient client = builder("spa", SPA_REDIRECT, "openid").build();
    PendingSignIn issuedFor = client.start();
    PendingSignIn other = client.start();

    CodeExchange result = client.exchange(other, codeFor("spa", issuedFor, issuedFor.nonce()));

    assertEquals(Optional.of("AUTH_AUTHORIZATION_CODE_INVALID"),
        assertInstanceOf(CodeExchange.Failed.class, result).code());
  }

  @Test
  void exchangeWhenIdTokenCarriesAnotherNonceThenFailedBeforeAnyTokenIsHandedOut() {
    AuthorizationCodeClient client = builder("spa", SPA_REDIRECT, "openid").build();
    PendingSignIn pending = client.start();

    CodeExchange result = client.exchange(pending, codeFor("spa", pending, "someone-elses"));

    assertEquals("the id_token's nonce is not this sign-in's",
        assertInstanceOf(CodeExchange.Failed.class, result).message());
  }

  @Test
  void confidentialClientWhenSecretSentThenSignedInAndWithoutSecretThenInvalidClient() {
    PendingSignIn pending;
    AuthorizationCodeClient withSecret =
        builder("web", WEB_REDIRECT, "openid email").clientSecret(WEB_SECRET).build();
    pending = withSecret.start();
    assertInstanceOf(CodeExchange.SignedIn.class,
        withSecret.exchange(pending, codeFor("web", pending, pending.nonce())));

    AuthorizationCodeClient asPublic = builder("web", WEB_REDIRECT, "openid email").build();
    pending = asPublic.start();
    CodeExchange.Failed failed = assertInstanceOf(CodeExchange.Failed.class,
        asPublic.exchange(pending, codeFor("web", pending, pending.nonce())));
    assertEquals(401, failed.status());
    assertEquals(Optional.of("invalid_client"), failed.error());
  }
}
