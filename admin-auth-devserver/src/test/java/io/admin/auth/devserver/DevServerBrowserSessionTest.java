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
