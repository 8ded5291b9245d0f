package io.admin.auth.servlet.http;

import static io.admin.auth.servlet.http.AbstractEndToEndHttpTest.basic;
import static io.admin.auth.servlet.http.AbstractEndToEndHttpTest.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.password.Argon2Params;
import io.admin.auth.core.password.BasicAuthenticator;
import io.admin.auth.core.password.PasswordHasher;
import io.admin.auth.core.signin.Pkce;
import io.admin.auth.core.spi.SignInSettings;
import io.admin.auth.core.spi.User;
import io.admin.auth.core.store.memory.InMemoryUserStore;
import io.admin.auth.core.testing.MutableClock;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.signin.SignIn;
import jakarta.servlet.ServletContainerInitializer;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Shared set-up of the interactive sign-in tests (docs/http-contract.md, "Signing people in"): a
 * token service on a test clock with three sign-in clients, a user store behind Basic and the
 * default login page, and helpers that walk a {@link Browser} through the pages.
 *
 * <p>Clients: {@code web} (confidential, third party "Web App", {@code https://web.example/cb}),
 * {@code spa} (public, first party, loopback {@code http://127.0.0.1:9999/callback}) and {@code
 * native} (public, first party, private-use {@code com.example.app:/cb}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractSignInHttpTest {

  static final String AUTHORIZE = "/api/v3/auth/authorize";
  static final String LOGIN = "/api/v3/auth/login";
  static final String CONSENT = "/api/v3/auth/consent";
  static final String TOKEN = "/api/v3/auth/token";
  static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  static final String CHALLENGE = Pkce.s256(VERIFIER);
  static final String WEB_REDIRECT = "https://web.example/cb";
  static final String WEB_SECRET = "secret-web-0123456789abcdef";
  static final String SPA_REDIRECT = "http://127.0.0.1:9999/callback";
  static final String NATIVE_REDIRECT = "com.example.app:/cb";
  static final String ALICE = "alice";
  static final String ALICE_PASSWORD = "correct horse battery staple";
  static final String SESSION_COOKIE = "admin-auth-signin";
  static final Set<String> SCOPES = Set.of("openid", "profile", "offline_access", "users:read");

  final MutableClock clock = new MutableClock(CoreFixture.START);
  DefaultTokenService tokens;
  TestServer server;

  abstract TestServer.Factory container();

  /** The sign-in settings of the application under test. */
  SignIn.Builder signIn(BasicAuthenticator basic) {
    return SignIn.builder().defaultLoginPage(basic);
  }

  @BeforeAll
  void start() throws Exception {
    tokens = DefaultTokenService.builder().issuer(CoreFixture.ISSUER).clock(clock)
        .signingAlgorithm(SigningAlgorithm.ES256).keepRs256KeyForIdTokens(true).build();
    tokens.registerClient(ClientRegistration.signingIn("web", WEB_SECRET, SCOPES,
        new SignInSettings(false, List.of(WEB_REDIRECT), List.of(), false, "Web <App>")));
    tokens.registerClient(ClientRegistration.signingIn("spa", null, SCOPES,
        new SignInSettings(true, List.of(SPA_REDIRECT), List.of(), true, null)));
    tokens.registerClient(ClientRegistration.signingIn("native", null, SCOPES,
        new SignInSettings(true, List.of(NATIVE_REDIRECT), List.of(), true, null)));
    SecureRandom random = new SecureRandom();
    PasswordHasher hasher = PasswordHasher.withParams(new Argon2Params(64, 1, 1), random);
    InMemoryUserStore users = new InMemoryUserStore();
    users.save(new User(ALICE, hasher.hash(ALICE_PASSWORD), Set.of("users:read"), false));
    byte[] pepper = new byte[32];
    random.nextBytes(pepper);
    BasicAuthenticator basic = BasicAuthenticator.builder().users(users).hasher(hasher)
        .cacheKeyHasher(SecretHasher.withPepper(pepper)).clock(clock).random(random).build();
    AdminAuth auth = AdminAuth.builder(tokens).baseUrl(CoreFixture.ISSUER).clock(clock)
        .basic(basic).signIn(signIn(basic).build())
        .accessPolicy(AccessPolicy.builder().protectedPrefix("/api").build()).build();
    ServletContainerInitializer app = (classes, ctx) -> {
      auth.register(ctx);
      ctx.addServlet("echo", new EchoServlet()).addMapping("/api/echo");
    };
    server = container().start("", app);
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  Browser browser() {
    return new Browser(server.base());
  }

  /** An authorization request of {@code client} with PKCE S256, plus {@code extra} (raw). */
  static String authorize(String client, String redirect, String scope, String extra) {
    return AUTHORIZE + "?response_type=code&client_id=" + enc(client) + "&redirect_uri="
        + enc(redirect) + "&scope=" + enc(scope) + "&code_challenge=" + CHALLENGE
        + "&code_challenge_method=S256" + (extra == null ? "" : "&" + extra);
  }

  /** The login page that {@code toLogin} (a redirect to it) leads to, then a login. */
  static HttpResponse<String> logIn(Browser b, HttpResponse<String> toLogin, String user,
      String password) throws Exception {
    assertEquals(302, toLogin.statusCode(), toLogin.body());
    String location = Browser.location(toLogin);
    assertTrue(b.relative(location).startsWith(LOGIN + "?pending="), location);
    HttpResponse<String> page = b.get(location);
    assertEquals(200, page.statusCode(), page.body());
    return submitLogin(b, page, user, password);
  }

  /** Posts the login form of {@code page}. */
  static HttpResponse<String> submitLogin(Browser b, HttpResponse<String> page, String user,
      String password) throws Exception {
    return b.post(LOGIN, "pending=" + enc(Browser.field(page.body(), "pending")) + "&csrf="
        + enc(Browser.field(page.body(), "csrf")) + "&username=" + enc(user) + "&password="
        + enc(password));
  }

  /** Follows one same-server redirect. */
  static HttpResponse<String> follow(Browser b, HttpResponse<String> redirect) throws Exception {
    assertTrue(redirect.statusCode() == 302 || redirect.statusCode() == 303,
        redirect.statusCode() + " " + redirect.body());
    return b.get(Browser.location(redirect));
  }

  /** Answers the consent page that {@code toConsent} redirects to with {@code decision}. */
  static HttpResponse<String> consent(Browser b, HttpResponse<String> toConsent,
      String decision) throws Exception {
    HttpResponse<String> page = follow(b, toConsent);
    assertEquals(200, page.statusCode(), page.body());
    return b.post(CONSENT, "pending=" + enc(Browser.field(page.body(), "pending")) + "&csrf="
        + enc(Browser.field(page.body(), "csrf")) + "&decision=" + decision);
  }

  /** Asserts a redirect to {@code redirectUri} and returns its query parameters. */
  static Map<String, String> redirectedTo(String redirectUri, HttpResponse<String> r) {
    assertEquals(302, r.statusCode(), r.body());
    String location = Browser.location(r);
    assertTrue(location.startsWith(redirectUri + "?"), location);
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
    Map<String, String> q = Browser.query(location);
    assertEquals(CoreFixture.ISSUER, q.get("iss"));
    return q;
  }

  /** Asserts an HTML page with every security header of the sign-in pages. */
  static void assertHtml(HttpResponse<String> r, int status) {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals("text/html;charset=utf-8", r.headers().firstValue("Content-Type").orElse("")
        .toLowerCase().replace(" ", ""));
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
    assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null));
    assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null));
    String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("default-src 'none'"), csp);
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertTrue(csp.contains("form-action 'self'"), csp);
    assertFalse(r.headers().firstValue("Location").isPresent());
  }

  /** The token request of a code at the token endpoint. */
  HttpResponse<String> exchange(String client, String code, String redirect, String verifier)
      throws Exception {
    String body = "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri="
        + enc(redirect) + "&code_verifier=" + enc(verifier);
    Http http = new Http(server.base());
    return client.equals("web")
        ? http.form(TOKEN, body, "Authorization", basic("web", WEB_SECRET))
        : http.form(TOKEN, body + "&client_id=" + enc(client));
  }

  static void assertSessionCookieChanged(String before, String after) {
    assertTrue(after != null && !after.isEmpty(), "no session cookie");
    assertNotEquals(before, after);
  }
}
