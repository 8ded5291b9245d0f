package io.admin.auth.servlet.http;

import static io.admin.auth.servlet.http.AbstractEndToEndHttpTest.basic;
import static io.admin.auth.servlet.http.AbstractEndToEndHttpTest.enc;
import static io.admin.auth.servlet.http.AbstractFilterHttpTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.issue.TokenResponse;
import io.admin.auth.core.issue.TokenResult;
import io.admin.auth.core.signin.ApprovedAuthorization;
import io.admin.auth.core.signin.Pkce;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.Person;
import io.admin.auth.core.spi.SignInSession;
import io.admin.auth.core.spi.SignInSettings;
import io.admin.auth.core.testing.MutableClock;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.signin.SignIn;
import io.admin.auth.servlet.signin.internal.SignInCookie;
import jakarta.servlet.ServletContainerInitializer;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * UserInfo, RP-initiated logout and the metadata members of signing people in on a live
 * container (docs/http-contract.md, "Signing people
 * in"). The signed-in person and the tokens come from the core API, as the authorization endpoint
 * will produce them: a code issued by the token service and redeemed, and a sign-in session saved
 * in the store with a cookie crafted the way the login page sets it. Run against every container
 * by a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractOidcEndpointsHttpTest {

  static final String USERINFO = "/api/v3/auth/userinfo";
  static final String LOGOUT = "/api/v3/auth/logout";
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  private static final String SPA_REDIRECT = "https://spa.example/cb";
  private static final String SPA_BYE = "https://spa.example/bye";
  private static final String WEB_BYE = "https://web.example/signed-out";
  private static final String SECRET = "secret-web-0123456789abcdef";
  private static final Set<String> SCOPES =
      Set.of("openid", "profile", "email", "offline_access", "users:read");
  private static final Person ALICE = new Person("alice", Map.of("name", "Alice Example",
      "email", "alice@example.com", "email_verified", true, "phone_number", "+1 555 0100"));

  private final MutableClock clock = new MutableClock(CoreFixture.START);
  private final SecureRandom random = new SecureRandom();
  private DefaultTokenService tokens;
  private OAuthClient spa;
  private SignIn signIn;
  private TestServer server;
  Http http;

  abstract TestServer.Factory container();

  @BeforeAll
  void start() throws Exception {
    tokens = DefaultTokenService.builder().issuer(CoreFixture.ISSUER).clock(clock)
        .signingAlgorithm(SigningAlgorithm.ES256).keepRs256KeyForIdTokens(true)
        .personDirectory(s -> s.equals("alice") ? Optional.of(ALICE) : Optional.empty())
        .build();
    spa = tokens.registerClient(ClientRegistration.signingIn("spa", null, SCOPES,
        new SignInSettings(true, List.of(SPA_REDIRECT), List.of(SPA_BYE), true, null)));
    tokens.registerClient(ClientRegistration.signingIn("web", SECRET, SCOPES,
        new SignInSettings(false, List.of("https://web.example/cb"), List.of(WEB_BYE), false,
            "Web")));
    tokens.registerClient(ClientRegistration.of("machine", SECRET, Set.of("users:read")));
    signIn = SignIn.builder().build();
    AdminAuth auth = AdminAuth.builder(tokens).baseUrl(CoreFixture.ISSUER).clock(clock)
        .accessPolicy(AccessPolicy.builder().protectedPrefix("/api").build())
        .signIn(signIn).build();
    ServletContainerInitializer app = (classes, ctx) -> auth.register(ctx);
    server = container().start("", app);
    http = new Http(server.base());
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  /** The tokens {@code spa} gets for alice with {@code scopes}. */
  private TokenResponse signedIn(Set<String> scopes) {
    String code = tokens.issueAuthorizationCode(new ApprovedAuthorization("spa", SPA_REDIRECT,
        Pkce.s256(VERIFIER), "alice", scopes, "nonce-1", clock.instant(), null)).code();
    return ((TokenResult.Issued) tokens.authorizationCode(spa, code, SPA_REDIRECT, VERIFIER))
        .response();
  }

  /** A sign-in session of alice, as the login page leaves it: the store row and the cookie. */
  private String session() {
    String id = SignInCookie.newId(random);
    signIn.sessions().save(new SignInSession(SignInCookie.idHash(id), "alice", clock.instant(),
        Set.of("pwd"), clock.instant().plus(Duration.ofHours(8))));
    return id;
  }

  private boolean sessionAlive(String id) {
    return signIn.sessions().find(SignInCookie.idHash(id)).isPresent();
  }

  private static String cookie(String id) {
    // Plain http to a loopback host: the name without the __Host- prefix.
    return SignInCookie.LOOPBACK_NAME + "=" + id;
  }

  // ---- Metadata ----

  @ParameterizedTest
  @ValueSource(strings = {"/.well-known/openid-configuration",
      "/.well-known/oauth-authorization-server"})
  void metadataWhenSignInConfiguredThenStrictOpenIdProviderDocument(String path)
      throws Exception {
    HttpResponse<String> r = http.get(path);
    assertEquals(200, r.statusCode(), r.body());

    OIDCProviderMetadata parsed = OIDCProviderMetadata.parse(r.body());

    assertEquals(CoreFixture.ISSUER, parsed.getIssuer().getValue());
    assertEquals(CoreFixture.ISSUER + "/api/v3/auth/authorize",
        parsed.getAuthorizationEndpointURI().toString());
    assertEquals(CoreFixture.ISSUER + USERINFO, parsed.getUserInfoEndpointURI().toString());
    assertEquals(CoreFixture.ISSUER + LOGOUT, parsed.getEndSessionEndpointURI().toString());
    assertEquals(List.of(ResponseType.CODE), parsed.getResponseTypes());
    assertEquals(List.of(ResponseMode.QUERY, ResponseMode.FORM_POST), parsed.getResponseModes());
    assertTrue(parsed.getGrantTypes().contains(GrantType.AUTHORIZATION_CODE));
    assertEquals(List.of(SubjectType.PUBLIC), parsed.getSubjectTypes());
    assertEquals(List.of(JWSAlgorithm.RS256), parsed.getIDTokenJWSAlgs());
    assertEquals(List.of(CodeChallengeMethod.S256), parsed.getCodeChallengeMethods());
    assertTrue(parsed.getScopes().contains("openid"));
    assertTrue(parsed.getClaims().containsAll(List.of("sub", "name", "email", "auth_time")));
    assertTrue(parsed.supportsAuthorizationResponseIssuerParam());
    assertTrue(parsed.getTokenEndpointAuthMethods().contains(ClientAuthenticationMethod.NONE));
    assertTrue(parsed.getTokenEndpointAuthMethods()
        .contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC));
  }

  @Test
  void metadataWhenSignInConfiguredThenBothPathsServeTheSameDocument() throws Exception {
    assertEquals(http.get("/.well-known/openid-configuration").body(),
        http.get("/.well-known/oauth-authorization-server").body());
  }

  // ---- UserInfo ----

  @Test
  void userInfoWhenGetWithOpenidTokenThenSubAndConsentedClaimsNotCached() throws Exception {
    String access = signedIn(Set.of("openid", "profile", "email")).accessToken();

    HttpResponse<String> r = http.get(USERINFO, "Authorization", "Bearer " + access);

    assertEquals(200, r.statusCode(), r.body());
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals(Map.of("sub", "alice", "name", "Alice Example", "email", "alice@example.com",
        "email_verified", true), Http.body(r));
    assertTrue(r.body().startsWith("{\"sub\":\"alice\""), r.body());
  }

  @Test
  void userInfoWhenPostWithHeaderThenSameAnswerAndOnlyOpenidReleasesSubAlone() throws Exception {
    String access = signedIn(Set.of("openid", "users:read")).accessToken();

    HttpResponse<String> r = http.form(USERINFO, "", "Authorization", "Bearer " + access);

    assertEquals(200, r.statusCode(), r.body());
    assertEquals(Map.of("sub", "alice"), Http.body(r));
  }

  @Test
  void userInfoWhenTokenOnlyInFormBodyThenNotReadAndBearerChallenge() throws Exception {
    String access = signedIn(Set.of("openid")).accessToken();

    HttpResponse<String> r = http.form(USERINFO, "access_token=" + enc(access));

    assertError(r, 401, "unauthorized", "AUTH_CREDENTIALS_MISSING");
    assertEquals(List.of("Bearer realm=\"admin\""), r.headers().allValues("WWW-Authenticate"));
  }

  @Test
  void userInfoWhenNoCredentialOrBasicOrApiKeyThenPlainBearerChallenge() throws Exception {
    for (HttpResponse<String> r : List.of(http.get(USERINFO),
        http.get(USERINFO, "Authorization", basic("machine", SECRET)),
        http.get(USERINFO, "X-API-Key", "ak_live_0123456789abcdef0123456789abcdef"))) {
      assertError(r, 401, "unauthorized", "AUTH_CREDENTIALS_MISSING");
      assertEquals(List.of("Bearer realm=\"admin\""), r.headers().allValues("WWW-Authenticate"));
    }
  }

  @Test
  void userInfoWhenTokenWithoutOpenidThenInsufficientScopeNamingOpenid() throws Exception {
    OAuthClient machine = ((io.admin.auth.core.issue.ClientAuthentication.Succeeded)
        tokens.authenticateClient("machine", SECRET)).client();
    String access = ((TokenResult.Issued) tokens.clientCredentials(machine, Optional.empty()))
        .response().accessToken();

    HttpResponse<String> r = http.get(USERINFO, "Authorization", "Bearer " + access);

    assertError(r, 403, "insufficient_scope", "AUTH_INSUFFICIENT_SCOPE");
    String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
    assertTrue(challenge.startsWith("Bearer realm=\"admin\", error=\"insufficient_scope\""),
        challenge);
    assertTrue(challenge.contains("scope=\"openid\""), challenge);
  }

  @Test
  void userInfoWhenIdTokenPresentedThenInvalidToken() throws Exception {
    String idToken = signedIn(Set.of("openid")).idToken();

    HttpResponse<String> r = http.get(USERINFO, "Authorization", "Bearer " + idToken);

    assertError(r, 401, "invalid_token", "AUTH_TOKEN_INVALID");
    assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("")
        .startsWith("Bearer realm=\"admin\", error=\"invalid_token\""));
  }

  @Test
  void userInfoWhenMalformedOrExpiredTokenThenInvalidToken() throws Exception {
    assertError(http.get(USERINFO, "Authorization", "Bearer not a token"), 401, "invalid_token",
        "AUTH_TOKEN_INVALID");
    String access = signedIn(Set.of("openid")).accessToken();
    clock.advance(Duration.ofHours(2));
    try {
      HttpResponse<String> r = http.get(USERINFO, "Authorization", "Bearer " + access);
      assertError(r, 401, "invalid_token", "AUTH_TOKEN_EXPIRED");
    } finally {
      clock.advance(Duration.ofHours(-2));
    }
  }

  @Test
  void userInfoWhenTwoAuthorizationHeadersOrOtherMethodThenRefused() throws Exception {
    String access = signedIn(Set.of("openid")).accessToken();
    assertError(http.get(USERINFO, "Authorization", "Bearer " + access, "Authorization",
        "Bearer " + access), 400, "invalid_request", "AUTH_REQUEST_INVALID");
    HttpResponse<String> put = http.send("PUT", USERINFO, null, null);
    assertError(put, 405, "invalid_request", "AUTH_REQUEST_INVALID");
    assertEquals("GET, POST", put.headers().firstValue("Allow").orElse(null));
  }

  // ---- Logout ----

  @Test
  void logoutWhenValidHintAndRegisteredUriThenSessionEndedAndRedirectWithState()
      throws Exception {
    String id = session();
    String hint = signedIn(Set.of("openid")).idToken();

    HttpResponse<String> r = http.get(LOGOUT + "?id_token_hint=" + hint
        + "&post_logout_redirect_uri=" + enc(SPA_BYE) + "&state=" + enc("s 1/&x"),
        "Cookie", cookie(id));

    assertEquals(303, r.statusCode(), r.body());
    assertEquals(SPA_BYE + "?state=s+1%2F%26x", r.headers().firstValue("Location").orElse(null));
    assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null));
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
    assertFalse(sessionAlive(id));
    String setCookie = r.headers().firstValue("Set-Cookie").orElse("");
    assertTrue(setCookie.startsWith(SignInCookie.LOOPBACK_NAME + "=;"), setCookie);
    assertTrue(setCookie.contains("Max-Age=0"), setCookie);
  }

  @Test
  void logoutWhenHintExpiredButOtherwiseValidThenStillRedirects() throws Exception {
    String hint = signedIn(Set.of("openid")).idToken();
    clock.advance(Duration.ofDays(3));
    try {
      HttpResponse<String> r = http.get(LOGOUT + "?id_token_hint=" + hint
          + "&post_logout_redirect_uri=" + enc(SPA_BYE));
      assertEquals(303, r.statusCode(), r.body());
      assertEquals(SPA_BYE, r.headers().firstValue("Location").orElse(null));
    } finally {
      clock.advance(Duration.ofDays(-3));
    }
  }

  @Test
  void logoutWhenClientIdAloneAndItsRegisteredUriThenRedirects() throws Exception {
    String id = session();
    HttpResponse<String> r = http.get(LOGOUT + "?client_id=web&post_logout_redirect_uri="
        + enc(WEB_BYE) + "&state=abc", "Cookie", cookie(id));

    assertEquals(303, r.statusCode(), r.body());
    assertEquals(WEB_BYE + "?state=abc", r.headers().firstValue("Location").orElse(null));
    assertFalse(sessionAlive(id));
  }

  @Test
  void logoutWhenPostFormThenSameAsGet() throws Exception {
    String id = session();
    String hint = signedIn(Set.of("openid")).idToken();
    HttpResponse<String> r = http.form(LOGOUT, "id_token_hint=" + hint
        + "&post_logout_redirect_uri=" + enc(SPA_BYE), "Cookie", cookie(id));

    assertEquals(303, r.statusCode(), r.body());
    assertEquals(SPA_BYE, r.headers().firstValue("Location").orElse(null));
    assertFalse(sessionAlive(id));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://evil.example/bye", WEB_BYE, "//evil.example/bye",
      SPA_BYE + "?next=https://evil.example", SPA_BYE + "/", "HTTPS://spa.example/bye",
      SPA_BYE + "#x", "javascript:alert(1)", "https://spa.example/bye@evil.example"})
  void logoutWhenUriNotRegisteredForTheHintsClientThenSignedOutPageNeverRedirect(String uri)
      throws Exception {
    String id = session();
    String hint = signedIn(Set.of("openid")).idToken();

    HttpResponse<String> r = http.get(LOGOUT + "?id_token_hint=" + hint
        + "&post_logout_redirect_uri=" + enc(uri) + "&state=x", "Cookie", cookie(id));

    assertSignedOutPage(r);
    assertFalse(sessionAlive(id), "the session ends even without a redirect");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "&client_id=nobody", "&id_token_hint=a.b.c&client_id=spa",
      "&client_id=web"})
  void logoutWhenNoTrustedClientForTheUriThenNeverRedirect(String identification)
      throws Exception {
    String id = session();
    HttpResponse<String> r = http.get(LOGOUT + "?post_logout_redirect_uri=" + enc(SPA_BYE)
        + identification, "Cookie", cookie(id));

    assertSignedOutPage(r);
    assertFalse(sessionAlive(id));
  }

  @Test
  void logoutWhenClientIdContradictsHintThenErrorPageAndSessionKept() throws Exception {
    String id = session();
    String hint = signedIn(Set.of("openid")).idToken();

    HttpResponse<String> r = http.get(LOGOUT + "?id_token_hint=" + hint + "&client_id=web"
        + "&post_logout_redirect_uri=" + enc(WEB_BYE), "Cookie", cookie(id));

    assertEquals(400, r.statusCode());
    assertTrue(r.headers().firstValue("Location").isEmpty());
    assertTrue(sessionAlive(id));
  }

  @Test
  void logoutWhenParameterRepeatedOrStateHugeThenErrorPage() throws Exception {
    HttpResponse<String> twice = http.get(LOGOUT + "?client_id=spa&post_logout_redirect_uri="
        + enc(SPA_BYE) + "&post_logout_redirect_uri=" + enc("https://evil.example/"));
    assertEquals(400, twice.statusCode());
    assertTrue(twice.headers().firstValue("Location").isEmpty());
    HttpResponse<String> huge = http.get(LOGOUT + "?client_id=spa&post_logout_redirect_uri="
        + enc(SPA_BYE) + "&state=" + "s".repeat(600));
    assertEquals(400, huge.statusCode());
    assertTrue(huge.headers().firstValue("Location").isEmpty());
  }

  @Test
  void logoutWhenNoSessionThenSignedOutPageWithoutCookieAndOtherMethodRefused()
      throws Exception {
    HttpResponse<String> r = http.get(LOGOUT);
    assertSignedOutPage(r);
    assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());
    HttpResponse<String> delete = http.send("DELETE", LOGOUT, null, null);
    assertEquals(405, delete.statusCode());
    assertEquals("GET, POST", delete.headers().firstValue("Allow").orElse(null));
  }

  private static void assertSignedOutPage(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Location").isEmpty(), "must not redirect");
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
    assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null));
    assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("")
        .contains("default-src 'none'"));
    assertTrue(r.body().contains("You are signed out."), r.body());
    assertFalse(r.body().contains("evil"), "nothing from the request is echoed");
  }
}
