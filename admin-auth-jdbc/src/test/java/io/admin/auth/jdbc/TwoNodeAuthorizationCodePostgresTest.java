package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.admin.auth.core.spi.AuthorizationCode;
import io.admin.auth.core.spi.AuthorizationCodeStore;
import io.admin.auth.core.spi.AuthorizationCodeStore.AlreadyRedeemed;
import io.admin.auth.core.spi.AuthorizationCodeStore.RedeemResult;
import io.admin.auth.core.spi.AuthorizationCodeStore.Redeemed;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two nodes (two connection pools, two {@link JdbcStores}) on one PostgreSQL database redeem the
 * same authorization codes at once, the way a client retrying its token request against a load
 * balancer would: each code is redeemed exactly once, the other callers all see a replay.
 */
class TwoNodeAuthorizationCodePostgresTest {

  private static final Logger LOG =
      LoggerFactory.getLogger(TwoNodeAuthorizationCodePostgresTest.class);
  private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
  private static final int ROUNDS = 40;
  private static final int CALLERS_PER_NODE = 3;

  @Test
  void redeemWhenBothNodesRaceOnEveryCodeThenExactlyOneRedeemedPerCode() throws Exception {
    String database = TestDatabases.freshPostgresName();
    KeyEncryptionKey kek = KeyEncryptionKey.generate(new SecureRandom());
    // Each node: its callers, plus the LISTEN connection its revocation store holds.
    try (HikariDataSource p1 = TestDatabases.hikariPostgres(database, CALLERS_PER_NODE + 2);
        HikariDataSource p2 = TestDatabases.hikariPostgres(database, CALLERS_PER_NODE + 2);
        JdbcStores n1 = node(p1, kek);
        JdbcStores n2 = node(p2, kek)) {
      List<AuthorizationCodeStore> nodes =
          List.of(n1.authorizationCodeStore(), n2.authorizationCodeStore());
      ExecutorService pool = Executors.newFixedThreadPool(2 * CALLERS_PER_NODE);
      int[] winsPerNode = new int[2];
      try {
        for (int round = 0; round < ROUNDS; round++) {
          String hash = "hmac-sha256:code-" + round;
          nodes.get(round % 2).save(new AuthorizationCode(hash, "app", "https://app.example/cb",
              "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "alice", Set.of("openid"), null,
              T0, null, "grant-" + round, T0, T0.plusSeconds(60), null));
          List<RedeemResult> results = race(pool, nodes, hash);

          List<Integer> winners = new ArrayList<>();
          for (int i = 0; i < results.size(); i++) {
            if (results.get(i) instanceof Redeemed) {
              winners.add(i);
            }
          }
          assertEquals(1, winners.size(), "round " + round + ": " + results);
          assertEquals(results.size() - 1,
              results.stream().filter(AlreadyRedeemed.class::isInstance).count(),
              "round " + round + ": " + results);
          Instant won = ((Redeemed) results.get(winners.get(0))).code().redeemedAt();
          for (RedeemResult r : results) {
            if (r instanceof AlreadyRedeemed replay) {
              assertEquals(won, replay.code().redeemedAt(), "round " + round);
            }
          }
          winsPerNode[winners.get(0) % 2]++;
        }
      } finally {
        pool.shutdownNow();
      }
      LOG.info("{} codes raced by two nodes: node 1 won {}, node 2 won {}", ROUNDS,
          winsPerNode[0], winsPerNode[1]);
      assertEquals(ROUNDS, winsPerNode[0] + winsPerNode[1]);
    }
  }

  private static JdbcStores node(HikariDataSource pool, KeyEncryptionKey kek) {
    return JdbcStores.builder(pool, Dialect.POSTGRESQL).keyEncryptionKey(kek).migrateSchema(true)
        .purgeInterval(Duration.ZERO).build();
  }

  /**
   * Every caller redeems {@code hash} once, released together by a latch; callers alternate
   * between the nodes (even index: node 1, odd: node 2), each at its own instant.
   */
  private static List<RedeemResult> race(ExecutorService pool, List<AuthorizationCodeStore> nodes,
      String hash) throws Exception {
    int callers = 2 * CALLERS_PER_NODE;
    CountDownLatch ready = new CountDownLatch(callers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<RedeemResult>> futures = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      AuthorizationCodeStore node = nodes.get(i % 2);
      Instant at = T0.plusSeconds(1 + i);
      futures.add(pool.submit(() -> {
        ready.countDown();
        start.await();
        return node.redeem(hash, at);
      }));
    }
    assertTrue(ready.await(30, TimeUnit.SECONDS), "every caller started");
    start.countDown();
    List<RedeemResult> results = new ArrayList<>();
    for (Future<RedeemResult> f : futures) {
      results.add(f.get(60, TimeUnit.SECONDS));
    }
    return results;
  }
}
