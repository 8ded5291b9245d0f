package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DbLockTest {

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void acquireWhenManyNodesReadModifyWriteThenNoUpdateIsLost(Dialect dialect) throws Exception {
    DataSource ds = TestDatabases.migrated(dialect);
    Jdbc jdbc = new Jdbc(ds, dialect);
    jdbc.update("setup", "CREATE TABLE counter (n INTEGER NOT NULL)");
    jdbc.update("setup", "INSERT INTO counter VALUES (0)");
    int nodes = 4;
    int rounds = 25;
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    try {
      List<Callable<Void>> work = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        work.add(() -> {
          for (int r = 0; r < rounds; r++) {
            jdbc.inTransaction("increment", c -> {
              DbLock.KEY_ROTATION.acquire(c, dialect);
              // A read then a separate write: without the lock, concurrent rounds lose updates.
              int n = Jdbc.query(c, "SELECT n FROM counter", rs -> rs.getInt(1)).get(0);
              return Jdbc.update(c, "UPDATE counter SET n = ?", n + 1);
            });
          }
          return null;
        });
      }
      for (Future<Void> f : pool.invokeAll(work)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(nodes * rounds,
        jdbc.query("read", "SELECT n FROM counter", rs -> rs.getInt(1)).get(0));
  }

  @Test
  void tryAcquireWhenHeldByAnotherNodeOnPostgresThenFalseUntilCommit() throws Exception {
    DataSource ds = TestDatabases.migrated(Dialect.POSTGRESQL);
    try (Connection a = ds.getConnection(); Connection b = ds.getConnection()) {
      a.setAutoCommit(false);
      b.setAutoCommit(false);
      assertTrue(DbLock.PURGE.tryAcquire(a, Dialect.POSTGRESQL));
      assertFalse(DbLock.PURGE.tryAcquire(b, Dialect.POSTGRESQL));
      assertTrue(DbLock.KEY_ROTATION.tryAcquire(b, Dialect.POSTGRESQL), "locks are independent");
      a.commit();
      assertTrue(DbLock.PURGE.tryAcquire(b, Dialect.POSTGRESQL));
      b.commit();
    }
  }

  @Test
  void acquireWhenAutoCommitThenRefusedBecauseTheLockWouldEndAtOnce() throws Exception {
    DataSource ds = TestDatabases.migrated(Dialect.H2);
    try (Connection c = ds.getConnection()) {
      assertThrows(IllegalStateException.class, () -> DbLock.PURGE.acquire(c, Dialect.H2));
    }
  }
}
