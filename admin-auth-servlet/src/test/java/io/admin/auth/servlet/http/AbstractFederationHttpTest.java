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
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Third-party tokens through the real filter, configured from properties the way an application
 * would: NAV's mock-oauth2-server (an OIDC provider this project did not write) runs in the test
 * JVM as a Keycloak-like realm, discovery and JWKS are fetched from it over HTTP, and this
 * library's own tokens keep working beside its tokens. Run against every container by a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractFederationHttpTest {

  private static final String CONTEXT = "/app";
  private static final String AUDIENCE = "api://admin";
  private static final String CLIENT = "own-client";
  private static final String SECRET = "own-client-secret-0123456789";

  private MockOAuth2Server provider;
  private String downIssuer;
  private TestServer server;
  private Http http;

  abstract TestServer.Factory container();

  @BeforeAll
  void start() throws Exception {
    provider = new MockOAuth2Server();
    provider.start(InetAddress.getLoopbackAddress(), 0);
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      downIssuer = "http://127.0.0.1:" + closed.getLocalPort() + "/realms/down";
    }
    Properties p = new Properties();
    p.setProperty("admin.auth.issuer", "https://auth.example.test");
    p.setProperty("admin.auth.client." + CLIENT + ".secret", SECRET);
    p.setProperty("admin.auth.client." + CLIENT + ".scopes", "users:read api-keys:manage");
    p.setProperty("admin.auth.api-keys.enabled", "true");
    p.setProperty("admin.auth.protected-prefixes", "/api");
    p.setProperty("admin.auth.rule.10", "GET /api/v3/users users:read");
    p.setProperty("admin.auth.rule.20", "POST /api/v3/users users:write");
    p.setProperty("admin.auth.rule.30", "GET /api/v3/me");
    p.setProperty("admin.auth.federation.issuers", "realm, down");
    String realm = "admin.auth.federation.issuer.realm.";
    p.setProperty(realm + "url", provider.issuerUrl("acme").toString());
    p.setProperty(realm + "audience", AUDIENCE);
    p.setProperty(realm + "accept-jwt-typ", "true");
    p.setProperty(realm + "scope-claims", "scope, realm_access.roles");
    p.setProperty(realm + "client-id-claims", "azp");
    p.setProperty(realm + "allow-insecure-loopback", "true");
    p.setProperty("admin.auth.federation.issuer.down.url", downIssuer);
    p.setProperty("admin.auth.federation.issuer.down.audience", AUDIENCE);
    p.setProperty("admin.auth.federation.issuer.down.allow-insecure-loopback", "true");
    p.setProperty("admin.auth.federation.issuer.down.accept-jwt-typ", "true");
    AdminAuth auth = AdminAuthProperties.load(p);
    ServletContainerInitializer app = (classes, ctx) -> {
      auth.register(ctx);
      ctx.addServlet("echo", new EchoServlet()).addMapping("/");
    };
    server = container().start(CONTEXT, app);
    http = new Http(server.base());
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    provider.shutdown();
  }

  private String realmToken(String audience, Map<String, Object> claims, long expirySeconds) {
    return realmToken("alice", audience, claims, expirySeconds);
  }

  private String realmToken(String subject, String audience, Map<String, Object> claims,
      long expirySeconds) {
    return provider.issueToken("acme", "admin-ui", new DefaultOAuth2TokenCallback(
        "acme", subject, "JWT", List.of(audience), claims, expirySeconds)).serialize();
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return http.get(path, "Authorization", "Bearer " + token);
  }

  @Test
  void bearerWhenTrustedRealmTokenThenAuthenticatedWithMappedScopesAndClient() throws Exception {
    String token = realmToken(AUDIENCE, Map.of("realm_access", Map.of("roles", List.of("users:read"))), 300);

    HttpResponse<String> r = get("/api/v3/users", token);

    assertEquals(200, r.statusCode(), r.body());
    Map<String, Object> b = Http.body(r);
    assertEquals("alice", b.get("attr_subject"));
    assertEquals("admin-ui", b.get("attr_client_id"));
    assertEquals("bearer", b.get("attr_method"));
    assertEquals("users:read", b.get("attr_scopes"));
  }

  @Test
  void bearerWhenRealmTokenLacksScopeThenForbidden() throws Exception {
    String token = realmToken(AUDIENCE, Map.of("scope", "users:read"), 300);

    HttpResponse<String> r = http.send("POST", "/api/v3/users", "application/json", "{}",
        "Authorization", "Bearer " + token);

    assertError(r, 403, "insufficient_scope", "AUTH_INSUFFICIENT_SCOPE");
  }

  @Test
  void bearerWhenIssuerNotTrustedThenInvalidTokenChallenge() throws Exception {
    String token = provider.issueToken("other-realm", "admin-ui", new DefaultOAuth2TokenCallback(
        "other-realm", "alice", "JWT", List.of(AUDIENCE), Map.of("scope", "users:read"), 300)).serialize();

    HttpResponse<String> r = get("/api/v3/users", token);

    assertError(r, 401, "invalid_token", "AUTH_TOKEN_INVALID");
    assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("")
        .startsWith("Bearer realm=\"admin\", error=\"invalid_token\""));
  }

  @Test
  void bearerWhenAudienceWrongThenInvalidToken() throws Exception {
    HttpResponse<String> r = get("/api/v3/users", realmToken("api://other", Map.of("scope", "users:read"), 300));

    assertError(r, 401, "invalid_token", "AUTH_TOKEN_INVALID");
  }

  @Test
  void bearerWhenRealmTokenExpiredThenExpiredWithIssuedAndExpiredAt() throws Exception {
    HttpResponse<String> r = get("/api/v3/users", realmToken(AUDIENCE, Map.of("scope", "users:read"), -120));

    assertError(r, 401, "invalid_token", "AUTH_TOKEN_EXPIRED");
    @SuppressWarnings("unchecked")
    Map<String, Object> details = (Map<String, Object>) Http.body(r).get("details");
    Instant issued = Instant.parse((String) details.get("issued_at"));
    assertEquals(issued.minusSeconds(120).toString(), details.get("expired_at"));
  }

  private String ownToken() throws Exception {
    String basic = Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET).getBytes());
    HttpResponse<String> issued = http.form("/api/v3/auth/token", "grant_type=client_credentials",
        "Authorization", "Basic " + basic);
    assertEquals(200, issued.statusCode(), issued.body());
    return (String) Http.body(issued).get("access_token");
  }

  @Test
  void apiKeysWhenRealmTokenNamesLocalClientWithManageScopeThenForbiddenAndLocalKeysUntouched()
      throws Exception {
    String own = ownToken();
    HttpResponse<String> created = http.json("/api/v3/api-keys",
        "{\"name\":\"local-bot\",\"scopes\":[\"users:read\"]}", "Authorization", "Bearer " + own);
    assertEquals(201, created.statusCode(), created.body());
    String id = (String) Http.body(created).get("id");
    // The partner's token claims the local client's name and the library's management scope.
    String partner = realmToken(CLIENT, AUDIENCE, Map.of("scope", "api-keys:manage users:read"),
        300);

    assertError(get("/api/v3/api-keys", partner), 403, "insufficient_scope",
        "AUTH_INSUFFICIENT_SCOPE");
    assertError(get("/api/v3/api-keys/" + id, partner), 403, "insufficient_scope",
        "AUTH_INSUFFICIENT_SCOPE");
    assertError(http.send("POST", "/api/v3/api-keys/" + id + "/rotate", "application/json", "{}",
        "Authorization", "Bearer " + partner), 403, "insufficient_scope", "AUTH_INSUFFICIENT_SCOPE");
    assertError(http.send("DELETE", "/api/v3/api-keys/" + id, null, null,
        "Authorization", "Bearer " + partner), 403, "insufficient_scope", "AUTH_INSUFFICIENT_SCOPE");

    HttpResponse<String> mine = get("/api/v3/api-keys/" + id, own);
    assertEquals(200, mine.statusCode(), mine.body());
    assertEquals(null, Http.body(mine).get("revoked_at"));
  }

  @Test
  void bearerWhenRealmTokenNamesLocalSubjectThenRemoteUserTellsThemApart() throws Exception {
    HttpResponse<String> partner = get("/api/v3/users",
        realmToken(CLIENT, AUDIENCE, Map.of("scope", "users:read"), 300));
    HttpResponse<String> local = get("/api/v3/users", ownToken());

    assertEquals(200, partner.statusCode(), partner.body());
    assertEquals(CLIENT, Http.body(local).get("remote_user"));
    assertEquals(provider.issuerUrl("acme") + " " + CLIENT, Http.body(partner).get("remote_user"));
    assertEquals(Http.body(partner).get("remote_user"), Http.body(partner).get("principal_name"));
    assertEquals(CLIENT, Http.body(partner).get("attr_subject"));
  }

  @Test
  void bearerWhenOwnTokenThenStillAcceptedBesideTheRealm() throws Exception {
    String basic = Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET).getBytes());
    HttpResponse<String> issued = http.form("/api/v3/auth/token", "grant_type=client_credentials",
        "Authorization", "Basic " + basic);
    assertEquals(200, issued.statusCode(), issued.body());

    HttpResponse<String> r = get("/api/v3/users", (String) Http.body(issued).get("access_token"));

    assertEquals(200, r.statusCode(), r.body());
    assertEquals(CLIENT, Http.body(r).get("attr_client_id"));
  }

  @Test
  void bearerWhenTrustedProviderUnreachableThenServiceUnavailableNotUnauthorized() throws Exception {
    // A token claiming the unreachable issuer: its keys cannot be had, so it cannot be checked.
    String token = provider.anyToken(HttpUrl.get(downIssuer),
        Map.of("sub", "alice", "aud", AUDIENCE, "scope", "users:read")).serialize();

    HttpResponse<String> r = get("/api/v3/users", token);

    assertEquals(503, r.statusCode(), r.body());
    assertEquals("temporarily_unavailable", Http.body(r).get("error"));
    assertTrue(r.headers().allValues("WWW-Authenticate").isEmpty());
  }
}
