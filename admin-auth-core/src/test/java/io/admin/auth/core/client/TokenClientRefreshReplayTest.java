package io.admin.auth.core.client;

import static io.admin.auth.core.client.FakeTokenEndpointServer.CLIENT_ID;
import static io.admin.auth.core.client.FakeTokenEndpointServer.CLIENT_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.client.FakeTokenEndpointServer.Scripted;
import io.admin.auth.core.testing.MutableClock;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A refresh token is single use (docs/http-contract.md section 2.5): once a refresh request may
 * have reached the server, sending the same refresh token again is reuse, which revokes the whole
 * family. These tests let the fake server carry the refresh out and then lose the answer (5xx,
 * timeout, dropped connection, unreadable 200); the client must not resend the refresh token,
 * and gets a new grant with {@code client_credentials} instead.
 */
class TokenClientRefreshReplayTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private FakeTokenEndpointServer server;
  private MutableClock clock;
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws Exception {
    server = new FakeTokenEndpointServer();
    clock = new MutableClock(Instant.parse("2026-03-15T10:00:00Z"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private TokenClient.Builder builder() {
    return TokenClient.builder()
        .tokenEndpoint(server.tokenUri())
        .clientId(CLIENT_ID)
        .clientSecret(CLIENT_SECRET)
        .clock(clock)
        .httpClient(HTTP)
        .jitter(new TokenClientTest.HalfJitter())
        .maxAttempts(3)
        .sleeper(sleeps::add);
  }

  /** A client holding at-1 / rt-1, with the access token expired so the next call refreshes. */
  private TokenClient clientDueForRefresh(TokenClient.Builder builder) {
    TokenClient client = builder.build();
    assertEquals("at-1", client.accessToken());
    clock.advance(Duration.ofSeconds(3601));
    return client;
  }

  private List<String> grants() {
    return server.tokenForms.stream().map(f -> f.get("grant_type")).toList();
  }

  private void assertOneRefreshThenClientCredentials(String token) {
    // at-2 went out with the lost answer; at-3 comes from client_credentials.
    assertEquals("at-3", token);
    assertEquals(List.of("client_credentials", "refresh_token", "client_credentials"), grants());
    assertEquals(0, server.refreshTokenReuses.get(), "the spent refresh token was sent again");
  }

  @Test
  void accessTokenWhenRefreshAnswered503ThenOneRefreshAttemptThenClientCredentials() {
    TokenClient client = clientDueForRefresh(builder());
    server.script.add(
        Scripted.error(503, "temporarily_unavailable", null, Map.of()).afterProcessing());

    assertOneRefreshThenClientCredentials(client.accessToken());
    assertEquals(List.of(), sleeps, "no backoff: nothing is retried");
  }

  @Test
  void accessTokenWhenRefreshTimedOutThenOneRefreshAttemptThenClientCredentials() {
    TokenClient client = clientDueForRefresh(builder().requestTimeout(Duration.ofMillis(500)));
    server.script.add(Scripted.hang().afterProcessing());

    assertOneRefreshThenClientCredentials(client.accessToken());
  }

  @Test
  void accessTokenWhenRefreshConnectionDroppedThenOneRefreshAttemptThenClientCredentials() {
    TokenClient client = clientDueForRefresh(builder());
    server.script.add(Scripted.drop().afterProcessing());

    assertOneRefreshThenClientCredentials(client.accessToken());
  }

  @Test
  void accessTokenWhenRefreshAnsweredUnreadable200ThenClientCredentialsWithoutResending() {
    TokenClient client = clientDueForRefresh(builder());
    server.script.add(new Scripted(200, Map.of(), "{\"access_token\":\"x\"}").afterProcessing());

    assertOneRefreshThenClientCredentials(client.accessToken());
  }

  @Test
  void accessTokenWhenRefreshAndFallbackBothFailThenClearErrorAndRefreshTokenNotResentLater() {
    TokenClient client = clientDueForRefresh(builder().maxAttempts(1));
    server.script.add(
        Scripted.error(503, "temporarily_unavailable", null, Map.of()).afterProcessing());
    server.script.add(Scripted.error(400, "unauthorized_client", "AUTH_GRANT_UNSUPPORTED",
        Map.of()));

    TokenClientException e = assertThrows(TokenClientException.class, client::accessToken);

    assertEquals(400, e.status());
    assertEquals(Optional.of("unauthorized_client"), e.error());
    assertTrue(e.getMessage().contains("refresh token was not sent again"), e.getMessage());
    assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
    assertFalse(e.getMessage().contains("rt-1"), e.getMessage());
    assertEquals("at-3", client.accessToken());
    assertEquals(List.of("client_credentials", "refresh_token", "client_credentials",
        "client_credentials"), grants());
    assertEquals(0, server.refreshTokenReuses.get());
  }

  @Test
  void accessTokenWhenRefreshRateLimitedThenRefreshTokenStillUsedAfterRetryAfter() {
    // A 429 is answered before the grant is looked at (section 2.3): the token is not spent.
    TokenClient client = clientDueForRefresh(builder());
    server.script.add(Scripted.error(429, "rate_limited", "AUTH_RATE_LIMITED",
        Map.of("Retry-After", "1")));

    assertEquals("at-2", client.accessToken());
    assertEquals(List.of("client_credentials", "refresh_token", "refresh_token"), grants());
    assertEquals(List.of(Duration.ofSeconds(1)), sleeps);
  }

  @Test
  void mayHaveArrivedWhenConnectionNeverMadeThenFalseOtherwiseTrue() {
    // Only these two prove the server never saw the request; a refresh is retried after them.
    assertFalse(TokenEndpointClient.mayHaveArrived(new ConnectException("refused")));
    assertFalse(TokenEndpointClient.mayHaveArrived(new HttpConnectTimeoutException("connect")));
    assertTrue(TokenEndpointClient.mayHaveArrived(new HttpTimeoutException("request timed out")));
    assertTrue(TokenEndpointClient.mayHaveArrived(new IOException("connection reset")));
  }

  @Test
  void accessTokenWhenClientCredentialsAnswered503ThenStillRetried() {
    server.script.add(
        Scripted.error(503, "temporarily_unavailable", null, Map.of()).afterProcessing());

    assertEquals("at-2", builder().build().accessToken());
    assertEquals(List.of("client_credentials", "client_credentials"), grants());
    assertEquals(1, sleeps.size());
  }
}
