package io.admin.auth.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.client.AuthorizedHttpClient;
import io.admin.auth.core.client.TokenClient;
import io.admin.auth.core.client.TokenClientException;
import io.admin.auth.core.issue.ClientAuthentication;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.testkit.MutableClock;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The core's auto-refreshing client against a real authorization server (the servlet module on
 * Jetty, through {@link MockAuthorizationServer}): the key scenarios of issue 5, over HTTP.
 */
class TokenClientAgainstMockServerTest {

  private static final String ID = "reporting";
  private static final String SECRET = "reporting-secret-0123456789";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Jitter that always picks the middle of the backoff window, so waits are exact. */
  static final class HalfJitter extends Random {
    private static final long serialVersionUID = 1L;

    @Override
    public double nextDouble() {
      return 0.5;
    }
  }

  private final MutableClock clock = MutableClock.fixedDefault();
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
  private MockAuthorizationServer server;

  @BeforeEach
  void start() {
    server = MockAuthorizationServer.builder()
        .clock(clock)
        .accessTokenTtl(Duration.ofMinutes(5))
        .refreshTokenTtl(Duration.ofMinutes(10))
        .client(ID, SECRET, "users:read", "users:write")
        .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private TokenClient client() {
    return TokenClient.builder()
        .tokenEndpoint(server.tokenEndpoint())
        .clientId(ID)
        .clientSecret(SECRET)
        .clock(clock)
        .httpClient(HTTP)
        .refreshMargin(Duration.ofSeconds(60))
        .jitter(new HalfJitter())
        .backoff(Duration.ofMillis(200), Duration.ofSeconds(10))
        .sleeper(sleeps::add)
        .build();
  }

  private AuthOutcome verify(String accessToken) {
    return server.tokenService().verify(accessToken);
  }

  @Test
  void accessTokenWhenWithinRefreshMarginThenRefreshesWithRotatedRefreshToken() {
    TokenClient client = client();
    String first = client.accessToken();

    clock.advance(Duration.ofMinutes(4).plusSeconds(1));
    String second = client.accessToken();
    clock.advance(Duration.ofMinutes(4).plusSeconds(1));
    String third = client.accessToken();

    assertNotEquals(first, second);
    assertNotEquals(second, third);
    assertEquals(List.of("client_credentials", "refresh_token", "refresh_token"), server.grants());
    assertInstanceOf(AuthOutcome.Authenticated.class, verify(third));
  }

  @Test
  void accessTokenWhenFreshThenNoRequest() {
    TokenClient client = client();
    String first = client.accessToken();

    clock.advance(Duration.ofMinutes(3));

    assertEquals(first, client.accessToken());
    assertEquals(1, server.tokenRequestCount());
  }

  @Test
  void accessTokenWhenFiftyCallersFindItExpiredThenOneRequestAtTheServer() throws Exception {
    TokenClient client = client();
    client.accessToken();
    clock.advance(Duration.ofMinutes(6));
    int callers = 50;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return client.accessToken();
        }));
      }
      go.countDown();
      Set<String> tokens = new java.util.HashSet<>();
      for (Future<String> f : results) {
        tokens.add(f.get(60, TimeUnit.SECONDS));
      }

      assertEquals(1, tokens.size(), "every caller got the one refreshed token");
      assertEquals(2, server.tokenRequestCount(), "the first token, then one refresh");
      assertEquals(List.of("client_credentials", "refresh_token"), server.grants());
      assertInstanceOf(AuthOutcome.Authenticated.class, verify(tokens.iterator().next()));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void accessTokenWhenServerAnswers429ThenWaitsRetryAfterAndRetries() {
    server.failNextTokenRequests(1, 429, Duration.ofSeconds(2));

    String token = client().accessToken();

    assertEquals(List.of(Duration.ofSeconds(2)), sleeps);
    assertEquals(2, server.tokenRequestCount());
    assertEquals(List.of("client_credentials"), server.grants());
    assertInstanceOf(AuthOutcome.Authenticated.class, verify(token));
  }

  @Test
  void accessTokenWhenRetryAfterTooLongThenFailsWith429WithoutWaiting() {
    server.failNextTokenRequests(1, 429, Duration.ofMinutes(5));

    TokenClientException e = assertThrows(TokenClientException.class, () -> client().accessToken());

    assertEquals(429, e.status());
    assertEquals(Optional.of(AuthErrorCode.AUTH_RATE_LIMITED.name()), e.code());
    assertEquals(List.of(), sleeps);
    assertEquals(1, server.tokenRequestCount());
  }

  @Test
  void accessTokenWhenServerAnswers500TwiceThenBacksOffAndSucceedsOnThirdAttempt() {
    server.failNextTokenRequests(2, 500);

    String token = client().accessToken();

    assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), sleeps);
    assertEquals(3, server.tokenRequestCount());
    assertInstanceOf(AuthOutcome.Authenticated.class, verify(token));
  }

  @Test
  void accessTokenWhenRefreshTokenRejectedThenFallsBackToClientCredentials() {
    TokenClient client = client();
    client.accessToken();

    // Past the refresh token's 10 minutes: the server answers invalid_grant (expired).
    clock.advance(Duration.ofMinutes(11));
    String token = client.accessToken();

    assertEquals(List.of("client_credentials", "refresh_token", "client_credentials"),
        server.grants());
    assertInstanceOf(AuthOutcome.Authenticated.class, verify(token));
  }

  @Test
  void sendWhenAccessTokenRevokedThenRefreshesOnceAndRetries() throws Exception {
    TokenClient tokens = client();
    AuthorizedHttpClient http = new AuthorizedHttpClient(HTTP, tokens);
    String revoked = tokens.accessToken();
    OAuthClient owner = ((ClientAuthentication.Succeeded)
        server.tokenService().authenticateClient(ID, SECRET)).client();
    server.tokenService().revoke(owner, revoked, Optional.of("access_token"));

    HttpResponse<String> me = http.send(HttpRequest.newBuilder(server.meUri()).GET(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(200, me.statusCode(), me.body());
    assertTrue(me.body().contains("\"client_id\":\"" + ID + "\""), me.body());
    assertEquals(List.of("client_credentials", "refresh_token"), server.grants());
  }
}
