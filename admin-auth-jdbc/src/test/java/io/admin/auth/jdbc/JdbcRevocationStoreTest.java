package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdbcRevocationStoreTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final AtomicLong nanos = new AtomicLong();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private JdbcRevocationStore started(DataSource ds, Dialect dialect, Duration poll) {
    JdbcRevocationStore s = new JdbcRevocationStore(new Jdbc(ds, dialect), poll,
        Duration.ofSeconds(30), 100, nanos::get);
    s.start(scheduler);
    try {
      assertTrue(s.awaitListening(Duration.ofSeconds(10)));
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    return s;
  }

  @Test
  void isRevokedWhenAnotherNodeRevokedOnH2ThenSeenAfterThePoll() throws Exception {
    DataSource ds = TestDatabases.migrated(Dialect.H2);
    try (JdbcRevocationStore a = started(ds, Dialect.H2, Duration.ofHours(1));
        JdbcRevocationStore b = started(ds, Dialect.H2, Duration.ofHours(1))) {
      a.revokeAccessToken("j1", T0.plusSeconds(60));
      assertTrue(a.isRevoked("j1", null), "the revoking node sees it at once");
      assertFalse(b.isRevoked("j1", null), "H2 has no notifications: B waits for its poll");
      b.reload();
      assertTrue(b.isRevoked("j1", null));
    }
  }

  @Test
  void isRevokedWhenCacheOlderThanMaxStalenessAndDatabaseDownThenUnavailable() {
    SwitchableDataSource ds = new SwitchableDataSource(TestDatabases.migrated(Dialect.H2));
    try (JdbcRevocationStore s = started(ds, Dialect.H2, Duration.ofHours(1))) {
      s.revokeAccessToken("j1", T0.plusSeconds(60));
      ds.down(true);
      nanos.addAndGet(Duration.ofSeconds(29).toNanos());
      assertTrue(s.isRevoked("j1", null), "within maxStaleness the cache answers");
      nanos.addAndGet(Duration.ofSeconds(2).toNanos());

      AuthUnavailableException e =
          assertThrows(AuthUnavailableException.class, () -> s.isRevoked("other", null));
      assertTrue(e.getMessage().startsWith("database unavailable while reading the revocation list"),
          e.getMessage());
      ds.down(false);
      AuthUnavailableException fast =
          assertThrows(AuthUnavailableException.class, () -> s.isRevoked("j1", null));
      assertTrue(fast.getMessage().startsWith("revocation list not refreshed for longer than PT30S"),
          "within a second of a failed try, no new try: " + fast.getMessage());

      nanos.addAndGet(Duration.ofSeconds(1).toNanos());
      assertTrue(s.isRevoked("j1", null), "recovers with the database");
      assertFalse(s.isRevoked("other", null));
    }
  }

  @Test
  void isRevokedWhenRevokedOnPostgresThenOtherNodeSeesItWithoutPolling() throws Exception {
    DataSource ds = TestDatabases.migrated(Dialect.POSTGRESQL);
    try (JdbcRevocationStore a = started(ds, Dialect.POSTGRESQL, Duration.ofHours(1));
        JdbcRevocationStore b = started(ds, Dialect.POSTGRESQL, Duration.ofHours(1))) {
      // The poll is an hour away: only the notification can deliver it.
      a.revokeFamily("fam", T0.plusSeconds(60));
      assertTrue(awaitRevoked(b, null, "fam"));
      a.revokeAccessToken("j 1 with spaces", T0.plusSeconds(60));
      assertTrue(awaitRevoked(b, "j 1 with spaces", null));
    }
  }

  @Test
  void notificationWhenMalformedThenIgnoredAndLaterOnesStillApplied() throws Exception {
    DataSource ds = TestDatabases.migrated(Dialect.POSTGRESQL);
    try (JdbcRevocationStore b = started(ds, Dialect.POSTGRESQL, Duration.ofHours(1));
        Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
      for (String payload : new String[] {"", "j", "x 2026-01-01T00:00:00Z j9", "j not-a-time j9",
          "j 2026-01-01T00:00:00Z j9"}) {
        ps.setString(1, JdbcRevocationStore.CHANNEL);
        ps.setString(2, payload);
        ps.execute();
      }
      assertTrue(awaitRevoked(b, "j9", null));
      assertEquals(1, b.cachedEntries());
    }
  }

  @Test
  void purgeExpiredWhenManyRowsThenDeletedInBatchesAndCacheTrimmed() {
    DataSource ds = TestDatabases.migrated(Dialect.H2);
    JdbcRevocationStore s = new JdbcRevocationStore(new Jdbc(ds, Dialect.H2), Duration.ofHours(1),
        Duration.ofHours(2), 3, nanos::get);
    s.start(scheduler);
    for (int i = 0; i < 10; i++) {
      s.revokeAccessToken("j" + i, T0.plusSeconds(i));
    }
    assertEquals(7, s.purgeExpired(T0.plusSeconds(7)));
    assertEquals(3, s.cachedEntries());
    assertFalse(s.isRevoked("j6", null));
    assertTrue(s.isRevoked("j7", null));
    s.close();
  }

  private static boolean awaitRevoked(JdbcRevocationStore s, String jti, String family)
      throws InterruptedException {
    for (int i = 0; i < 500 && !s.isRevoked(jti, family); i++) {
      Thread.sleep(10);
    }
    return s.isRevoked(jti, family);
  }
}
