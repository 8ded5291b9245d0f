package io.admin.auth.devserver;

import static java.net.http.HttpResponse.BodyHandlers.ofString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.internal.jose.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ADMIN_AUTH_RATE_LIMITS} / {@code --rate-limits} on a live dev server: {@code off} lifts
 * every limit, a number sets one, and a malformed value stops the start naming the setting.
 */
class DevServerRateLimitsTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final List<DevServer> running = new ArrayList<>();

  @AfterEach
  void stop() {
    running.forEach(DevServer::close);
  }

  private DevServer start(Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>(List.of("--port", "0", "--store", "memory"));
    all.addAll(List.of(args));
    ConfigResult r = DevServerConfig.parse(all, env);
    DevServer server = DevServer.start(assertInstanceOf(ConfigResult.Valid.class, r,
        r::toString).config(), new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8));
    running.add(server);
    return server;
  }

  private static HttpResponse<String> token(DevServer server, String secret) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/v3/auth/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
            + server.credentials().clientId() + "&client_secret=" + secret))
        .build(), ofString());
  }

  private static String code(HttpResponse<String> r) {
    return (String) Json.parseObject(r.body()).orElseThrow().get("code");
  }

  @Test
  void tokenWhenRateLimitsOffThen200TokensInARowAllIssued() throws Exception {
    DevServer server = start(Map.of("ADMIN_AUTH_RATE_LIMITS", "off"));
    String secret = server.credentials().clientSecret();

    for (int i = 1; i <= 200; i++) {
      HttpResponse<String> r = token(server, secret);
      assertEquals(200, r.statusCode(), "request " + i + ": " + r.body());
    }
  }

  @Test
  void tokenWhenPerClientLimitSetThenTheNextOneIs429() throws Exception {
    DevServer server = start(Map.of(), "--rate-limits", "token-per-client=3/min");
    String secret = server.credentials().clientSecret();

    for (int i = 1; i <= 3; i++) {
      assertEquals(200, token(server, secret).statusCode(), "request " + i);
    }
    HttpResponse<String> fourth = token(server, secret);

    assertEquals(429, fourth.statusCode(), fourth.body());
    assertEquals("AUTH_RATE_LIMITED", code(fourth));
    assertTrue(fourth.headers().firstValue("Retry-After").isPresent());
  }

  @Test
  void tokenWhenClientFailuresLimitSetThenBlockedAfterThatManyWrongSecrets() throws Exception {
    DevServer server = start(Map.of("ADMIN_AUTH_RATE_LIMITS", "client-failures=2"));

    assertEquals(401, token(server, "wrong-secret-0123456789").statusCode());
    assertEquals(401, token(server, "wrong-secret-0123456789").statusCode());
    HttpResponse<String> right = token(server, server.credentials().clientSecret());

    assertEquals(429, right.statusCode(), right.body());
  }

  @Test
  void launchWhenRateLimitsMalformedThenExits2NamingTheVariable() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = DevServer.launch(List.of("--port", "0", "--store", "memory"),
        Map.of("ADMIN_AUTH_RATE_LIMITS", "token=lots"),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    String message = err.toString(StandardCharsets.UTF_8);
    assertEquals(DevServer.EXIT_INVALID_CONFIG, status);
    assertTrue(message.startsWith("admin-auth dev server: invalid ADMIN_AUTH_RATE_LIMITS: "),
        message);
  }
}
