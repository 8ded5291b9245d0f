package io.admin.auth.devserver;

import static java.net.http.HttpResponse.BodyHandlers.ofString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.jdbc.TestDatabases;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 6 durability: what the dev server answered with a 2xx (a revoked access token, a revoked
 * refresh-token family, a new API key) is still there after the process is killed with SIGKILL,
 * so no shutdown hook, flush or clean close ran, and started again on the same storage. On the
 * embedded H2 file and on PostgreSQL. Runs in the integration-test phase of {@code mvn verify}.
 */
class DevServerSigkillDurabilityProcessTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SECRET = "durability-secret-0123456789";
  // Fixed: with port 0 the default issuer (http://localhost:<port>) would change on restart, and
  // every old token would be rejected for its iss rather than for what this test is about.
  private static final String ISSUER = "http://dev.test";
  // Fixed KEK and pepper from the environment, as several nodes (or a restarted one) are given them.
  private static final Map<String, String> ENV = Map.of(
      "ADMIN_AUTH_KEK", base64(1), "ADMIN_AUTH_PEPPER", base64(101),
      "ADMIN_AUTH_DEMO_CLIENT_SECRET", SECRET);

  /** Where the two runs keep their state; each call names storage of its own. */
  enum Storage {
    /** The dev server's default: an H2 file, here in the test's folder rather than ./data. */
    H2 {
      @Override
      String jdbcUrl(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("admin-auth").toAbsolutePath()
            + ";DB_CLOSE_ON_EXIT=FALSE";
      }
    },
    /** A fresh database in the embedded PostgreSQL that this test JVM runs. */
    POSTGRESQL {
      @Override
      String jdbcUrl(Path dir) {
        return TestDatabases.postgresServer().getJdbcUrl("postgres",
            TestDatabases.freshPostgresName());
      }
    };

    abstract String jdbcUrl(Path dir);
  }

  @TempDir
  Path data;

  @ParameterizedTest
  @EnumSource(Storage.class)
  void restartAfterSigkillWhenRevocationsAndApiKeyGot2xxThenAllSurvive(Storage storage)
      throws Exception {
    DevServerProcess.assumeAfterPackage();
    String[] args = {"--port", "0", "--issuer", ISSUER, "--store", storage.jdbcUrl(data)};
    Map<String, Object> kept;
    Map<String, Object> revokedAccess;
    Map<String, Object> revokedFamily;
    String apiKey;

    try (DevServerProcess first = DevServerProcess.start(ENV, args)) {
      first.awaitReady();
      URI base = first.baseUri();
      kept = token(base, "grant_type=client_credentials");
      revokedAccess = token(base, "grant_type=client_credentials");
      revokedFamily = token(base, "grant_type=client_credentials");
      HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
              base.resolve("/api/v3/api-keys"))
          .header("Authorization", "Bearer " + kept.get("access_token"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"name\":\"ci-bot\",\"scopes\":[\"users:read\"]}")).build(), ofString());
      assertEquals(201, created.statusCode(), created::body);
      apiKey = (String) Json.parseObject(created.body()).orElseThrow().get("key");
      assertEquals(200, revoke(base, revokedAccess.get("access_token"), "access_token"));
      assertEquals(200, revoke(base, revokedFamily.get("refresh_token"), "refresh_token"));

      // The very next thing after the last 2xx: no chance for a lazy writer to catch up.
      int status = first.kill();
      first.drain();

      assertEquals(128 + 9, status, () -> "killed by SIGKILL; output: " + first.output());
      assertFalse(first.output().contains("stopped"), () -> "no clean stop: " + first.output());
    }

    try (DevServerProcess second = DevServerProcess.start(ENV, args)) {
      second.awaitReady();
      URI base = second.baseUri();

      // AUTH_TOKEN_REVOKED, not AUTH_TOKEN_INVALID: the signing key survived too.
      assertRejected(me(base, "Authorization", "Bearer " + revokedAccess.get("access_token")),
          401, "AUTH_TOKEN_REVOKED");
      assertRejected(me(base, "Authorization", "Bearer " + revokedFamily.get("access_token")),
          401, "AUTH_TOKEN_REVOKED");
      assertRejected(form(base.resolve("/api/v3/auth/token"), "grant_type=refresh_token"
          + "&refresh_token=" + enc(revokedFamily.get("refresh_token"))), 400,
          "AUTH_REFRESH_TOKEN_INVALID");

      HttpResponse<String> byKey = me(base, "X-API-Key", apiKey);
      assertEquals(200, byKey.statusCode(), byKey::body);
      assertEquals("api_key", Json.parseObject(byKey.body()).orElseThrow().get("auth_method"));

      HttpResponse<String> byKept = me(base, "Authorization", "Bearer " + kept.get("access_token"));
      assertEquals(200, byKept.statusCode(), byKept::body);
      assertEquals("bearer", Json.parseObject(byKept.body()).orElseThrow().get("auth_method"));

      assertEquals(0, second.terminate());
    }
  }

  private static Map<String, Object> token(URI base, String grant) throws Exception {
    HttpResponse<String> r = form(base.resolve("/api/v3/auth/token"), grant);
    assertEquals(200, r.statusCode(), r::body);
    return Json.parseObject(r.body()).orElseThrow();
  }

  private static int revoke(URI base, Object token, String hint) throws Exception {
    return form(base.resolve("/api/v3/auth/revoke"),
        "token=" + enc(token) + "&token_type_hint=" + hint).statusCode();
  }

  private static HttpResponse<String> form(URI uri, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body + "&client_id=demo-client&client_secret="
            + SECRET)).build(), ofString());
  }

  private static HttpResponse<String> me(URI base, String header, String value) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v3/me")).header(header, value)
        .build(), ofString());
  }

  private static void assertRejected(HttpResponse<String> r, int status, String code) {
    assertEquals(status, r.statusCode(), r::body);
    assertEquals(code, Json.parseObject(r.body()).orElseThrow().get("code"), r::body);
  }

  private static String enc(Object value) {
    return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
  }

  /** 32 fixed bytes starting at {@code first}, in base64: a KEK or pepper that never changes. */
  private static String base64(int first) {
    byte[] bytes = new byte[32];
    IntStream.range(0, bytes.length).forEach(i -> bytes[i] = (byte) (first + i));
    return Base64.getEncoder().encodeToString(bytes);
  }
}
