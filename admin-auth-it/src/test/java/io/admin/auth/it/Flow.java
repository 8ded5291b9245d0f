package io.admin.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calls an application's clients make, over real HTTP against {@code base} (the WAR's root
 * URL): client-credentials and refresh grants, a protected resource with a bearer token or an API
 * key, API-key creation and token revocation (docs/http-contract.md, sections 2 and 4).
 */
final class Flow {

  /** An access token and the refresh token issued with it. */
  record Tokens(String access, String refresh) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String clientSecret;

  Flow(Secrets secrets) {
    this.clientSecret = secrets.clientSecret();
  }

  Tokens clientCredentials(String base) {
    return tokens(send(base, "/api/v3/auth/token", "grant_type=client_credentials"));
  }

  Tokens refresh(String base, String refreshToken) {
    return tokens(send(base, "/api/v3/auth/token",
        "grant_type=refresh_token&refresh_token=" + form(refreshToken)));
  }

  void revoke(String base, String token) {
    assertEquals(200, send(base, "/api/v3/auth/revoke", "token=" + form(token)).statusCode());
  }

  /** Status of {@code GET /api/hello} with the bearer token. */
  int helloWithToken(String base, String accessToken) {
    return get(base + "/api/hello", "Authorization", "Bearer " + accessToken);
  }

  /** The Basic user the WAR declares (by password hash). */
  static final String BASIC_USER = "it-user";
  /** That user's password. */
  static final String BASIC_PASSWORD = "it-user-password-0123";

  /** Status of {@code GET /api/hello} with Basic credentials. */
  int helloWithBasic(String base, String user, String password) {
    return get(base + "/api/hello", "Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** Status of {@code GET /api/hello} with the API key. */
  int helloWithKey(String base, String apiKey) {
    return get(base + "/api/hello", "X-API-Key", apiKey);
  }

  /** Creates an API key for the token's subject and returns the key. */
  String createApiKey(String base, String accessToken) {
    HttpResponse<String> r = call(HttpRequest.newBuilder(URI.create(base + "/api/v3/api-keys"))
        .header("Authorization", "Bearer " + accessToken)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"it\",\"scopes\":[\"hello:read\"]}"))
        .build());
    assertEquals(201, r.statusCode(), r.body());
    return member(r.body(), "key");
  }

  /** The deployment id the sample servlet shows; empty while the application is not up. */
  String instance(String base) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(
          URI.create(base + "/public/instance")).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body() : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private int get(String url, String header, String value) {
    return call(HttpRequest.newBuilder(URI.create(url)).header(header, value).GET().build())
        .statusCode();
  }

  private HttpResponse<String> send(String base, String path, String form) {
    String basic = Base64.getEncoder().encodeToString(
        (form("it-client") + ":" + form(clientSecret)).getBytes(StandardCharsets.UTF_8));
    return call(HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  private HttpResponse<String> call(HttpRequest request) {
    try {
      return http.send(HttpRequest.newBuilder(request, (n, v) -> true)
          .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static Tokens tokens(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return new Tokens(member(r.body(), "access_token"), member(r.body(), "refresh_token"));
  }

  private static String member(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new AssertionError("no " + name + " in " + json.replaceAll("\"[A-Za-z0-9_.-]{20,}\"",
          "\"...\""));
    }
    return m.group(1);
  }

  private static String form(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }
}
