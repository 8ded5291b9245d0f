package io.admin.auth.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admin.auth.core.internal.jose.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A small HTTP client for the Boot apps the tests start on a random port. */
final class BootHttp {

  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;

  BootHttp(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  HttpResponse<String> get(String path, String... headers) throws IOException,
      InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A form POST authenticated with the client's id and secret (HTTP Basic). */
  HttpResponse<String> token(String clientId, String secret, String form)
      throws IOException, InterruptedException {
    String basic = Base64.getEncoder().encodeToString(
        (enc(clientId) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
    return client.send(HttpRequest.newBuilder(URI.create(base + "/api/v3/auth/token"))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** An access token for the client by client credentials, asserting that it was issued. */
  Map<String, Object> clientCredentials(String clientId, String secret, String scope)
      throws IOException, InterruptedException {
    HttpResponse<String> r = token(clientId, secret,
        "grant_type=client_credentials&scope=" + enc(scope));
    assertEquals(200, r.statusCode(), r.body());
    return body(r);
  }

  static Map<String, Object> body(HttpResponse<String> r) {
    return Json.parseObject(r.body())
        .orElseThrow(() -> new AssertionError("not a JSON object: " + r.body()));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
