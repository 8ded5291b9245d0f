package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.key.KeyRotationPolicy;
import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.testing.MutableClock;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.issue.TokenResponse;
import io.admin.auth.core.issue.TokenResult;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two nodes in one JVM on one PostgreSQL: each with its own HikariCP pool, its own {@link
 * JdbcStores} (own LISTEN connection, own revocation cache) and its own {@link
 * DefaultTokenService}, sharing only the database, the pepper, the KEK and the clock.
 */
class TwoNodePostgresTest {

  private static final Logger LOG = LoggerFactory.getLogger(TwoNodePostgresTest.class);
  private static final String ISSUER = "https://auth.example";
  private static final KeyRotationPolicy POLICY =
      new KeyRotationPolicy(Duration.ofHours(2), Duration.ofMinutes(30), Duration.ofHours(2));

  private final SecureRandom random = new SecureRandom();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
  private final byte[] pepper = new byte[32];
  private final KeyEncryptionKey kek = KeyEncryptionKey.generate(random);
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private String database;

  private record Node(JdbcStores stores, DefaultTokenService tokens) {}

  @BeforeEach
  void database() {
    random.nextBytes(pepper);
    database = TestDatabases.freshPostgresName();
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  private Node node() throws InterruptedException {
    HikariDataSource pool = TestDatabases.hikariPostgres(database, 4);
    JdbcStores stores = JdbcStores.builder(pool, Dialect.POSTGRESQL).keyEncryptionKey(kek)
        .migrateSchema(true).clock(clock).build();
    closeables.add(pool);
    closeables.add(0, stores);
    assertTrue(stores.revocationStore().awaitListening(Duration.ofSeconds(10)));
    DefaultTokenService tokens = DefaultTokenService.builder().issuer(ISSUER).clock(clock)
        .random(random).secretPepper(pepper).keyStore(stores.keyStore())
        .clientStore(stores.clientStore()).refreshTokenStore(stores.refreshTokenStore())
        .revocationStore(stores.revocationStore()).keyRotationPolicy(POLICY)
        .keyRingRefresh(Duration.ofMinutes(1)).build();
    return new Node(stores, tokens);
  }

  private static TokenResponse issued(TokenResult r) {
    return assertInstanceOf(TokenResult.Issued.class, r).response();
  }

  private static AuthErrorCode rejection(AuthOutcome outcome) {
    return outcome instanceof AuthOutcome.Rejected r ? r.error().code() : null;
  }

  @Test
  void revokeOnNodeAThenRejectedOnNodeBWithinOneSecond() throws Exception {
    Node a = node();
    Node b = node();
    OAuthClient client = a.tokens().registerClient(
        ClientRegistration.of("svc", "s3cr3t-s3cr3t-s3cr3t", Set.of("users:read")));
    String token = issued(a.tokens().clientCredentials(client, Optional.empty())).accessToken();
    assertInstanceOf(AuthOutcome.Authenticated.class, b.tokens().verify(token));

    long start = System.nanoTime();
    a.tokens().revoke(client, token, Optional.of("access_token"));
    long deadline = start + Duration.ofSeconds(5).toNanos();
    AuthOutcome onB = b.tokens().verify(token);
    while (rejection(onB) != AuthErrorCode.AUTH_TOKEN_REVOKED && System.nanoTime() < deadline) {
      Thread.sleep(2);
      onB = b.tokens().verify(token);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    LOG.info("revocation on node A seen by node B after {} ms", took.toMillis());

    assertEquals(AuthErrorCode.AUTH_TOKEN_REVOKED, rejection(onB));
    assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "took " + took);
    assertEquals(AuthErrorCode.AUTH_TOKEN_REVOKED, rejection(a.tokens().verify(token)));
  }

  @Test
  void refreshRaceFromBothNodesThenExactlyOneWinnerAndReuseRevokesTheFamily() throws Exception {
    Node a = node();
    Node b = node();
    OAuthClient client = a.tokens().registerClient(
        ClientRegistration.of("svc", "s3cr3t-s3cr3t-s3cr3t", Set.of("users:read")));
    // Several rounds: the interleavings differ from round to round.
    for (int round = 0; round < 10; round++) {
      String refresh = issued(a.tokens().clientCredentials(client, Optional.empty())).refreshToken();
      List<TokenResult> results = race(
          () -> a.tokens().refresh(client, refresh, Optional.empty()),
          () -> b.tokens().refresh(client, refresh, Optional.empty()));

      List<TokenResponse> winners = results.stream().filter(TokenResult.Issued.class::isInstance)
          .map(r -> ((TokenResult.Issued) r).response()).toList();
      List<AuthErrorCode> losers = results.stream().filter(TokenResult.Failed.class::isInstance)
          .map(r -> ((TokenResult.Failed) r).error().code()).toList();
      assertEquals(1, winners.size(), "round " + round + ": exactly one winner: " + results);
      assertEquals(List.of(AuthErrorCode.AUTH_REFRESH_TOKEN_REUSED), losers, "round " + round);

      // Reuse revoked the whole family: the winner's new refresh token and access token are dead
      // on both nodes, whichever node won and however the two interleaved.
      TokenResponse won = winners.get(0);
      TokenResult again = b.tokens().refresh(client, won.refreshToken(), Optional.empty());
      assertEquals(AuthErrorCode.AUTH_REFRESH_TOKEN_INVALID,
          assertInstanceOf(TokenResult.Failed.class, again, "round " + round).error().code());
      awaitRejected(a, won.accessToken());
      awaitRejected(b, won.accessToken());
    }
  }

  @SafeVarargs
  private static <T> List<T> race(Callable<T>... racers) throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(racers.length);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> r : racers) {
        futures.add(pool.submit(() -> {
          gate.await();
          return r.call();
        }));
      }
      gate.countDown();
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rotateOnNodeAThenNodeBVerifiesTheNewKeysTokensAndOnlyOneSuccessorIsCreated() throws Exception {
    Node a = node();
    Node b = node();
    OAuthClient client = a.tokens().registerClient(
        ClientRegistration.of("svc", "s3cr3t-s3cr3t-s3cr3t", Set.of("users:read")));
    String firstKid = a.tokens().keyRing().active().kid();
    assertEquals(firstKid, b.tokens().keyRing().active().kid(), "B started on A's key");

    // Into the pre-publication window: both nodes run maintenance at once; one publishes NEXT.
    clock.advance(Duration.ofMinutes(95));
    runTogether(a.tokens()::runMaintenance, b.tokens()::runMaintenance);
    List<SigningKey> stored = a.stores().keyStore().findAll();
    assertEquals(1, stored.stream().filter(k -> k.state() == KeyState.NEXT).count(), "one successor");
    String nextKid = stored.stream().filter(k -> k.state() == KeyState.NEXT).findFirst()
        .orElseThrow().kid();
    assertTrue(b.tokens().jwkSetJson().contains(nextKid), "B publishes the successor before it signs");
    String oldToken = issued(a.tokens().clientCredentials(client, Optional.empty())).accessToken();

    // Past the interval: A promotes; B has not reloaded since.
    clock.advance(Duration.ofMinutes(30));
    a.tokens().runMaintenance();
    TokenResponse fresh = issued(a.tokens().clientCredentials(client, Optional.empty()));
    assertEquals(nextKid, a.tokens().keyRing().active().kid());

    AuthOutcome freshOnB = b.tokens().verify(fresh.accessToken());
    assertInstanceOf(AuthOutcome.Authenticated.class, freshOnB, freshOnB::toString);
    AuthOutcome oldOnB = b.tokens().verify(oldToken);
    assertInstanceOf(AuthOutcome.Authenticated.class, oldOnB, oldOnB::toString);
    assertEquals(1, a.stores().keyStore().findAll().stream()
        .filter(k -> k.state() == KeyState.ACTIVE).count());
  }

  private static void runTogether(Runnable first, Runnable second) throws Exception {
    race(() -> {
      first.run();
      return null;
    }, () -> {
      second.run();
      return null;
    });
  }

  private static void awaitRejected(Node n, String token) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    AuthOutcome o = n.tokens().verify(token);
    while (rejection(o) != AuthErrorCode.AUTH_TOKEN_REVOKED && System.nanoTime() < deadline) {
      Thread.sleep(5);
      o = n.tokens().verify(token);
    }
    assertEquals(AuthErrorCode.AUTH_TOKEN_REVOKED, rejection(o));
  }
}
