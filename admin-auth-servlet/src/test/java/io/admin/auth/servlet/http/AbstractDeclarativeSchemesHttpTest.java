package io.admin.auth.servlet.http;

import static io.admin.auth.servlet.http.AbstractFilterHttpTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.config.AdminAuthProperties;
import jakarta.servlet.ServletContainerInitializer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * API keys and Basic switched on by properties alone, as a {@code web.xml} or initializer set-up
 * would: a user imported with a bcrypt hash logs in, a declared client creates an API key and the
 * key authenticates, with the API-key lifetimes the properties set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractDeclarativeSchemesHttpTest {

  private TestServer server;
  private Http http;

  abstract TestServer.Factory container();

  @BeforeAll
  void start() throws Exception {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    Properties p = new Properties();
    p.setProperty("admin.auth.issuer", "https://issuer.example.test");
    p.setProperty("admin.auth.protected-prefixes", "/api");
    p.setProperty("admin.auth.rule.1", "GET /api/v3/me");
    p.setProperty("admin.auth.client.ops.secret", "ops-secret-0123456789");
    p.setProperty("admin.auth.client.ops.scopes", "api-keys:manage users:read");
    p.setProperty("admin.auth.api-keys.enabled", "true");
    p.setProperty("admin.auth.api-keys.default-expires-in", "P7D");
    p.setProperty("admin.auth.api-keys.max-expires-in", "P30D");
    p.setProperty("admin.auth.basic.enabled", "true");
    // bcrypt cost 4: an imported hash, cheap to check.
    p.setProperty("admin.auth.user.legacy.password-hash",
        OpenBSDBCrypt.generate("2b", "legacy:password".toCharArray(), salt, 4));
    p.setProperty("admin.auth.user.legacy.scopes", "users:read");
    AdminAuth auth = AdminAuthProperties.load(p);
    ServletContainerInitializer app = (classes, ctx) -> {
      auth.register(ctx);
      ctx.addServlet("echo", new EchoServlet()).addMapping("/");
    };
    server = container().start("", app);
    http = new Http(server.base());
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  @Test
  void basicWhenUserDeclaredWithBcryptHashThenLogsInTwice() throws Exception {
    String basic = basic("legacy", "legacy:password");
    HttpResponse<String> first = http.get("/api/v3/me", "Authorization", basic);
    assertEquals(200, first.statusCode(), first.body());
    assertEquals("basic", Http.body(first).get("attr_method"));
    // The first login re-hashed the bcrypt hash to Argon2id (core-tested); the password still works.
    assertEquals(200, http.get("/api/v3/me", "Authorization", basic).statusCode());
  }

  @Test
  void apiKeyWhenCreatedByDeclaredClientThenAuthenticates() throws Exception {
    HttpResponse<String> t = http.form("/api/v3/auth/token", "grant_type=client_credentials",
        "Authorization", basic("ops", "ops-secret-0123456789"));
    assertEquals(200, t.statusCode(), t.body());
    HttpResponse<String> c = http.json("/api/v3/api-keys",
        "{\"name\":\"deploy\",\"scopes\":[\"users:read\"]}",
        "Authorization", "Bearer " + Http.body(t).get("access_token"));
    assertEquals(201, c.statusCode(), c.body());
    HttpResponse<String> me = http.get("/api/v3/me", "X-API-Key", (String) Http.body(c).get("key"));
    assertEquals(200, me.statusCode(), me.body());
    assertEquals("api_key", Http.body(me).get("attr_method"));
    assertEquals("ops", Http.body(me).get("attr_subject"));
  }

  /**
   * The declarative wiring writes API key last-use times to the store in the background, on a
   * thread that lives exactly as long as the application context.
   */
  @Test
  void apiKeysWhenDeclaredThenLastUseFlusherRunsWhileDeployedAndStopsWithTheContext()
      throws Exception {
    Set<Thread> before = AbstractApiKeyLastUsedHttpTest.flusherThreads();
    Properties p = new Properties();
    p.setProperty("admin.auth.issuer", "https://other.example.test");
    p.setProperty("admin.auth.api-keys.enabled", "true");
    AdminAuth auth = AdminAuthProperties.load(p);
    TestServer other = container().start("", (classes, ctx) -> auth.register(ctx));
    try {
      Set<Thread> started = new HashSet<>(AbstractApiKeyLastUsedHttpTest.flusherThreads());
      started.removeAll(before);
      assertEquals(1, started.size(), "one flusher for the new context: " + started);
    } finally {
      other.close();
    }
    AbstractApiKeyLastUsedHttpTest.assertNoThreadLeftBesides(before);
  }

  @Test
  void apiKeyWhenLifetimesConfiguredThenDefaultAppliedAndLongerRequestRefused() throws Exception {
    HttpResponse<String> t = http.form("/api/v3/auth/token", "grant_type=client_credentials",
        "Authorization", basic("ops", "ops-secret-0123456789"));
    String bearer = "Bearer " + Http.body(t).get("access_token");
    Map<String, Object> dflt = Http.body(http.json("/api/v3/api-keys",
        "{\"name\":\"dflt\",\"scopes\":[]}", "Authorization", bearer));
    assertEquals(Duration.ofDays(7), Duration.between(
        Instant.parse((String) dflt.get("created_at")),
        Instant.parse((String) dflt.get("expires_at"))));
    HttpResponse<String> tooLong = http.json("/api/v3/api-keys",
        "{\"name\":\"long\",\"scopes\":[],\"expires_in\":" + (Duration.ofDays(30).toSeconds() + 1)
            + "}", "Authorization", bearer);
    assertError(tooLong, 400, "invalid_request", "AUTH_REQUEST_INVALID");
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
