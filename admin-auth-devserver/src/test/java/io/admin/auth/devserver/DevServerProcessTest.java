package io.admin.auth.devserver;

import static java.net.http.HttpResponse.BodyHandlers.ofString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.admin.auth.core.internal.jose.Json;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start, end to end: {@code ./dev-server.sh} as a separate process (the shaded
 * jar that {@code package} built), waiting for {@code ready}, the README's flow over HTTP,
 * then SIGTERM. Runs in the integration-test phase of {@code mvn verify}.
 */
class DevServerProcessTest {

  @Test
  void devServerWhenSigtermThenStopsAndExitsWithZero() throws Exception {
    try (DevServerProcess server = DevServerProcess.start(Map.of(), "--port", "0",
        "--store", "memory")) {
      server.awaitReady();
      URI base = server.baseUri();

      int status = server.terminate();
      server.drain();

      assertEquals(0, status, () -> "exit status; output: " + server.output());
      assertEquals("stopped", server.output().get(server.output().size() - 1));
      assertThrows(ConnectException.class, () -> connect(base));
    }
  }

  @Test
  void devServerWhenGuideFlowRunThenTokenUsersRefreshAndMeAllWork() throws Exception {
    try (DevServerProcess server = DevServerProcess.start(Map.of(), "--port", "0",
        "--store", "memory")) {
      server.awaitReady();
      URI base = server.baseUri();
      HttpClient http = HttpClient.newHttpClient();

      // Step 1 of the README quick start, with the very body the banner's curl sends.
      HttpResponse<String> token = http.send(HttpRequest.newBuilder(base.resolve("/api/v3/auth/token"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(server.tokenCurlBody())).build(), ofString());
      assertEquals(200, token.statusCode(), token::body);
      Map<String, Object> issued = Json.parseObject(token.body()).orElseThrow();
      assertEquals("Bearer", issued.get("token_type"));
      assertEquals(3600L, ((Number) issued.get("expires_in")).longValue());

      // Step 2: the quick start's authenticated request.
      HttpResponse<String> users = http.send(HttpRequest.newBuilder(base.resolve("/api/v3/users"))
          .header("Authorization", "Bearer " + issued.get("access_token"))
          .header("Content-Type", "application/json").GET().build(), ofString());
      assertEquals(200, users.statusCode(), users::body);
      assertTrue(users.body().contains("\"users\""), users::body);

      // Token expiration: refresh with the rotating refresh token (client_secret_post, JSON body).
      String body = server.tokenCurlBody();
      Map<String, Object> creds = Json.parseObject(body).orElseThrow();
      HttpResponse<String> refreshed = http.send(HttpRequest.newBuilder(base.resolve("/api/v3/auth/token"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of(
              "grant_type", "refresh_token",
              "refresh_token", issued.get("refresh_token"),
              "client_id", creds.get("client_id"),
              "client_secret", creds.get("client_secret"))))).build(), ofString());
      assertEquals(200, refreshed.statusCode(), refreshed::body);
      Map<String, Object> second = Json.parseObject(refreshed.body()).orElseThrow();
      assertNotEquals(issued.get("refresh_token"), second.get("refresh_token"));

      HttpResponse<String> me = http.send(HttpRequest.newBuilder(base.resolve("/api/v3/me"))
          .header("Authorization", "Bearer " + second.get("access_token")).GET().build(),
          ofString());
      assertEquals(200, me.statusCode(), me::body);
      Map<String, Object> who = Json.parseObject(me.body()).orElseThrow();
      assertEquals("demo-client", who.get("subject"));
      assertEquals("bearer", who.get("auth_method"));
      assertEquals("demo-client", who.get("client_id"));
      assertEquals(List.of("api-keys:manage", "users:read", "users:write"), who.get("scopes"));
      assertEquals(base.toString(), who.get("issuer"));

      assertEquals(0, server.terminate());
    }
  }

  @Test
  void devServerWhenSettingInvalidThenExitsWithTwoNamingIt() throws Exception {
    try (DevServerProcess server = DevServerProcess.start(Map.of("ADMIN_AUTH_ACCESS_TTL", "PT2H"))) {
      assertEquals(2, server.awaitExit());
      server.drain();
      assertTrue(server.output().isEmpty(), () -> "nothing on stdout: " + server.output());
    }
  }

  private static void connect(URI base) throws IOException {
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.getOutputStream().write(0);
    }
  }
}
