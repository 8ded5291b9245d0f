package io.admin.auth.devserver;

import static java.net.http.HttpResponse.BodyHandlers.ofString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.internal.jose.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dev server's browser sessions and demo page: the server-side sign-in as {@code demo-bff}
 * towards the session callback, the access-token cookie as a credential on {@code /api/v3/me}
 * and {@code /api/v3/users} only, and {@code /demo/} as a static, CSP-friendly page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevServerBrowserSessionTest {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private DevServer server;

  @BeforeAll
  void start() {
    ConfigResult r = DevServerConfig.parse(List.of("--port", "0", "--store", "memory"), Map.of());
    server = DevServer.start(assertInstanceOf(ConfigResult.Valid.class, r).config(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.baseUri().resolve(path));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), ofString());
  }

  @Test
  void sessionLoginRedirectsToTheAuthorizationEndpointAsTheBffClient() throws Exception {
    HttpResponse<String> r = get("/api/v3/auth/session/login?return_to=%2Fdemo%2F");
    assertEquals(302, r.statusCode(), r.body());
    String location = URLDecoder.decode(r.headers().firstValue("Location").orElseThrow(),
        StandardCharsets.UTF_8);
    assertTrue(location.startsWith("/api/v3/auth/authorize?"), location);
    assertTrue(location.contains("client_id=" + DevBrowserSessions.CLIENT_ID), location);
    assertTrue(location.contains("redirect_uri=" + server.issuer()
        + "/api/v3/auth/session/callback"), location);
    assertTrue(r.headers().firstValue("Set-Cookie").orElseThrow()
        .startsWith("admin-auth-login="));
  }

  /** A form field's value in the login page. */
  private static String field(String html, String name) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
    assertTrue(m.find(), name + " in " + html);
    return m.group(1).replace("&amp;", "&");
  }

  private static String enc(String v) {
    return java.net.URLEncoder.encode(v, StandardCharsets.UTF_8);
  }

  @Test
  void demoUserSignsInOnTheLoginPageThenMePostAndSignOutWorkAsTheDemoPageDoesThem()
      throws Exception {
    java.net.URI origin = java.net.URI.create(server.issuer());
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .cookieHandler(new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL))
        .build();
    java.util.function.Function<String, HttpRequest.Builder> at =
        path -> HttpRequest.newBuilder(origin.resolve(path));

    HttpResponse<String> start = browser.send(at.apply(
        "/api/v3/auth/session/login?return_to=%2Fdemo%2F").build(), ofString());
    HttpResponse<String> toLogin = browser.send(at.apply(
        start.headers().firstValue("Location").orElseThrow()).build(), ofString());
    assertEquals(302, toLogin.statusCode(), toLogin.body());
    HttpResponse<String> page = browser.send(at.apply(
        toLogin.headers().firstValue("Location").orElseThrow()).build(), ofString());
    assertEquals(200, page.statusCode(), page.body());
    DevCredentials c = server.credentials();
    HttpResponse<String> loggedIn = browser.send(at.apply("/api/v3/auth/login")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("pending=" + enc(field(page.body(), "pending"))
            + "&csrf=" + enc(field(page.body(), "csrf")) + "&username=" + enc(c.user())
            + "&password=" + enc(c.password()))).build(), ofString());
    HttpResponse<String> answer = browser.send(at.apply(
        loggedIn.headers().firstValue("Location").orElseThrow()).build(), ofString());
    String callback = answer.headers().firstValue("Location").orElseThrow();
    assertTrue(callback.startsWith(server.issuer() + "/api/v3/auth/session/callback?"), callback);
    HttpResponse<String> landed = browser.send(HttpRequest.newBuilder(
        java.net.URI.create(callback)).build(), ofString());
    assertEquals(303, landed.statusCode(), landed.body());
    assertEquals("/demo/", landed.headers().firstValue("Location").orElseThrow());

    HttpResponse<String> me = browser.send(at.apply("/api/v3/me").build(), ofString());
    assertEquals(200, me.statusCode(), me.body());
    Map<String, Object> who = Json.parseObject(me.body()).orElseThrow();
    assertEquals(c.user(), who.get("subject"));
    assertEquals("bearer", who.get("auth_method"));
    assertEquals(DevBrowserSessions.CLIENT_ID, who.get("client_id"));

    String csrf = (String) Json.parseObject(browser.send(at.apply("/api/v3/auth/session")
        .build(), ofString()).body()).orElseThrow().get("csrf_token");
    HttpRequest.Builder create = at.apply("/api/v3/users").header("Content-Type",
        "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada\"}"));
    assertEquals(403, browser.send(create.build(), ofString()).statusCode());
    assertEquals(201, browser.send(create.header("X-CSRF-Token", csrf).build(), ofString())
        .statusCode());

    HttpResponse<String> out = browser.send(at.apply("/api/v3/auth/session/logout")
        .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.noBody()).build(),
        ofString());
    assertEquals(204, out.statusCode(), out.body());
    assertEquals(401, browser.send(at.apply("/api/v3/me").build(), ofString()).statusCode());
  }

  @Test
  void accessCookieIsACredentialOnMeAndUsersOnly() throws Exception {
    String cookie = "admin-auth-access=eyJhbGciOiJSUzI1NiJ9.e30.c2ln";
    for (String path : List.of("/api/v3/me", "/api/v3/users")) {
      HttpResponse<String> r = get(path, "Cookie", cookie);
      assertEquals(401, r.statusCode(), path);
      assertEquals("AUTH_TOKEN_INVALID", Json.parseObject(r.body()).orElseThrow().get("code"));
    }
    HttpResponse<String> keys = get("/api/v3/api-keys", "Cookie", cookie);
    assertEquals(401, keys.statusCode());
    assertEquals("AUTH_CREDENTIALS_MISSING",
        Json.parseObject(keys.body()).orElseThrow().get("code"));
    assertEquals(401, get("/api/v3/auth/session").statusCode());
  }

  @Test
  void demoPageIsStaticWithItsScriptInAFileAndAStrictPolicy() throws Exception {
    HttpResponse<String> page = get("/demo/");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
    assertTrue(page.body().contains("<script src=\"demo.js\" defer></script>"));
    assertTrue(page.body().contains("/api/v3/auth/session/login?return_to=%2Fdemo%2F"));
    assertFalse(page.body().contains("http://") || page.body().contains("https://"),
        "no external resources");
    HttpResponse<String> js = get("/demo/demo.js");
    assertEquals(200, js.statusCode());
    assertTrue(js.body().contains("X-CSRF-Token"));
    assertTrue(js.body().contains("AUTH_TOKEN_EXPIRED"));
    assertEquals(301, get("/demo").statusCode());
    assertEquals(404, get("/demo/nope.js").statusCode());
  }
}
