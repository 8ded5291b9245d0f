package io.admin.auth.servlet.http;

import static io.admin.auth.servlet.http.AbstractEndToEndHttpTest.enc;
import static io.admin.auth.servlet.http.AbstractFilterHttpTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.password.Argon2Params;
import io.admin.auth.core.password.BasicAuthenticator;
import io.admin.auth.core.password.PasswordHasher;
import io.admin.auth.core.spi.User;
import io.admin.auth.core.store.memory.InMemoryUserStore;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.issue.TokenResult;
import io.admin.auth.core.signin.ApprovedAuthorization;
import io.admin.auth.core.spi.SignInSession;
import io.admin.auth.core.spi.SignInSettings;
import io.admin.auth.core.testing.MutableClock;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.session.BrowserSessions;
import io.admin.auth.servlet.signin.SignIn;
import io.admin.auth.servlet.signin.internal.SignInCookie;
import jakarta.servlet.ServletContainerInitializer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Browser sessions in HTTP-only cookies (docs/http-contract.md, "Browser apps") on a live
 * container: the login redirect and its sealed state, the callback and every cookie attribute
 * (the plain-http loopback exception, and the prefixed, {@code Secure} cookies for any other host),
 * {@code return_to} tricks, the cookie as a credential on opted-in paths, a header winning over
 * it, the CSRF matrix, refresh rotation with reuse detection and two tabs at once, logout. The
 * authorization code the authorization endpoint would issue is minted through the core token
 * service for the state and challenge the login redirect carries. Run per container by a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractBrowserSessionHttpTest {

  static final String BFF = "app-bff";
  static final String BFF_SECRET = "bff-secret-0123456789abcdef";
  static final String REDIRECT = CoreFixture.ISSUER + "/api/v3/auth/session/callback";
  static final String SESSION = "/api/v3/auth/session";
  static final Set<String> SCOPES = Set.of("openid", "offline_access", "users:read",
      "users:write");
  static final String ACCESS = "admin-auth-access";
  static final String REFRESH = "admin-auth-refresh";
  static final String CSRF = "admin-auth-csrf";
  static final String LOGIN = "admin-auth-login";
  static final String PASSWORD = "correct horse battery staple";

  private final MutableClock clock = new MutableClock(CoreFixture.START);
  private DefaultTokenService tokens;
  private SignIn signIn;
  private TestServer server;
  private Http http;
  private final HttpClient async = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).build();

  abstract TestServer.Factory container();

  @BeforeAll
  void start() throws Exception {
    // The library default, RS256: the largest access token, for the cookie-size check.
    tokens = DefaultTokenService.builder().issuer(CoreFixture.ISSUER).clock(clock).build();
    tokens.registerClient(ClientRegistration.signingIn(BFF, BFF_SECRET, SCOPES,
        new SignInSettings(false, List.of(REDIRECT), List.of(), true, "App")));
    tokens.registerClient(ClientRegistration.of(CoreFixture.CLIENT_A, CoreFixture.SECRET_A,
        Set.of("users:read", "users:write")));
    SecureRandom random = new SecureRandom();
    PasswordHasher hasher = PasswordHasher.withParams(new Argon2Params(64, 1, 1), random);
    InMemoryUserStore users = new InMemoryUserStore();
    users.save(new User("alice", hasher.hash(PASSWORD), Set.of("users:read"), false));
    byte[] pepper = new byte[32];
    random.nextBytes(pepper);
    signIn = SignIn.builder().defaultLoginPage(BasicAuthenticator.builder().users(users)
        .hasher(hasher).cacheKeyHasher(SecretHasher.withPepper(pepper)).clock(clock)
        .random(random).build()).build();
    server = container().start("", app());
    http = new Http(server.base());
  }

  /** A node of its own over the shared token service: nothing in memory but the settings. */
  private ServletContainerInitializer app() {
    AdminAuth auth = AdminAuth.builder(tokens).clock(clock)
        .accessPolicy(AccessPolicy.builder().protectedPrefix("/api")
            .rule("GET,HEAD", "/api/v3/me").rule("POST", "/api/v3/me")
            .rule("GET,HEAD", "/api/v3/users/**", "users:read")
            .rule("POST", "/api/v3/users/**", "users:write")
            .rule("GET", "/api/v3/other").build())
        .scheme(new TestApiKeyScheme())
        .signIn(signIn)
        .browserSessions(BrowserSessions.builder(BFF, BFF_SECRET)
            .scopes(SCOPES).cookiePath("/api/v3/me").cookiePath("/api/v3/users/**")
            .clock(clock).random(new SecureRandom()).build())
        .build();
    return (classes, ctx) -> {
      auth.register(ctx);
      ctx.addServlet("echo", new EchoServlet()).addMapping("/");
    };
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static Map<String, String> query(String location) {
    Map<String, String> q = new LinkedHashMap<>();
    for (String p : URI.create(location).getRawQuery().split("&")) {
      String[] kv = p.split("=", 2);
      q.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return q;
  }

  private String mintCode(String challenge) {
    return tokens.issueAuthorizationCode(new ApprovedAuthorization(BFF, REDIRECT, challenge,
        "alice", SCOPES, null, clock.instant(), null)).code();
  }

  /** Login, a code for its challenge, callback: the browser's cookies afterwards. */
  private BrowserCookies signedIn() throws Exception {
    BrowserCookies jar = new BrowserCookies();
    HttpResponse<String> login = http.get(SESSION + "/login?return_to=%2Fapp%2F");
    assertEquals(302, login.statusCode(), login.body());
    jar.take(login);
    Map<String, String> q = query(login.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> cb = callback(jar, mintCode(q.get("code_challenge")), q.get("state"),
        CoreFixture.ISSUER);
    assertEquals(303, cb.statusCode(), cb.body());
    return jar.take(cb);
  }

  private HttpResponse<String> callback(BrowserCookies jar, String code, String state,
      String iss) throws Exception {
    return http.get(SESSION + "/callback?code=" + enc(code) + "&state=" + enc(state)
        + (iss == null ? "" : "&iss=" + enc(iss)), "Cookie", jar.header());
  }

  private HttpResponse<String> post(String path, BrowserCookies jar, String... headers)
      throws Exception {
    String[] all = new String[headers.length + 2];
    all[0] = "Cookie";
    all[1] = jar.header();
    System.arraycopy(headers, 0, all, 2, headers.length);
    return http.send("POST", path, null, null, all);
  }

  private static String cookie(HttpResponse<String> r, String name) {
    return BrowserCookies.setCookie(r.headers().allValues("Set-Cookie"), name)
        .orElseThrow(() -> new AssertionError("no Set-Cookie " + name + ": "
            + r.headers().allValues("Set-Cookie")));
  }

  private static String attributes(String setCookie) {
    return setCookie.substring(setCookie.indexOf(';'));
  }

  // ---- login and callback --------------------------------------------------------------------

  @Test
  void loginWhenReturnToLocalThenRedirectToAuthorizeWithPkceStateAndSealedLoginCookie()
      throws Exception {
    HttpResponse<String> r = http.get(SESSION + "/login?return_to=%2Fapp%2F%3Ftab%3D1%23top");

    assertEquals(302, r.statusCode(), r.body());
    String location = r.headers().firstValue("Location").orElseThrow();
    assertTrue(location.startsWith("/api/v3/auth/authorize?"), location);
    Map<String, String> q = query(location);
    assertEquals("code", q.get("response_type"));
    assertEquals(BFF, q.get("client_id"));
    assertEquals(REDIRECT, q.get("redirect_uri"));
    assertEquals("S256", q.get("code_challenge_method"));
    assertEquals(43, q.get("code_challenge").length());
    assertTrue(q.get("state").length() >= 43);
    assertEquals(SCOPES, Set.of(q.get("scope").split(" ")));
    String login = cookie(r, LOGIN);
    assertEquals("; Path=/; HttpOnly; SameSite=Lax; Max-Age=600", attributes(login));
    // Sealed: neither the state nor anything readable is in the cookie.
    assertFalse(login.contains(q.get("state")));
    assertFalse(login.contains("/app/"));
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
  }

  @Test
  void callbackWhenStateAndIssuerMatchThenEveryCookieExactlyAndRedirectToReturnTo()
      throws Exception {
    BrowserCookies jar = new BrowserCookies();
    HttpResponse<String> login = http.get(SESSION + "/login?return_to=%2Fapp%2F");
    jar.take(login);
    Map<String, String> q = query(login.headers().firstValue("Location").orElseThrow());

    HttpResponse<String> cb = callback(jar, mintCode(q.get("code_challenge")), q.get("state"),
        CoreFixture.ISSUER);

    assertEquals(303, cb.statusCode(), cb.body());
    assertEquals("/app/", cb.headers().firstValue("Location").orElse(null));
    assertEquals("; Path=/; HttpOnly; SameSite=Lax", attributes(cookie(cb, ACCESS)));
    assertEquals("; Path=/api/v3/auth/session; HttpOnly; SameSite=Lax",
        attributes(cookie(cb, REFRESH)));
    assertEquals("; Path=/; SameSite=Lax", attributes(cookie(cb, CSRF)));
    assertTrue(cookie(cb, LOGIN).contains("Max-Age=0"));
    for (String h : cb.headers().allValues("Set-Cookie")) {
      assertFalse(h.contains("Secure"), "plain-http loopback: " + h);
      assertFalse(h.startsWith("__"), "plain-http loopback: " + h);
    }
  }

  @Test
  void cookiesWithTheDefaultRs256TokenFitInFourKilobytes() throws Exception {
    BrowserCookies jar = signedIn();
    String access = jar.get(ACCESS);
    assertEquals("RS256", new String(java.util.Base64.getUrlDecoder()
        .decode(access.split("\\.")[0]), StandardCharsets.UTF_8).replaceAll(".*\"alg\":\"([^\"]+)\".*", "$1"));
    String header = ACCESS + "=" + access + "; Path=/; HttpOnly; SameSite=Lax; Secure";
    assertTrue(header.length() < 4096, "Set-Cookie is " + header.length() + " bytes");
    assertTrue(jar.header().length() < 4096, "Cookie is " + jar.header().length() + " bytes");
  }

  @Test
  void anyOtherHostThenSecurePrefixedCookiesAndTheLoopbackNamesAreIgnored() throws Exception {
    String host = "app.example.test";
    BrowserCookies.Raw login = BrowserCookies.raw(server.port(), "GET", host,
        SESSION + "/login?return_to=%2Fapp%2F");
    assertEquals(302, login.status(), login.body());
    assertEquals("; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=600", attributes(
        BrowserCookies.setCookie(login.setCookies(), "__Host-" + LOGIN).orElseThrow()));
    BrowserCookies jar = new BrowserCookies().take(login.setCookies());
    Map<String, String> q = query(login.location());

    BrowserCookies.Raw cb = BrowserCookies.raw(server.port(), "GET", host, SESSION
        + "/callback?code=" + enc(mintCode(q.get("code_challenge"))) + "&state="
        + enc(q.get("state")) + "&iss=" + enc(CoreFixture.ISSUER), "Cookie", jar.header());

    assertEquals(303, cb.status(), cb.body());
    List<String> set = cb.setCookies();
    assertEquals("; Path=/; HttpOnly; SameSite=Lax; Secure",
        attributes(BrowserCookies.setCookie(set, "__Host-" + ACCESS).orElseThrow()));
    assertEquals("; Path=/api/v3/auth/session; HttpOnly; SameSite=Lax; Secure",
        attributes(BrowserCookies.setCookie(set, "__Secure-" + REFRESH).orElseThrow()));
    assertEquals("; Path=/; SameSite=Lax; Secure",
        attributes(BrowserCookies.setCookie(set, "__Host-" + CSRF).orElseThrow()));
    assertTrue(BrowserCookies.setCookie(set, ACCESS).isEmpty(), set.toString());
    jar.take(set);

    assertEquals(200, BrowserCookies.raw(server.port(), "GET", host, SESSION, "Cookie",
        jar.header()).status());
    // The unprefixed name is the loopback exception only: elsewhere it is not read.
    String token = jar.get("__Host-" + ACCESS);
    BrowserCookies.Raw plain = BrowserCookies.raw(server.port(), "GET", host, "/api/v3/me",
        "Cookie", ACCESS + "=" + token);
    assertEquals(401, plain.status(), plain.body());
    assertEquals(200, http.get("/api/v3/me", "Cookie", ACCESS + "=" + token).statusCode());
  }

  @Test
  void returnToTricksThenRefusedWithoutAnyCookie() throws Exception {
    List<String> tricks = List.of(
        "https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example", "%2F%5Cevil.example",
        "%2F%2F%2Fevil.example", "%5C%5Cevil.example", "%252F%252Fevil.example",
        "%2F%252F%252Fevil.example", "%2F%255Cevil.example", "%2F%09%2Fevil.example",
        "%2F%0D%0ASet-Cookie%3A%20x%3Dy", "javascript%3Aalert(1)", "evil.example",
        "%2F..%2F%2Fevil.example", "%2Fa%2F..%2F..%2Fb", "%2F%252e%252e%2F", "%2F%C3%A9",
        "%2Fa%20b", "%2F%25", "%2F%25zz", "", "%2F" + "a".repeat(1100));
    for (String t : tricks) {
      HttpResponse<String> r = http.get(SESSION + "/login?return_to=" + t);
      assertError(r, 400, "invalid_request", "AUTH_REQUEST_INVALID");
      assertTrue(r.headers().allValues("Set-Cookie").isEmpty(), t);
      assertTrue(r.headers().firstValue("Location").isEmpty(), t);
    }
    assertError(http.get(SESSION + "/login?return_to=%2Fa&return_to=%2Fb"), 400,
        "invalid_request", "AUTH_REQUEST_INVALID");
    HttpResponse<String> none = http.get(SESSION + "/login");
    assertEquals(302, none.statusCode(), none.body());
  }

  @Test
  void callbackWhenStateIssuerOrLoginCookieWrongThenRefusedAndTheCodeIsNotSpent()
      throws Exception {
    BrowserCookies jar = new BrowserCookies();
    HttpResponse<String> login = http.get(SESSION + "/login?return_to=%2F");
    jar.take(login);
    Map<String, String> q = query(login.headers().firstValue("Location").orElseThrow());
    String code = mintCode(q.get("code_challenge"));
    String state = q.get("state");

    assertError(callback(new BrowserCookies(), code, state, CoreFixture.ISSUER), 400,
        "invalid_request", "AUTH_REQUEST_INVALID");
    assertError(callback(jar, code, state + "x", CoreFixture.ISSUER), 400,
        "invalid_request", "AUTH_REQUEST_INVALID");
    assertError(callback(jar, code, state, "https://evil.example"), 400,
        "invalid_request", "AUTH_REQUEST_INVALID");
    assertError(callback(jar, code, state, null), 400, "invalid_request", "AUTH_REQUEST_INVALID");
    String sealed = jar.get(LOGIN);
    String tampered = sealed.substring(0, 20) + (sealed.charAt(20) == 'A' ? 'B' : 'A')
        + sealed.substring(21);
    assertError(callback(jar.copy().with(LOGIN, tampered), code, state, CoreFixture.ISSUER),
        400, "invalid_request", "AUTH_REQUEST_INVALID");
    assertError(http.get(SESSION + "/callback?error=access_denied&state=" + enc(state)
        + "&iss=" + enc(CoreFixture.ISSUER), "Cookie", jar.header()),
        400, "invalid_request", "AUTH_REQUEST_INVALID");

    HttpResponse<String> ok = callback(jar, code, state, CoreFixture.ISSUER);
    assertEquals(303, ok.statusCode(), ok.body());
    assertError(callback(jar, code, state, CoreFixture.ISSUER), 400, "invalid_grant",
        "AUTH_AUTHORIZATION_CODE_INVALID");
  }

  @Test
  void callbackWhenTheLoginIsOlderThanTenMinutesThenRefused() throws Exception {
    BrowserCookies jar = new BrowserCookies();
    HttpResponse<String> login = http.get(SESSION + "/login");
    jar.take(login);
    Map<String, String> q = query(login.headers().firstValue("Location").orElseThrow());
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    assertError(callback(jar, mintCode(q.get("code_challenge")), q.get("state"),
        CoreFixture.ISSUER), 400, "invalid_request", "AUTH_REQUEST_INVALID");
  }

  @Test
  void loginOnOneNodeThenCallbackOnAnotherNodeWithoutSharedMemory() throws Exception {
    TestServer other = container().start("", app());
    try {
      BrowserCookies jar = new BrowserCookies();
      HttpResponse<String> login = http.get(SESSION + "/login?return_to=%2Fother%2F");
      jar.take(login);
      Map<String, String> q = query(login.headers().firstValue("Location").orElseThrow());

      HttpResponse<String> cb = new Http(other.base()).get(SESSION + "/callback?code="
          + enc(mintCode(q.get("code_challenge"))) + "&state=" + enc(q.get("state")) + "&iss="
          + enc(CoreFixture.ISSUER), "Cookie", jar.header());

      assertEquals(303, cb.statusCode(), cb.body());
      assertEquals("/other/", cb.headers().firstValue("Location").orElse(null));
      jar.take(cb);
      assertEquals(200, http.get(SESSION, "Cookie", jar.header()).statusCode());
    } finally {
      other.close();
    }
  }

  @Test
  void realSignInThroughTheLoginPageThenTheCookieWorksAndLogoutEndsTheSignInSession()
      throws Exception {
    Browser b = new Browser(server.base());
    HttpResponse<String> start = b.get(SESSION + "/login?return_to=%2Fapp%2F");
    assertEquals(302, start.statusCode(), start.body());
    HttpResponse<String> toLogin = b.get(Browser.location(start));
    HttpResponse<String> loggedIn = AbstractSignInHttpTest.logIn(b, toLogin, "alice", PASSWORD);
    HttpResponse<String> answer = AbstractSignInHttpTest.follow(b, loggedIn);
    assertEquals(302, answer.statusCode(), answer.body());
    String location = Browser.location(answer);
    assertTrue(location.startsWith(REDIRECT + "?"), location);

    // The browser follows the redirect URI to this server's session callback.
    HttpResponse<String> cb = b.get(SESSION + "/callback" + location.substring(REDIRECT.length()));
    assertEquals(303, cb.statusCode(), cb.body());
    assertEquals("/app/", Browser.location(cb));
    HttpResponse<String> me = b.get("/api/v3/me");
    assertEquals(200, me.statusCode(), me.body());
    assertEquals("alice", Http.body(me).get("attr_subject"));

    HttpResponse<String> out = b.post(SESSION + "/logout", "", "X-CSRF-Token",
        b.cookies.get(CSRF));
    assertEquals(204, out.statusCode(), out.body());
    assertFalse(b.cookies.containsKey(SignInCookie.LOOPBACK_NAME), b.cookies.toString());
    // The sign-in session is over: a new sign-in asks for the password again.
    HttpResponse<String> again = b.get(Browser.location(
        b.get(SESSION + "/login?return_to=%2Fapp%2F")));
    assertEquals(302, again.statusCode(), again.body());
    assertTrue(b.relative(Browser.location(again)).startsWith("/api/v3/auth/login?"),
        Browser.location(again));
  }

  // ---- the cookie as a credential ------------------------------------------------------------

  @Test
  void cookieOnAnOptedInPathThenAuthenticatedAsTheBearerPerson() throws Exception {
    BrowserCookies jar = signedIn();
    HttpResponse<String> me = http.get("/api/v3/me", "Cookie", jar.header());
    assertEquals(200, me.statusCode(), me.body());
    assertEquals("alice", Http.body(me).get("attr_subject"));
    assertEquals(BFF, Http.body(me).get("attr_client_id"));
    assertEquals("bearer", Http.body(me).get("attr_method"));
    assertEquals(200, http.get("/api/v3/users/7", "Cookie", jar.header()).statusCode());
  }

  @Test
  void cookieOnAPathNotOptedInThenNotACredential() throws Exception {
    BrowserCookies jar = signedIn();
    HttpResponse<String> r = http.get("/api/v3/other", "Cookie", jar.header());
    assertError(r, 401, "unauthorized", "AUTH_CREDENTIALS_MISSING");
    // The cookie scheme challenges as Bearer too; the answer names Bearer once.
    assertEquals(1, r.headers().allValues("WWW-Authenticate").stream()
        .filter(h -> h.startsWith("Bearer")).count());
  }

  @Test
  void headerWinsOverTheCookieAndSuchARequestIsNotCookieAuthenticated() throws Exception {
    BrowserCookies jar = signedIn();
    String machine = ((TokenResult.Issued) tokens.clientCredentials(
        ((io.admin.auth.core.issue.ClientAuthentication.Succeeded) tokens.authenticateClient(
            CoreFixture.CLIENT_A, CoreFixture.SECRET_A)).client(), Optional.empty()))
        .response().accessToken();

    // A POST without any CSRF header: fine, because the header, not the cookie, authenticates.
    HttpResponse<String> bearer = post("/api/v3/users", jar, "Authorization", "Bearer " + machine);
    assertEquals(200, bearer.statusCode(), bearer.body());
    assertEquals(CoreFixture.CLIENT_A, Http.body(bearer).get("attr_subject"));

    HttpResponse<String> apiKey = post("/api/v3/me", jar, "X-API-Key", "key-ok");
    assertEquals(200, apiKey.statusCode(), apiKey.body());
    assertEquals("ci-bot", Http.body(apiKey).get("attr_subject"));

    // A bad header credential is not rescued by the cookie.
    assertError(http.get("/api/v3/me", "Cookie", jar.header(), "Authorization", "Bearer nope"),
        401, "invalid_token", "AUTH_TOKEN_INVALID");
    assertError(http.get("/api/v3/me", "Cookie", jar.header(), "Authorization", "Foo bar"),
        401, "unauthorized", "AUTH_CREDENTIALS_MISSING");
  }

  @Test
  void csrfMatrixOnACookieAuthenticatedPost() throws Exception {
    BrowserCookies jar = signedIn();
    String token = jar.get(CSRF);
    String self = server.base().toString().replaceAll("/$", "");

    assertError(post("/api/v3/users", jar), 403, "invalid_request", "AUTH_CSRF_INVALID");
    assertError(post("/api/v3/users", jar, "X-CSRF-Token", token.substring(1) + "A"), 403,
        "invalid_request", "AUTH_CSRF_INVALID");
    assertError(post("/api/v3/users", jar, "X-CSRF-Token", token, "Origin", "null"), 403,
        "invalid_request", "AUTH_CSRF_INVALID");
    assertError(post("/api/v3/users", jar, "X-CSRF-Token", token, "Origin",
        "https://evil.example"), 403, "invalid_request", "AUTH_CSRF_INVALID");
    assertError(post("/api/v3/users", jar, "X-CSRF-Token", token, "Sec-Fetch-Site",
        "cross-site"), 403, "invalid_request", "AUTH_CSRF_INVALID");
    assertError(post("/api/v3/users", jar, "X-CSRF-Token", token, "Sec-Fetch-Site",
        "same-site"), 403, "invalid_request", "AUTH_CSRF_INVALID");
    assertError(post("/api/v3/users", jar, "X-CSRF-Token", token, "Origin", self,
        "Sec-Fetch-Site", "cross-site"), 403, "invalid_request", "AUTH_CSRF_INVALID");

    HttpResponse<String> alone = post("/api/v3/users", jar, "X-CSRF-Token", token);
    assertEquals(200, alone.statusCode(), alone.body());
    HttpResponse<String> browser = post("/api/v3/users", jar, "X-CSRF-Token", token, "Origin",
        self, "Sec-Fetch-Site", "same-origin");
    assertEquals(200, browser.statusCode(), browser.body());
    // Safe methods need no token.
    assertEquals(200, http.get("/api/v3/users", "Cookie", jar.header()).statusCode());
    // Another session's token does not fit this one.
    assertError(post("/api/v3/users", jar, "X-CSRF-Token", signedIn().get(CSRF)), 403,
        "invalid_request", "AUTH_CSRF_INVALID");
  }

  // ---- GET /session --------------------------------------------------------------------------

  @Test
  void sessionAnswersThePersonAndTheCsrfTokenOr401() throws Exception {
    BrowserCookies jar = signedIn();
    HttpResponse<String> r = http.get(SESSION, "Cookie", jar.header());
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
    Map<String, Object> b = Http.body(r);
    assertEquals("alice", b.get("sub"));
    assertEquals(List.of("offline_access", "openid", "users:read", "users:write"),
        b.get("scopes"));
    assertEquals(clock.instant().plusSeconds(3600), Instant.parse((String) b.get("expires_at")));
    assertEquals(jar.get(CSRF), b.get("csrf_token"));
    assertFalse(r.body().contains(jar.get(ACCESS)));
    assertFalse(r.body().contains(jar.get(REFRESH)));

    assertError(http.get(SESSION), 401, "unauthorized", "AUTH_CREDENTIALS_MISSING");
    clock.advance(Duration.ofHours(1).plusMinutes(1));
    assertError(http.get(SESSION, "Cookie", jar.header()), 401, "invalid_token",
        "AUTH_TOKEN_EXPIRED");
    assertError(http.get("/api/v3/me", "Cookie", jar.header()), 401, "invalid_token",
        "AUTH_TOKEN_EXPIRED");
  }

  // ---- refresh -------------------------------------------------------------------------------

  @Test
  void refreshRotatesBothTokensKeepsTheCsrfTokenAndDetectsReuse() throws Exception {
    BrowserCookies jar = signedIn();
    BrowserCookies before = jar.copy();
    clock.advance(Duration.ofHours(1).plusMinutes(1)); // the access token has expired

    HttpResponse<String> r = post(SESSION + "/refresh", jar, "X-CSRF-Token", jar.get(CSRF));

    assertEquals(200, r.statusCode(), r.body());
    jar.take(r);
    assertNotEquals(before.get(ACCESS), jar.get(ACCESS));
    assertNotEquals(before.get(REFRESH), jar.get(REFRESH));
    assertEquals(before.get(CSRF), jar.get(CSRF));
    assertEquals(before.get(CSRF), Http.body(r).get("csrf_token"));
    assertEquals("; Path=/api/v3/auth/session; HttpOnly; SameSite=Lax",
        attributes(cookie(r, REFRESH)));
    assertEquals(200, http.get("/api/v3/me", "Cookie", jar.header()).statusCode());

    // The used refresh token again, after the two-tab leeway: reuse, the family dies.
    clock.advance(Duration.ofSeconds(11));
    HttpResponse<String> reuse = post(SESSION + "/refresh", before, "X-CSRF-Token",
        before.get(CSRF));
    assertError(reuse, 400, "invalid_grant", "AUTH_REFRESH_TOKEN_REUSED");
    assertTrue(cookie(reuse, ACCESS).contains("Max-Age=0"));
    assertError(http.get("/api/v3/me", "Cookie", jar.header()), 401, "invalid_token",
        "AUTH_TOKEN_REVOKED");
    assertError(post(SESSION + "/refresh", jar, "X-CSRF-Token", jar.get(CSRF)), 400,
        "invalid_grant", "AUTH_REFRESH_TOKEN_INVALID");
  }

  @Test
  void refreshWithoutCsrfProofOrCookieThenRefusedAndNothingRotates() throws Exception {
    BrowserCookies jar = signedIn();
    assertError(post(SESSION + "/refresh", jar), 403, "invalid_request", "AUTH_CSRF_INVALID");
    assertError(post(SESSION + "/refresh", jar, "X-CSRF-Token", jar.get(CSRF), "Origin", "null"),
        403, "invalid_request", "AUTH_CSRF_INVALID");
    assertError(post(SESSION + "/refresh", jar, "X-CSRF-Token", jar.get(CSRF),
        "Sec-Fetch-Site", "cross-site"), 403, "invalid_request", "AUTH_CSRF_INVALID");
    assertError(post(SESSION + "/refresh", jar.copy().without(REFRESH), "X-CSRF-Token",
        jar.get(CSRF)), 401, "unauthorized", "AUTH_CREDENTIALS_MISSING");
    // Nothing was rotated: the refresh cookie still works once.
    HttpResponse<String> ok = post(SESSION + "/refresh", jar, "X-CSRF-Token", jar.get(CSRF));
    assertEquals(200, ok.statusCode(), ok.body());
  }

  @Test
  void twoTabsRefreshingAtOnceGetTheSameNewPairAndStaySignedIn() throws Exception {
    BrowserCookies jar = signedIn();
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.base() + SESSION + "/refresh"))
        .POST(HttpRequest.BodyPublishers.noBody())
        .header("Cookie", jar.header()).header("X-CSRF-Token", jar.get(CSRF)).build();

    CompletableFuture<HttpResponse<String>> tab1 =
        async.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    CompletableFuture<HttpResponse<String>> tab2 =
        async.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> r1 = tab1.get();
    HttpResponse<String> r2 = tab2.get();

    assertEquals(200, r1.statusCode(), r1.body() + r2.body());
    assertEquals(200, r2.statusCode(), r2.body());
    assertEquals(cookie(r1, REFRESH), cookie(r2, REFRESH));
    assertEquals(cookie(r1, ACCESS), cookie(r2, ACCESS));
    jar.take(r2);
    assertEquals(200, http.get("/api/v3/me", "Cookie", jar.header()).statusCode());
    HttpResponse<String> next = post(SESSION + "/refresh", jar, "X-CSRF-Token", jar.get(CSRF));
    assertEquals(200, next.statusCode(), next.body());
  }

  // ---- logout --------------------------------------------------------------------------------

  @Test
  void logoutRevokesTheFamilyClearsEveryCookieAndEndsTheSignInSession() throws Exception {
    BrowserCookies jar = signedIn();
    String signInId = SignInCookie.newId(new SecureRandom());
    signIn.sessions().save(new SignInSession(SignInCookie.idHash(signInId), "alice",
        clock.instant(), Set.of("pwd"), clock.instant().plus(Duration.ofHours(8))));
    jar.with(SignInCookie.LOOPBACK_NAME, signInId);
    BrowserCookies before = jar.copy();

    assertError(post(SESSION + "/logout", jar), 403, "invalid_request", "AUTH_CSRF_INVALID");
    assertTrue(signIn.sessions().find(SignInCookie.idHash(signInId)).isPresent());

    HttpResponse<String> r = post(SESSION + "/logout", jar, "X-CSRF-Token", jar.get(CSRF));

    assertEquals(204, r.statusCode(), r.body());
    for (String name : List.of(ACCESS, REFRESH, CSRF, SignInCookie.LOOPBACK_NAME)) {
      assertTrue(cookie(r, name).contains("Max-Age=0"), name);
    }
    assertEquals("; Path=/api/v3/auth/session; HttpOnly; SameSite=Lax; Max-Age=0",
        attributes(cookie(r, REFRESH)));
    jar.take(r);
    assertNull(jar.get(ACCESS));
    assertTrue(signIn.sessions().find(SignInCookie.idHash(signInId)).isEmpty());
    assertError(http.get("/api/v3/me", "Cookie", before.header()), 401, "invalid_token",
        "AUTH_TOKEN_REVOKED");
    assertError(post(SESSION + "/refresh", before, "X-CSRF-Token", before.get(CSRF)), 400,
        "invalid_grant", "AUTH_REFRESH_TOKEN_INVALID");
    assertError(http.get(SESSION, "Cookie", jar.header()), 401, "unauthorized",
        "AUTH_CREDENTIALS_MISSING");
  }

  @Test
  void getOnThePostEndpointsIsNotAllowed() throws Exception {
    assertEquals(405, http.get(SESSION + "/refresh").statusCode());
    assertEquals(405, http.get(SESSION + "/logout").statusCode());
  }
}
