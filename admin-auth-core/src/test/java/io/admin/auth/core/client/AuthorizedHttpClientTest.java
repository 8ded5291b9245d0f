package io.admin.auth.core.client;

import io.admin.auth.core.testing.MutableClock;
import static io.admin.auth.core.client.FakeTokenEndpointServer.CLIENT_ID;
import static io.admin.auth.core.client.FakeTokenEndpointServer.CLIENT_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizedHttpClientTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private FakeTokenEndpointServer server;
  private TokenClient tokens;
  private AuthorizedHttpClient client;

  @BeforeEach
  void start() throws Exception {
    server = new FakeTokenEndpointServer();
    tokens = TokenClient.builder()
        .tokenEndpoint(server.tokenUri())
        .clientId(CLIENT_ID)
        .clientSecret(CLIENT_SECRET)
        .clock(new MutableClock(Instant.parse("2026-03-15T10:00:00Z")))
        .httpClient(HTTP)
        .sleeper(d -> { })
        .build();
    client = new AuthorizedHttpClient(HTTP, tokens);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpRequest.Builder get() {
    return HttpRequest.newBuilder(server.resourceUri()).GET();
  }

  @Test
  void sendAddsBearerAndReplacesExistingAuthorization() throws Exception {
    HttpResponse<String> response = client.send(
        get().header("Authorization", "Basic ZGVtbzpwdw=="), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertEquals(List.of("Bearer at-1"), server.resourceAuthorizations);
  }

  @Test
  void sendWhenInvalidToken401ThenRefreshesOnceAndRetriesOnce() throws Exception {
    tokens.accessToken();
    server.revokeAccessToken("at-1");
    HttpResponse<String> response = client.send(get(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertEquals(List.of("Bearer at-1", "Bearer at-2"), server.resourceAuthorizations);
    assertEquals(2, server.tokenRequests.get());
    assertEquals("refresh_token", server.tokenForms.get(1).get("grant_type"));
  }

  @Test
  void sendWhenInvalidTokenAgainAfterRetryThenReturns401WithoutLooping() throws Exception {
    server.resourceChallenge = "Bearer realm=\"admin\", error=\"invalid_token\"";
    HttpResponse<String> response = client.send(get(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, response.statusCode());
    assertEquals(2, server.resourceRequests.get());
    assertEquals(2, server.tokenRequests.get());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Bearer realm=\"admin\"",
      "Bearer realm=\"admin\", error=\"invalid_request\"",
      "Bearer realm=\"admin\", error_description=\"invalid_token\"",
      "Basic realm=\"admin\"",
      "ApiKey realm=\"admin\", error=\"invalid_token\""})
  void sendWhenOther401ThenReturnedWithoutRetryOrRefresh(String challenge) throws Exception {
    server.resourceChallenge = challenge;
    HttpResponse<String> response = client.send(get(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, response.statusCode());
    assertEquals(1, server.resourceRequests.get());
    assertEquals(1, server.tokenRequests.get());
  }

  @Test
  void sendWhenRetriedThenReplayableBodySentAgain() throws Exception {
    tokens.accessToken();
    server.revokeAccessToken("at-1");
    HttpRequest post = HttpRequest.newBuilder(server.resourceUri())
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bob\"}")).build();
    assertEquals(200, client.send(post, HttpResponse.BodyHandlers.ofString()).statusCode());
    assertEquals(List.of("{\"name\":\"bob\"}", "{\"name\":\"bob\"}"), server.resourceBodies);
  }

  @Test
  void sendWithoutRetryWhenInvalidTokenThenReturns401AndNextRequestGetsNewToken()
      throws Exception {
    tokens.accessToken();
    server.revokeAccessToken("at-1");
    assertEquals(401,
        client.sendWithoutRetry(get().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    assertEquals(1, server.resourceRequests.get());
    assertEquals(200, client.send(get(), HttpResponse.BodyHandlers.ofString()).statusCode());
    assertEquals(new ArrayList<>(List.of("Bearer at-1", "Bearer at-2")),
        server.resourceAuthorizations);
  }

  @Test
  void toStringNeverShowsSecretOrToken() {
    tokens.accessToken();
    String text = client.toString();
    assertFalse(text.contains(CLIENT_SECRET), text);
    assertFalse(text.contains("at-1"), text);
  }
}
