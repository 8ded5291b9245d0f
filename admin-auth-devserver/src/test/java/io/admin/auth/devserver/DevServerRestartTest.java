package io.admin.auth.devserver;

import static java.net.http.HttpResponse.BodyHandlers.ofString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.internal.jose.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev server of docs/http-contract.md: with the default embedded store, a restart keeps keys,
 * clients, tokens and revocations.
 */
class DevServerRestartTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SECRET = "restart-secret-0123456789";

  @TempDir
  Path data;

  private DevServer start() {
    DevServerConfig config = assertInstanceOf(ConfigResult.Valid.class, DevServerConfig.parse(
        List.of("--port", "0", "--issuer", "http://dev.test", "--demo-client-secret", SECRET),
        Map.of())).config().withStore(new StoreChoice.EmbeddedFile(data));
    return DevServer.start(config, new JdbcDevStorage(data, Map.of(), new SecureRandom()));
  }

  private static HttpResponse<String> form(URI uri, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body + "&client_id=demo-client&client_secret="
            + SECRET)).build(), ofString());
  }

  private static Map<String, Object> token(DevServer s, String body) throws Exception {
    HttpResponse<String> r = form(s.baseUri().resolve("/api/v3/auth/token"), body);
    assertEquals(200, r.statusCode(), r.body());
    return Json.parseObject(r.body()).orElseThrow();
  }

  private static HttpResponse<String> me(DevServer s, Object token) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(s.baseUri().resolve("/api/v3/me"))
        .header("Authorization", "Bearer " + token).build(), ofString());
  }

  @Test
  void restartWhenEmbeddedStoreThenKeysRefreshTokensAndRevocationsSurvive() throws Exception {
    Map<String, Object> kept;
    Map<String, Object> revoked;
    String jwks;
    try (DevServer first = start()) {
      kept = token(first, "grant_type=client_credentials");
      revoked = token(first, "grant_type=client_credentials");
      assertEquals(200, form(first.baseUri().resolve("/api/v3/auth/revoke"),
          "token=" + revoked.get("access_token")).statusCode());
      jwks = HTTP.send(HttpRequest.newBuilder(first.baseUri().resolve("/.well-known/jwks.json"))
          .build(), ofString()).body();
    }

    try (DevServer second = start()) {
      assertEquals(jwks, HTTP.send(HttpRequest.newBuilder(
          second.baseUri().resolve("/.well-known/jwks.json")).build(), ofString()).body());
      assertEquals(200, me(second, kept.get("access_token")).statusCode());
      HttpResponse<String> stillRevoked = me(second, revoked.get("access_token"));
      assertEquals(401, stillRevoked.statusCode());
      assertEquals("AUTH_TOKEN_REVOKED",
          Json.parseObject(stillRevoked.body()).orElseThrow().get("code"));
      Map<String, Object> refreshed = token(second,
          "grant_type=refresh_token&refresh_token=" + kept.get("refresh_token"));
      assertEquals(200, me(second, refreshed.get("access_token")).statusCode());
    }
  }

  @Test
  void restartWhenApiKeyWasUsedThenItsLastUseSurvives() throws Exception {
    String id;
    try (DevServer first = start()) {
      Object bearer = token(first, "grant_type=client_credentials").get("access_token");
      HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
          first.baseUri().resolve("/api/v3/api-keys"))
          .header("Authorization", "Bearer " + bearer)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"name\":\"ci\",\"scopes\":[\"users:read\"]}")).build(), ofString());
      assertEquals(201, created.statusCode(), created.body());
      Map<String, Object> issued = Json.parseObject(created.body()).orElseThrow();
      id = (String) issued.get("id");
      HttpResponse<String> used = HTTP.send(HttpRequest.newBuilder(
          first.baseUri().resolve("/api/v3/me"))
          .header("X-API-Key", (String) issued.get("key")).build(), ofString());
      assertEquals(200, used.statusCode(), used.body());
    }

    try (DevServer second = start()) {
      Object bearer = token(second, "grant_type=client_credentials").get("access_token");
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
          second.baseUri().resolve("/api/v3/api-keys/" + id))
          .header("Authorization", "Bearer " + bearer).build(), ofString());
      assertEquals(200, r.statusCode(), r.body());
      Object lastUsed = Json.parseObject(r.body()).orElseThrow().get("last_used_at");
      assertNotNull(lastUsed, "the use before the restart was written to the store: " + r.body());
      Instant at = Instant.parse((String) lastUsed);
      assertTrue(!at.isAfter(Instant.now()), at.toString());
    }
  }
}
