package io.admin.auth.testkit.server;

import static java.net.http.HttpResponse.BodyHandlers.ofString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.testkit.MutableClock;
import io.admin.auth.testkit.TestKeys;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MockAuthorizationServerTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final MutableClock clock = MutableClock.fixedDefault();
  private final TestKeys keys = TestKeys.generate(SigningAlgorithm.ES256, clock);
  private MockAuthorizationServer server;

  @BeforeEach
  void start() {
    server = MockAuthorizationServer.builder().clock(clock).keys(keys)
        .client("c1", "c1-secret-0123456789abcdef", "users:read")
        .user("ada", "ada-password", "users:read").start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static HttpResponse<String> get(URI uri, String bearer) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(b.build(), ofString());
  }

  private HttpResponse<String> tokenRequest() throws Exception {
    return HTTP.send(HttpRequest.newBuilder(server.tokenEndpoint())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\","
            + "\"client_id\":\"c1\",\"client_secret\":\"c1-secret-0123456789abcdef\"}"))
        .build(), ofString());
  }

  @Test
  void startWhenBuiltThenExposesIssuerAndEndpointsOnAFreeLoopbackPort() throws Exception {
    URI base = server.baseUri();
    assertEquals("127.0.0.1", base.getHost());
    assertTrue(base.getPort() > 0);
    assertEquals(base.toString(), server.issuer());
    assertEquals(base.resolve("/api/v3/auth/token"), server.tokenEndpoint());
    assertEquals(base.resolve("/.well-known/jwks.json"), server.jwksUri());
    assertEquals(base.resolve("/.well-known/oauth-authorization-server"), server.metadataUri());

    Map<String, Object> metadata = Json.parseObject(get(server.metadataUri(), null).body())
        .orElseThrow();
    assertEquals(server.issuer(), metadata.get("issuer"));
    assertEquals(server.tokenEndpoint().toString(), metadata.get("token_endpoint"));
    assertEquals(server.jwksUri().toString(), metadata.get("jwks_uri"));
    assertTrue(get(server.jwksUri(), null).body().contains("\"kid\":\"" + keys.kid() + "\""));
  }

  @Test
  void tokensWhenMintedThenAcceptedByTheServersFilter() throws Exception {
    String jwt = server.tokens().token().subject("alice").clientId("c1").scopes("users:read")
        .sign();

    HttpResponse<String> me = get(server.meUri(), jwt);

    assertEquals(200, me.statusCode(), me.body());
    assertEquals("alice", Json.parseObject(me.body()).orElseThrow().get("subject"));
    assertEquals(401, get(server.meUri(), server.tokens().token().expired().sign()).statusCode());
  }

  @Test
  void idTokenWhenPresentedAsBearerTokenThenTheFilterRefusesIt() throws Exception {
    // Even with the API's audience and a client_id, the typ JWT header makes it an ID token.
    String idToken = server.tokens().idToken().subject("alice").audience(server.issuer())
        .claim("client_id", "c1").sign();

    HttpResponse<String> me = get(server.meUri(), idToken);

    assertEquals(401, me.statusCode(), me.body());
    assertTrue(me.headers().firstValue("WWW-Authenticate").orElse("")
        .contains("error=\"invalid_token\""), me.headers().toString());
    assertEquals("AUTH_TOKEN_INVALID", Json.parseObject(me.body()).orElseThrow().get("code"));
  }

  @Test
  void userWhenSeededThenBasicCredentialsAuthenticate() throws Exception {
    HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(server.meUri())
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
            "ada:ada-password".getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(),
        ofString());
    HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(server.meUri())
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
            "ada:nope".getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(), ofString());

    assertEquals(200, me.statusCode(), me.body());
    assertEquals("basic", Json.parseObject(me.body()).orElseThrow().get("auth_method"));
    assertEquals(401, wrong.statusCode());
    assertEquals("AUTH_BASIC_INVALID", Json.parseObject(wrong.body()).orElseThrow().get("code"));
  }

  @Test
  void failNextTokenRequestsWhen429ThenContractErrorWithRetryAfterThenRealAnswer()
      throws Exception {
    server.failNextTokenRequests(2, 429, Duration.ofSeconds(7));

    HttpResponse<String> first = tokenRequest();
    HttpResponse<String> second = tokenRequest();
    HttpResponse<String> third = tokenRequest();

    assertEquals(429, first.statusCode());
    assertEquals("7", first.headers().firstValue("Retry-After").orElseThrow());
    Map<String, Object> body = Json.parseObject(first.body()).orElseThrow();
    assertEquals("rate_limited", body.get("error"));
    assertEquals("AUTH_RATE_LIMITED", body.get("code"));
    assertEquals(429, second.statusCode());
    assertEquals(200, third.statusCode(), third.body());
    assertEquals(3, server.tokenRequestCount());
    assertEquals(List.of("client_credentials"), server.grants());
  }

  @Test
  void failNextTokenRequestsWhen500ThenServerErrorJsonWithoutRetryAfter() throws Exception {
    server.failNextTokenRequests(1, 500);

    HttpResponse<String> failed = tokenRequest();

    assertEquals(500, failed.statusCode());
    assertEquals("server_error", Json.parseObject(failed.body()).orElseThrow().get("error"));
    assertTrue(failed.headers().firstValue("Retry-After").isEmpty());
    assertEquals(200, tokenRequest().statusCode());
  }

  @Test
  void failNextTokenRequestsWhenStatusNotAnErrorThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> server.failNextTokenRequests(1, 200));
    assertThrows(IllegalArgumentException.class, () -> server.failNextTokenRequests(-1, 500));
  }

  /**
   * Errors Jetty answers by itself (a URI it refuses before any filter runs, a path with no
   * servlet) come in the contract's JSON too, so a client under test never parses an HTML page.
   */
  @ParameterizedTest
  @CsvSource({
      "/api/v3/%2e%2e/x,400,AUTH_REQUEST_INVALID",
      "/api/v3/me%2fx,400,AUTH_REQUEST_INVALID",
      "/no/such/thing,404,AUTH_NOT_FOUND"})
  void requestWhenJettyAnswersItselfThenContractJson(String path, int status, String code)
      throws Exception {
    HttpResponse<String> r = get(URI.create(server.baseUri() + path), null);

    assertEquals(status, r.statusCode(), r.body());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
    assertEquals(code, Json.parseObject(r.body()).orElseThrow().get("code"), r.body());
    assertFalse(r.body().contains("<"), r.body());
  }

  @Test
  void closeWhenCalledThenPortNoLongerAccepts() {
    URI me = server.meUri();
    server.close();

    assertThrows(ConnectException.class, () -> {
      try {
        get(me, null);
      } catch (IOException e) {
        throw e instanceof ConnectException ? e : (e.getCause() instanceof ConnectException c ? c : e);
      }
    });
  }
}
