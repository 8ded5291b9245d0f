package io.admin.auth.core.client;

import io.admin.auth.core.testing.MutableClock;
import static io.admin.auth.core.client.FakeTokenEndpointServer.CLIENT_ID;
import static io.admin.auth.core.client.FakeTokenEndpointServer.CLIENT_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.client.FakeTokenEndpointServer.Scripted;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenClientTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Jitter that always picks the middle of the backoff window, so waits are exact. */
  static final class HalfJitter extends Random {
    @Override
    public double nextDouble() {
      return 0.5;
    }
  }

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
        .scope("users:read")
        .clock(clock)
        .httpClient(HTTP)
        .jitter(new HalfJitter())
        .backoff(Duration.ofMillis(200), Duration.ofSeconds(10))
        .sleeper(sleeps::add);
  }

  private TokenClient client() {
    return builder().build();
  }

  @Test
  void accessTokenWhenFirstCallThenClientCredentialsWithFormEncodedBasicAuth() {
    assertEquals("at-1", client().accessToken());
    assertEquals(1, server.tokenRequests.get());
    assertEquals(Map.of("grant_type", "client_credentials", "scope", "users:read"),
        server.tokenForms.get(0));
    assertEquals(CLIENT_ID + ":" + CLIENT_SECRET, server.basicCredentials.get(0));
  }

  @Test
  void accessTokenWhenClientSecretPostThenCredentialsInBodyAndNoBasic() {
    assertEquals("at-1", builder().authMethod(ClientAuthMethod.CLIENT_SECRET_POST).build()
        .accessToken());
    assertNull(server.basicCredentials.get(0));
    assertEquals(CLIENT_SECRET, server.tokenForms.get(0).get("client_secret"));
    assertEquals(CLIENT_ID, server.tokenForms.get(0).get("client_id"));
  }

  @Test
  void accessTokenWhenFreshThenCachedWithoutRequest() {
    TokenClient client = client();
    client.accessToken();
    clock.advance(Duration.ofSeconds(3600 - 61));
    assertEquals("at-1", client.accessToken());
    assertEquals("at-1", client.accessToken());
    assertEquals(1, server.tokenRequests.get());
  }

  @Test
  void accessTokenWhenWithinMarginThenRefreshesWithRotatedRefreshToken() {
    TokenClient client = client();
    client.accessToken();
    clock.advance(Duration.ofSeconds(3600 - 59));
    assertEquals("at-2", client.accessToken());
    clock.advance(Duration.ofSeconds(3600 - 59));
    assertEquals("at-3", client.accessToken());
    assertEquals(3, server.tokenRequests.get());
    assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", "rt-1"),
        server.tokenForms.get(1));
    assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", "rt-2"),
        server.tokenForms.get(2));
  }

  @Test
  void accessTokenWhenLifetimeShorterThanMarginThenMarginCappedAtHalfLifetime() {
    server.expiresIn = 60;
    TokenClient client = builder().refreshMargin(Duration.ofMinutes(5)).build();
    client.accessToken();
    clock.advance(Duration.ofSeconds(29));
    assertEquals("at-1", client.accessToken());
    clock.advance(Duration.ofSeconds(1));
    assertEquals("at-2", client.accessToken());
  }

  @Test
  void accessTokenWhenRefreshTokenRejectedThenFallsBackToClientCredentials() {
    TokenClient client = client();
    client.accessToken();
    server.revokeRefreshTokens();
    clock.advance(Duration.ofSeconds(3601));
    assertEquals("at-2", client.accessToken());
    assertEquals(List.of("client_credentials", "refresh_token", "client_credentials"),
        server.tokenForms.stream().map(f -> f.get("grant_type")).toList());
    assertTrue(sleeps.isEmpty());
  }

  @Test
  void invalidateThenNextCallRefreshesWithRefreshToken() {
    TokenClient client = client();
    client.accessToken();
    client.invalidate();
    assertEquals("at-2", client.accessToken());
    assertEquals("rt-1", server.tokenForms.get(1).get("refresh_token"));
  }

  @Test
  void invalidateWhenTokenAlreadyReplacedThenKeepsNewToken() {
    TokenClient client = client();
    client.accessToken();
    assertTrue(client.invalidate("at-1"));
    assertEquals("at-2", client.accessToken());
    assertFalse(client.invalidate("at-1"));
    assertEquals("at-2", client.accessToken());
    assertEquals(2, server.tokenRequests.get());
  }

  @ParameterizedTest(name = "token already cached: {0}")
  @ValueSource(booleans = {false, true})
  void accessTokenWhenFiftyConcurrentCallersThenOneTokenRequest(boolean expiredTokenCached)
      throws Exception {
    TokenClient client = client();
    int before = 0;
    if (expiredTokenCached) {
      client.accessToken();
      clock.advance(Duration.ofSeconds(3601));
      before = 1;
    }
    String expected = "at-" + (before + 1);
    server.arrived = new CountDownLatch(1);
    server.release = new CountDownLatch(1);
    List<String> results = Collections.synchronizedList(new ArrayList<>());
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> callers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Thread t = new Thread(() -> {
        try {
          go.await();
          results.add(client.accessToken());
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      t.start();
      callers.add(t);
    }
    go.countDown();
    assertTrue(server.arrived.await(10, TimeUnit.SECONDS), "no token request arrived");
    // Release the held response only once every caller is parked inside the client, so all 50
    // really overlap the one request in flight.
    for (Thread t : callers) {
      waitUntilParkedInTokenClient(t);
    }
    server.release.countDown();
    for (Thread t : callers) {
      t.join(10_000);
    }
    assertEquals(List.of(), failures);
    assertEquals(50, results.size());
    assertTrue(results.stream().allMatch(expected::equals), results.toString());
    assertEquals(before + 1, server.tokenRequests.get());
  }

  private static void waitUntilParkedInTokenClient(Thread t) throws InterruptedException {
    for (int i = 0; i < 1000; i++) {
      Thread.State state = t.getState();
      boolean parked = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
          || state == Thread.State.BLOCKED;
      boolean inClient = List.of(t.getStackTrace()).stream()
          .anyMatch(f -> f.getClassName().equals(TokenClient.class.getName()));
      if (parked && inClient) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError(t.getName() + " never waited inside TokenClient");
  }

  @Test
  void accessTokenWhen429WithRetryAfterSecondsThenWaitsThatLong() {
    server.script.add(Scripted.error(429, "rate_limited", "AUTH_RATE_LIMITED",
        Map.of("Retry-After", "7")));
    assertEquals("at-1", client().accessToken());
    assertEquals(List.of(Duration.ofSeconds(7)), sleeps);
    assertEquals(2, server.tokenRequests.get());
  }

  @Test
  void accessTokenWhen429WithRetryAfterDateThenWaitsUntilThen() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME
        .format(clock.instant().plusSeconds(12).atZone(ZoneOffset.UTC));
    server.script.add(Scripted.error(429, "rate_limited", "AUTH_RATE_LIMITED",
        Map.of("Retry-After", date)));
    assertEquals("at-1", client().accessToken());
    assertEquals(List.of(Duration.ofSeconds(12)), sleeps);
  }

  @Test
  void accessTokenWhen429RetryAfterBeyondMaxWaitThenGivesUpWithRateLimited() {
    server.script.add(Scripted.error(429, "rate_limited", "AUTH_RATE_LIMITED",
        Map.of("Retry-After", "120")));
    TokenClientException e = assertThrows(TokenClientException.class,
        () -> builder().maxRetryAfter(Duration.ofSeconds(30)).build().accessToken());
    assertEquals(429, e.status());
    assertEquals(Optional.of("rate_limited"), e.error());
    assertEquals(Optional.of("AUTH_RATE_LIMITED"), e.code());
    assertEquals(1, server.tokenRequests.get());
    assertTrue(sleeps.isEmpty());
  }

  @Test
  void accessTokenWhen5xxThenBacksOffExponentiallyWithJitterThenSucceeds() {
    server.script.add(new Scripted(500, Map.of(), "oops"));
    server.script.add(new Scripted(503, Map.of(), ""));
    assertEquals("at-1", builder().maxAttempts(3).build().accessToken());
    // Half of the 200 ms and 400 ms ceilings: full jitter draws from [0, ceiling).
    assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), sleeps);
    assertEquals(3, server.tokenRequests.get());
  }

  @Test
  void accessTokenWhenConnectionDroppedThenRetriesAfterBackoff() {
    server.script.add(Scripted.drop());
    assertEquals("at-1", client().accessToken());
    assertEquals(List.of(Duration.ofMillis(100)), sleeps);
    assertEquals(2, server.tokenRequests.get());
  }

  @Test
  void accessTokenWhenServerKeepsFailingThenGivesUpAfterMaxAttempts() {
    for (int i = 0; i < 5; i++) {
      server.script.add(Scripted.error(503, "temporarily_unavailable", null, Map.of()));
    }
    TokenClientException e = assertThrows(TokenClientException.class,
        () -> builder().maxAttempts(3).build().accessToken());
    assertEquals(503, e.status());
    assertEquals(Optional.of("temporarily_unavailable"), e.error());
    assertEquals(3, server.tokenRequests.get());
    assertEquals(2, sleeps.size());
    assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
  }

  @Test
  void accessTokenWhenSecretWrongThenInvalidClientWithoutRetryOrSecretInMessage() {
    String wrong = "wrong-" + CLIENT_SECRET;
    TokenClientException e = assertThrows(TokenClientException.class,
        () -> builder().clientSecret(wrong).build().accessToken());
    assertEquals(401, e.status());
    assertEquals(Optional.of("invalid_client"), e.error());
    assertEquals(Optional.of("AUTH_CLIENT_INVALID"), e.code());
    assertEquals(1, server.tokenRequests.get());
    assertFalse(e.getMessage().contains(wrong));
    assertFalse(e.toString().contains("s3cr3t"));
  }

  @Test
  void accessTokenWhenEarlyRefreshFailsThenCurrentTokenStillHandedOut() {
    TokenClient client = builder().maxAttempts(1).build();
    client.accessToken();
    clock.advance(Duration.ofSeconds(3600 - 30));
    // The refresh fails, and so does the client_credentials request that replaces it.
    server.script.add(new Scripted(500, Map.of(), ""));
    server.script.add(new Scripted(500, Map.of(), ""));
    assertEquals("at-1", client.accessToken());
    clock.advance(Duration.ofSeconds(31));
    assertEquals("at-2", client.accessToken());
    // The refresh token whose request failed with a 500 may be spent: never sent again.
    assertEquals(List.of("client_credentials", "refresh_token", "client_credentials",
        "client_credentials"), server.tokenForms.stream().map(f -> f.get("grant_type")).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[]", "{\"access_token\":\"x\"}",
      "{\"access_token\":\"x\",\"token_type\":\"mac\",\"expires_in\":60}",
      "{\"access_token\":\"x\",\"token_type\":\"Bearer\",\"expires_in\":\"soon\"}",
      "{\"access_token\":\"\",\"token_type\":\"Bearer\",\"expires_in\":60}"})
  void accessTokenWhen200IsNotATokenResponseThenFailsWithoutRetry(String body) {
    server.script.add(new Scripted(200, Map.of(), body));
    TokenClientException e = assertThrows(TokenClientException.class,
        () -> client().accessToken());
    assertEquals(200, e.status());
    assertEquals(1, server.tokenRequests.get());
  }

  @Test
  void toStringMasksSecret() {
    String text = client().toString();
    assertFalse(text.contains(CLIENT_SECRET), text);
    assertTrue(text.contains("clientSecret=**********"), text);
    assertTrue(text.contains(CLIENT_ID), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://auth.example.com/token", "ftp://127.0.0.1/token",
      "missing-endpoint", "blank-id", "empty-secret", "zero-attempts", "negative-margin"})
  void buildWhenConfigurationUnsafeOrIncompleteThenRejected(String variant) {
    Map<String, Consumer<TokenClient.Builder>> breakers = Map.of(
        "missing-endpoint", b -> b.tokenEndpoint(null),
        "blank-id", b -> b.clientId(" "),
        "empty-secret", b -> b.clientSecret(""),
        "zero-attempts", b -> b.maxAttempts(0),
        "negative-margin", b -> b.refreshMargin(Duration.ofSeconds(-1)));
    TokenClient.Builder b = builder();
    breakers.getOrDefault(variant, x -> x.tokenEndpoint(URI.create(variant))).accept(b);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertFalse(e.getMessage().contains(CLIENT_SECRET));
  }

  @Test
  void buildWhenPlainHttpAllowedExplicitlyThenAccepted() {
    TokenClient client = builder().tokenEndpoint(URI.create("http://auth.internal/token"))
        .allowPlainHttp(true).build();
    assertTrue(client.toString().contains("http://auth.internal/token"));
  }
}
