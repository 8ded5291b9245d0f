package io.admin.auth.testkit.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.signin.ResponseMode;
import io.admin.auth.core.spi.SignInSettings;
import io.admin.auth.testkit.server.MockAuthorizationServer;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sign-in driver against the library's real authorization endpoint, login page and consent
 * page (the mock server on Jetty), for a first-party public client and a third-party
 * confidential one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInDriverTest {

  private static final String SPA_REDIRECT = "http://127.0.0.1:8400/callback";
  private static final String WEB_REDIRECT = "https://web.example/cb";
  private static final String WEB_SECRET = "web-secret-0123456789abcdef";
  private static final String PASSWORD = "correct horse battery staple";
  private static final Set<String> SCOPES =
      Set.of("openid", "profile", "email", "offline_access", "users:read");

  private MockAuthorizationServer server;

  @BeforeAll
  void start() {
    server = MockAuthorizationServer.builder()
        .user("alice", PASSWORD, "users:read")
        .client(ClientRegistration.signingIn("spa", null, SCOPES,
            new SignInSettings(true, List.of(SPA_REDIRECT), List.of(), true, null)))
        .client(ClientRegistration.signingIn("web", WEB_SECRET, SCOPES,
            new SignInSettings(false, List.of(WEB_REDIRECT), List.of(), false, "Web App")))
        .start();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private SignInDriverBuilder spa(String scope) {
    return SignInDriver.builder(server.baseUri()).clientId("spa").redirectUri(SPA_REDIRECT)
        .scope(scope);
  }

  private SignInDriverBuilder web(String scope) {
    return SignInDriver.builder(server.baseUri()).clientId("web").clientSecret(WEB_SECRET)
        .redirectUri(WEB_REDIRECT).scope(scope);
  }

  private static Map<String, Object> payload(String jwt) {
    return Json.parseObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
        StandardCharsets.UTF_8)).orElseThrow();
  }

  private static SignInOutcome.SignedIn signedIn(SignInOutcome outcome) {
    return assertInstanceOf(SignInOutcome.SignedIn.class, outcome, outcome::toString);
  }

  @Test
  void firstPartyPublicClientThenSignedInWithoutConsentAndTheTokensArePersons() {
    SignInOutcome.SignedIn in = signedIn(spa("openid profile offline_access users:read")
        .build().signIn("alice", PASSWORD));

    assertFalse(in.consentShown());
    assertEquals("offline_access openid profile users:read", in.scope());
    assertEquals("alice", payload(in.idToken().orElseThrow()).get("sub"));
    AuthOutcome.Authenticated access = assertInstanceOf(AuthOutcome.Authenticated.class,
        server.tokenService().verify(in.accessToken()));
    assertEquals("alice", access.principal().subject());
    assertEquals("spa", access.principal().clientId());
    assertEquals(in.accessToken(), in.tokens().accessToken());
  }

  @Test
  void thirdPartyConfidentialClientThenTheConsentPageIsAnsweredAllow() {
    SignInOutcome.SignedIn in = signedIn(web("openid email").parameter("prompt", "consent")
        .build().signIn("alice", PASSWORD));

    assertTrue(in.consentShown());
    assertEquals("web", payload(in.idToken().orElseThrow()).get("aud"));
  }

  @Test
  void consentDeniedThenRefusedWithAccessDenied() {
    // prompt=consent: a consent remembered from another test must not skip the page.
    SignInOutcome outcome = web("openid").parameter("prompt", "consent").decision("deny")
        .build().signIn("alice", PASSWORD);

    assertEquals("access_denied",
        assertInstanceOf(SignInOutcome.Refused.class, outcome, outcome::toString).error());
  }

  @Test
  void formPostThenTheCodeIsReadFromTheAutoSubmittingForm() {
    SignInOutcome.SignedIn in = signedIn(spa("openid").responseMode(ResponseMode.FORM_POST)
        .build().signIn("alice", PASSWORD));

    assertEquals("openid", in.scope());
  }

  @Test
  void wrongPasswordThenStoppedAtTheLoginPageWithoutEchoingThePassword() {
    SignInOutcome outcome = spa("openid").build().signIn("alice", "not-the-password");

    SignInOutcome.Stopped stopped =
        assertInstanceOf(SignInOutcome.Stopped.class, outcome, outcome::toString);
    assertTrue(stopped.reason().startsWith("the login page came back"), stopped.reason());
    assertFalse(stopped.page().contains("not-the-password"), stopped.page());
  }

  @Test
  void promptNoneWithoutASessionThenRefusedWithLoginRequired() {
    SignInOutcome outcome = spa("openid").parameter("prompt", "none").build()
        .signIn("alice", PASSWORD);

    assertEquals("login_required",
        assertInstanceOf(SignInOutcome.Refused.class, outcome, outcome::toString).error());
  }

  @Test
  void unregisteredRedirectUriThenStoppedOnTheErrorPageNeverRedirected() {
    SignInOutcome outcome = SignInDriver.builder(server.baseUri()).clientId("spa")
        .redirectUri("https://evil.example/cb").scope("openid").build()
        .signIn("alice", PASSWORD);

    assertEquals(400,
        assertInstanceOf(SignInOutcome.Stopped.class, outcome, outcome::toString).status());
  }

  @Test
  void buildWhenTheHttpClientFollowsRedirectsThenRefused() {
    HttpClient following = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    assertThrows(IllegalArgumentException.class,
        () -> spa("openid").httpClient(following).build());
  }
}
