package io.admin.auth.devserver;

import static java.net.http.HttpResponse.BodyHandlers.ofString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.testkit.server.MockAuthorizationServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dev server in-process: banner, demo resources behind the real filter, trusted issuers. */
class DevServerTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final ByteArrayOutputStream banner = new ByteArrayOutputStream();
  private final List<AutoCloseable> running = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : running) {
      c.close();
    }
  }

  private DevServer start(String... args) {
    List<String> all = new ArrayList<>(List.of("--port", "0", "--store", "memory"));
    all.addAll(List.of(args));
    ConfigResult r = DevServerConfig.parse(all, Map.of());
    DevServer server = DevServer.start(assertInstanceOf(ConfigResult.Valid.class, r).config(),
        new PrintStream(banner, true, StandardCharsets.UTF_8));
    running.add(server);
    return server;
  }

  private String token(DevServer server, String scope) throws Exception {
    DevCredentials c = server.credentials();
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
            server.baseUri().resolve("/api/v3/auth/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
            + c.clientId() + "&client_secret=" + c.clientSecret() + "&scope=" + scope))
        .build(), ofString());
    assertEquals(200, r.statusCode(), r.body());
    return (String) Json.parseObject(r.body()).orElseThrow().get("access_token");
  }

  private static HttpResponse<String> call(String method, URI uri, String bearer, String json)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(b.build(), ofString());
  }

  private static String code(HttpResponse<String> r) {
    return (String) Json.parseObject(r.body()).orElseThrow().get("code");
  }

  @Test
  void startWhenReadyThenBannerListsEndpointsCredentialsAndCurlThenReadyLast() {
    DevServer server = start("--demo-client-secret", "a-configured-secret-1234");

    List<String> lines = banner.toString(StandardCharsets.UTF_8).lines().toList();
    String base = server.baseUri().toString();
    assertEquals("admin-auth dev server on " + base, lines.get(0));
    assertEquals("ready", lines.get(lines.size() - 1));
    for (String path : List.of("/api/v3/auth/token", "/api/v3/auth/revoke",
        "/api/v3/auth/introspect", "/.well-known/jwks.json",
        "/.well-known/oauth-authorization-server", "/.well-known/openid-configuration",
        "/api/v3/users", "/api/v3/me")) {
      assertTrue(lines.stream().anyMatch(l -> l.contains(" " + base + path + " ")), path);
    }
    assertTrue(lines.contains("demo client: demo-client / (as configured)"), lines::toString);
    assertTrue(lines.contains("  curl -s -X POST " + base + "/api/v3/auth/token -H"
        + " 'Content-Type: application/json' -d '{\"client_id\":\"demo-client\","
        + "\"client_secret\":\"a-configured-secret-1234\",\"grant_type\":\"client_credentials\"}'"),
        lines::toString);
    assertEquals(base, server.issuer());
  }

  @Test
  void usersWhenNoTokenThen401AndWhenReadOnlyTokenPostsThen403() throws Exception {
    DevServer server = start();
    URI users = server.baseUri().resolve("/api/v3/users");

    HttpResponse<String> anonymous = call("GET", users, null, null);
    HttpResponse<String> readOnlyPost = call("POST", users, token(server, "users:read"),
        "{\"name\":\"Grace\"}");

    assertEquals(401, anonymous.statusCode());
    assertEquals("AUTH_CREDENTIALS_MISSING", code(anonymous));
    assertEquals(403, readOnlyPost.statusCode());
    assertEquals("AUTH_INSUFFICIENT_SCOPE", code(readOnlyPost));
  }

  @Test
  void usersWhenWriterPostsThen201AndListed() throws Exception {
    DevServer server = start();
    URI users = server.baseUri().resolve("/api/v3/users");
    String token = token(server, "users:read%20users:write");

    HttpResponse<String> created = call("POST", users, token,
        "{\"name\":\"Grace Hopper\",\"email\":\"grace@example.com\"}");
    HttpResponse<String> list = call("GET", users, token, null);

    assertEquals(201, created.statusCode(), created.body());
    Map<String, Object> user = Json.parseObject(created.body()).orElseThrow();
    assertEquals("Grace Hopper", user.get("name"));
    assertEquals("3", user.get("id"), "after the two seeded users");
    assertTrue(list.body().contains("\"Grace Hopper\""), list.body());
  }

  @Test
  void usersWhenBodyNotAJsonObjectThen400() throws Exception {
    DevServer server = start();
    String token = token(server, "users:write");

    HttpResponse<String> r = call("POST", server.baseUri().resolve("/api/v3/users"), token, "[1]");

    assertEquals(400, r.statusCode());
    assertEquals("AUTH_REQUEST_INVALID", code(r));
    Map<String, Object> body = Json.parseObject(r.body()).orElseThrow();
    assertEquals(Map.of(), body.get("details"), "the contract's error shape has details: " + body);
  }

  @Test
  void meWhenDemoUserUsesBasicThenReadsButCannotWrite() throws Exception {
    DevServer server = start("--demo-user", "ada", "--demo-password", "pa:ss word 12");
    String basic = "Basic " + Base64.getEncoder().encodeToString(
        "ada:pa:ss word 12".getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(server.baseUri()
        .resolve("/api/v3/me")).header("Authorization", basic).build(), ofString());
    HttpResponse<String> write = HTTP.send(HttpRequest.newBuilder(server.baseUri()
        .resolve("/api/v3/users")).header("Authorization", basic)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")).build(), ofString());

    assertEquals(200, me.statusCode(), me.body());
    Map<String, Object> who = Json.parseObject(me.body()).orElseThrow();
    assertEquals("ada", who.get("subject"));
    assertEquals("basic", who.get("auth_method"));
    assertEquals(List.of("users:read"), who.get("scopes"));
    assertEquals(403, write.statusCode());
    assertTrue(banner.toString(StandardCharsets.UTF_8).contains("demo user:   ada / (as configured)"));
  }

  @Test
  void meWhenApiKeyCreatedByDemoClientThenKeyAuthenticates() throws Exception {
    DevServer server = start();
    HttpResponse<String> created = call("POST", server.baseUri().resolve("/api/v3/api-keys"),
        token(server, "api-keys:manage%20users:read"), "{\"name\":\"ci-bot\",\"scopes\":[\"users:read\"]}");
    assertEquals(201, created.statusCode(), created.body());
    String key = (String) Json.parseObject(created.body()).orElseThrow().get("key");

    HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(server.baseUri()
        .resolve("/api/v3/me")).header("X-API-Key", key).build(), ofString());

    assertEquals(200, me.statusCode(), me.body());
    assertEquals("api_key", Json.parseObject(me.body()).orElseThrow().get("auth_method"));
  }

  @Test
  void meWhenThirdPartyIssuerTrustedThenItsTokenAccepted() throws Exception {
    MockAuthorizationServer idp = MockAuthorizationServer.builder().audience("api://dev").start();
    running.add(idp);
    DevServer server = start("--audience", "api://dev", "--trusted-issuers", idp.issuer());
    String foreign = idp.tokens().token().subject("bob").clientId("spa").scopes("users:read")
        .sign();

    HttpResponse<String> me = call("GET", server.baseUri().resolve("/api/v3/me"), foreign, null);

    assertEquals(200, me.statusCode(), me.body());
    Map<String, Object> who = Json.parseObject(me.body()).orElseThrow();
    assertEquals("bob", who.get("subject"));
    assertEquals(idp.issuer(), who.get("issuer"));
    assertTrue(banner.toString(StandardCharsets.UTF_8)
        .contains("trusted issuers: " + idp.issuer()));
  }

  /**
   * Jetty refuses these URIs itself, before any filter runs; its error handler must still answer
   * in the contract's JSON, not with an HTML page that echoes the request.
   */
  @ParameterizedTest
  @ValueSource(strings = {"/api/v3/%2e%2e/x", "/api/v3/users%2fx", "/api/v3//users",
      "/api/v3/users%5cx", "/api/v3/users/%00"})
  void requestWhenContainerRefusesTheUriThen400ContractJson(String path) throws Exception {
    DevServer server = start();
    HttpResponse<String> r = call("GET", URI.create(server.baseUri() + path), null,
        null);
    assertEquals(400, r.statusCode(), r.body());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
    assertEquals("AUTH_REQUEST_INVALID", code(r));
    assertFalse(r.body().contains("<"), r.body());
  }

  @Test
  void requestWhenNoResourceAtPathThen404ContractJson() throws Exception {
    DevServer server = start();
    HttpResponse<String> r = call("GET", server.baseUri().resolve("/no/such/thing"), null, null);
    assertEquals(404, r.statusCode(), r.body());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
    assertEquals("AUTH_NOT_FOUND", code(r));
  }

  @Test
  void launchWhenPortTakenThenExitOneWithMessage() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = DevServer.launch(List.of("--port", String.valueOf(taken.getLocalPort()),
          "--store", "memory"), Map.of(), new PrintStream(banner, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));

      assertEquals(DevServer.EXIT_START_FAILED, status);
      assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("admin-auth dev server: could"
          + " not listen on port " + taken.getLocalPort()), err::toString);
      assertEquals("", banner.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void startWhenDatabaseUnreachableThenStartFailureWithStatusOne(@TempDir Path data) {
    DevServerConfig config = assertInstanceOf(ConfigResult.Valid.class, DevServerConfig.parse(
        List.of("--port", "0", "--store", "jdbc:postgresql://127.0.0.1:1/auth"), Map.of()))
        .config();

    DevServerStartException e = assertThrows(DevServerStartException.class,
        () -> DevServer.start(config, new JdbcDevStorage(data, Map.of(), new SecureRandom())));

    assertEquals(DevServer.EXIT_START_FAILED, e.exitStatus());
    assertTrue(e.getMessage().startsWith("could not open the store (jdbc:postgresql://127.0.0.1:1/auth)"),
        e::getMessage);
  }

  @Test
  void launchWhenUnsupportedJdbcUrlThenExitTwoNamingTheSetting() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = DevServer.launch(List.of("--port", "0"),
        Map.of("ADMIN_AUTH_STORE", "jdbc:mysql://db/auth"),
        new PrintStream(banner, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(DevServer.EXIT_INVALID_CONFIG, status);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("ADMIN_AUTH_STORE"), err::toString);
  }
}
