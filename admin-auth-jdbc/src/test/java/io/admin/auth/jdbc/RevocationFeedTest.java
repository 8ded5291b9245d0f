package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The change feed on H2: polling and the staleness rule, with a hand-driven monotonic clock. */
class RevocationFeedTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration MAX_STALENESS = Duration.ofSeconds(30);

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final AtomicLong nanos = new AtomicLong();
  private final SwitchableDataSource ds =
      new SwitchableDataSource(TestDatabases.migrated(Dialect.H2));
  private final Jdbc jdbc = new Jdbc(ds, Dialect.H2);
  private final RevocationTables tables = new RevocationTables(jdbc);
  private final RevocationCache cache = new RevocationCache();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private RevocationFeed feed(Duration poll) {
    return new RevocationFeed(jdbc, tables, cache, poll, MAX_STALENESS, nanos::get);
  }

  private void revokeElsewhere(String jti) {
    tables.write(new RevocationNotice(RevocationNotice.Kind.ACCESS_TOKEN, jti, T0));
  }

  @Test
  void ensureFreshWhenNeverLoadedThenLoadsBeforeAnswering() {
    revokeElsewhere("j1");
    try (RevocationFeed feed = feed(Duration.ofHours(1))) {
      feed.ensureFresh();
      assertTrue(cache.contains("j1", null));
    }
  }

  @Test
  void ensureFreshWhenYoungerThanMaxStalenessThenAnswersWithoutTheDatabase() {
    try (RevocationFeed feed = feed(Duration.ofHours(1))) {
      feed.reload();
      ds.down(true);
      nanos.addAndGet(MAX_STALENESS.toNanos());
      assertDoesNotThrow(feed::ensureFresh, "a read would fail: the database is down");
    }
  }

  @Test
  void ensureFreshWhenStaleAndDatabaseDownThenOneTryPerSecondAndFastFailuresBetween() {
    try (RevocationFeed feed = feed(Duration.ofHours(1))) {
      feed.reload();
      ds.down(true);
      nanos.addAndGet(MAX_STALENESS.plusNanos(1).toNanos());

      AuthUnavailableException tried = assertThrows(AuthUnavailableException.class,
          feed::ensureFresh);
      assertTrue(tried.getMessage().startsWith("database unavailable"), tried.getMessage());
      ds.down(false);
      revokeElsewhere("j1");
      nanos.addAndGet(Duration.ofMillis(999).toNanos());
      AuthUnavailableException fast = assertThrows(AuthUnavailableException.class,
          feed::ensureFresh);
      assertTrue(fast.getMessage().startsWith("revocation list not refreshed"), fast.getMessage());
      assertFalse(cache.contains("j1", null), "no database read within the retry gap");

      nanos.addAndGet(Duration.ofMillis(1).toNanos());
      feed.ensureFresh();
      assertTrue(cache.contains("j1", null));
    }
  }

  @Test
  void startWhenPollIntervalPassesThenRowsWrittenByOtherNodesArrive() throws Exception {
    try (RevocationFeed feed = feed(Duration.ofMillis(20))) {
      feed.start(scheduler);
      assertTrue(feed.awaitListening(Duration.ofSeconds(1)), "H2 has no listener to wait for");
      revokeElsewhere("j1");
      for (int i = 0; i < 500 && !cache.contains("j1", null); i++) {
        Thread.sleep(10);
      }
      assertTrue(cache.contains("j1", null));
      assertEquals(1, cache.size());
    }
  }

  @Test
  void constructorWhenIntervalsNotPositiveThenRejected() {
    assertThrows(IllegalArgumentException.class, () -> feed(Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> new RevocationFeed(jdbc, tables, cache, Duration.ofSeconds(1), Duration.ZERO,
            nanos::get));
  }
}
