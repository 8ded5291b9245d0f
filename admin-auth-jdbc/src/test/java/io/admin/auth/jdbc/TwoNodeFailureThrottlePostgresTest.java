package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.admin.auth.core.ratelimit.FailureThrottle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two nodes (two connection pools, two throttles) on one PostgreSQL database: brute force spread
 * over both is blocked at the count of one node, also when the attempts arrive at once.
 */
class TwoNodeFailureThrottlePostgresTest {

  private static final int LIMIT = 5;

  private static FailureThrottle node(HikariDataSource pool) {
    return FailureThrottle.builder().maxFailures(LIMIT).window(Duration.ofMinutes(5))
        .blockDuration(Duration.ofMinutes(5)).namespace("basic-user")
        .store(TestStores.failureCounts(pool, Dialect.POSTGRESQL)).build();
  }

  @Test
  void recordAttemptWhenSpreadOverTwoNodesThenBlockedAtOneNodesCountOnBoth() {
    String database = TestDatabases.freshPostgresName();
    try (HikariDataSource p1 = TestDatabases.hikariPostgres(database, 2);
        HikariDataSource p2 = TestDatabases.hikariPostgres(database, 2)) {
      new SchemaInitializer(p1, Dialect.POSTGRESQL).migrate();
      List<FailureThrottle> nodes = List.of(node(p1), node(p2));
      for (int i = 0; i < LIMIT; i++) {
        assertTrue(nodes.get(i % 2).recordAttempt("user:alice").allowed(), "attempt " + i);
      }
      assertFalse(nodes.get(1).recordAttempt("user:alice").allowed());
      assertFalse(nodes.get(0).check("user:alice").allowed());
    }
  }

  @Test
  void recordAttemptWhenConcurrentOnTwoNodesThenExactlyTheLimitAdmitted() throws Exception {
    String database = TestDatabases.freshPostgresName();
    try (HikariDataSource p1 = TestDatabases.hikariPostgres(database, 4);
        HikariDataSource p2 = TestDatabases.hikariPostgres(database, 4)) {
      new SchemaInitializer(p1, Dialect.POSTGRESQL).migrate();
      List<FailureThrottle> nodes = List.of(node(p1), node(p2));
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          FailureThrottle node = nodes.get(i % 2);
          attempts.add(pool.submit(() -> node.recordAttempt("user:bob").allowed()));
        }
        int admitted = 0;
        for (Future<Boolean> f : attempts) {
          admitted += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertEquals(LIMIT, admitted);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
