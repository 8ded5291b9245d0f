package io.admin.auth.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Named locks shared by every node on one database, held until the surrounding transaction ends.
 *
 * <p>PostgreSQL uses transaction-scoped advisory locks ({@code pg_advisory_xact_lock}), which need
 * no table and are released by commit, rollback or a dropped connection. H2 takes a row lock on
 * the lock's row in {@code admin_auth_lock} with {@code SELECT ... FOR UPDATE}.
 */
enum DbLock {
  /** Held while the schema is migrated (PostgreSQL only: no table exists yet to lock on H2). */
  SCHEMA("schema", 0x61615f736368656dL),
  /** Held by the one node that rotates the signing keys. */
  KEY_ROTATION("key_rotation", 0x61615f6b65797274L),
  /** Held by the one node that purges expired rows in a given cycle. */
  PURGE("purge", 0x61615f7075726765L);

  private final String rowName;
  private final long advisoryKey;

  DbLock(String rowName, long advisoryKey) {
    this.rowName = rowName;
    this.advisoryKey = advisoryKey;
  }

  /** Blocks until this node holds the lock; the caller must be inside a transaction. */
  void acquire(Connection c, Dialect dialect) throws SQLException {
    if (c.getAutoCommit()) {
      throw new IllegalStateException("a DbLock needs a transaction, the lock would end at once");
    }
    if (dialect == Dialect.POSTGRESQL) {
      try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        ps.setLong(1, advisoryKey);
        ps.execute();
      }
    } else {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT name FROM admin_auth_lock WHERE name = ? FOR UPDATE")) {
        ps.setString(1, rowName);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new SQLException("lock row '" + rowName + "' missing from admin_auth_lock", "55000");
          }
        }
      }
    }
  }

  /**
   * PostgreSQL only: takes the lock for the session of {@code c} if free ({@code
   * pg_try_advisory_lock}), so work on other connections can run in short transactions of their
   * own while it is held. Release with {@link #releaseSession}.
   */
  boolean tryAcquireSession(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      ps.setLong(1, advisoryKey);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /** Releases a lock taken with {@link #tryAcquireSession}. */
  void releaseSession(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      ps.setLong(1, advisoryKey);
      ps.execute();
    }
  }

  /**
   * Takes the lock if free; {@code false} at once when another node holds it. Used where skipping
   * a turn is fine (purging).
   */
  boolean tryAcquire(Connection c, Dialect dialect) throws SQLException {
    if (c.getAutoCommit()) {
      throw new IllegalStateException("a DbLock needs a transaction, the lock would end at once");
    }
    if (dialect == Dialect.POSTGRESQL) {
      try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
        ps.setLong(1, advisoryKey);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() && rs.getBoolean(1);
        }
      }
    }
    // H2 has no NOWAIT; it runs in one process, where a short wait for the row lock is harmless.
    acquire(c, dialect);
    return true;
  }
}
