package io.admin.auth.servlet.http;

import static io.admin.auth.servlet.http.AbstractFilterHttpTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.config.AdminAuthProperties;
import jakarta.servlet.ServletContainerInitializer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A resource server configured from properties alone, on a live container: it verifies the tokens
 * an issuer (another live server, also from properties) hands out, with the keys it fetches from
 * that issuer's JWKS endpoint over HTTP, and has no token endpoint of its own. Run against every
 * container by a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractResourceServerHttpTest {

  private static final String ISSUER = "https://issuer.example.test";
  private static final String SECRET = "ops-secret-0123456789";

  private TestServer issuer;
  private TestServer resourceServer;
  private TestServer blindResourceServer;
  private Http issuerHttp;
  private Http http;

  abstract TestServer.Factory container();

  @BeforeAll
  void start() throws Exception {
    Properties ip = new Properties();
    ip.setProperty("admin.auth.issuer", ISSUER);
    ip.setProperty("admin.auth.client.ops.secret", SECRET);
    ip.setProperty("admin.auth.client.ops.scopes", "users:read");
    issuer = container().start("", app(AdminAuthProperties.load(ip)));
    issuerHttp = new Http(issuer.base());

    resourceServer = container().start("", app(AdminAuthProperties.load(
        resourceServer(issuer.base() + "/.well-known/jwks.json"))));
    http = new Http(resourceServer.base());

    String nobody;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      nobody = "http://127.0.0.1:" + closed.getLocalPort() + "/.well-known/jwks.json";
    }
    blindResourceServer = container().start("", app(AdminAuthProperties.load(
        resourceServer(nobody))));
  }

  private static Properties resourceServer(String jwksUri) {
    Properties p = new Properties();
    p.setProperty("admin.auth.resource-server.issuer", ISSUER);
    p.setProperty("admin.auth.resource-server.jwks-uri", jwksUri);
    p.setProperty("admin.auth.resource-server.allow-insecure-loopback", "true");
    p.setProperty("admin.auth.protected-prefixes", "/api");
    p.setProperty("admin.auth.rule.1", "GET /api/v3/users users:read");
    return p;
  }

  private static ServletContainerInitializer app(AdminAuth auth) {
    return (classes, ctx) -> {
      auth.register(ctx);
      ctx.addServlet("echo", new EchoServlet()).addMapping("/");
    };
  }

  @AfterAll
  void stop() throws Exception {
    for (TestServer s : List.of(blindResourceServer, resourceServer, issuer)) {
      if (s != null) {
        s.close();
      }
    }
  }

  private String token() throws Exception {
    HttpResponse<String> r = issuerHttp.form("/api/v3/auth/token",
        "grant_type=client_credentials&client_id=ops&client_secret=" + SECRET);
    assertEquals(200, r.statusCode(), r.body());
    return (String) Http.body(r).get("access_token");
  }

  @Test
  void resourceServerWhenIssuersTokenThenCallerAuthenticatedWithItsScopes() throws Exception {
    HttpResponse<String> r = http.get("/api/v3/users", "Authorization", "Bearer " + token());

    assertEquals(200, r.statusCode(), r.body());
    Map<String, Object> body = Http.body(r);
    assertEquals("ops", body.get("attr_subject"));
    assertEquals("bearer", body.get("attr_method"));
    assertEquals("users:read", body.get("attr_scopes"));
  }

  @Test
  void resourceServerWhenTokenTamperedThenTokenInvalid() throws Exception {
    String token = token();
    int dot = token.indexOf('.');
    String tampered = token.substring(0, dot + 3) + (token.charAt(dot + 3) == 'A' ? 'B' : 'A')
        + token.substring(dot + 4);

    HttpResponse<String> r = http.get("/api/v3/users", "Authorization", "Bearer " + tampered);

    assertError(r, 401, "invalid_token", "AUTH_TOKEN_INVALID");
  }

  @Test
  void resourceServerWhenNoCredentialThenBearerChallengeOnly() throws Exception {
    HttpResponse<String> r = http.get("/api/v3/users");

    assertError(r, 401, "unauthorized", "AUTH_CREDENTIALS_MISSING");
    assertEquals(List.of("Bearer realm=\"admin\""), r.headers().allValues("WWW-Authenticate"));
  }

  @Test
  void resourceServerWhenAskedForATokenThenThereIsNoTokenEndpoint() throws Exception {
    HttpResponse<String> r = http.form("/api/v3/auth/token",
        "grant_type=client_credentials&client_id=ops&client_secret=" + SECRET);

    // A protected path like any other under /api: no servlet issues tokens here.
    assertError(r, 401, "unauthorized", "AUTH_CREDENTIALS_MISSING");
  }

  @Test
  void resourceServerWhenJwksCannotBeFetchedThenUnavailableNotUnauthorized() throws Exception {
    HttpResponse<String> r = new Http(blindResourceServer.base()).get("/api/v3/users",
        "Authorization", "Bearer " + token());

    assertError(r, 503, "temporarily_unavailable", "AUTH_UNAVAILABLE");
    assertTrue(r.headers().firstValue("Retry-After").isPresent());
  }
}
