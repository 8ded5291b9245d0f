package io.admin.auth.jdbc;

import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.spi.FailureCount;
import io.admin.auth.core.spi.FailureCountStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@link FailureCountStore} in table {@code admin_auth_failure_count}, shared by every node on the
 * database. An update is one transaction that reads the row {@code FOR UPDATE} (a row lock, so a
 * concurrent update of the same key on any node waits) and writes it back: two round trips. When
 * two nodes insert the same new key at once, the loser's transaction fails on the primary key and
 * is run again, now finding the winner's row.
 */
public final class JdbcFailureCountStore implements FailureCountStore {

  private static final HexFormat HEX = HexFormat.of();
  private static final int ATTEMPTS = 5;
  private static final String SELECT = "SELECT failures, window_start, blocked_until, expires_at"
      + " FROM admin_auth_failure_count WHERE key_hash = ?";

  private final Jdbc jdbc;

  JdbcFailureCountStore(Jdbc jdbc) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
  }

  /** {@inheritDoc} The database never refuses a key for room. */
  @Override
  public Optional<FailureCount> update(byte[] key, Instant now,
      UnaryOperator<FailureCount> update) {
    Objects.requireNonNull(update, "update");
    String hash = hex(key);
    for (int attempt = 1; ; attempt++) {
      try {
        return jdbc.inTransaction("counting a failure", c -> apply(c, hash, update));
      } catch (AuthUnavailableException e) {
        if (attempt >= ATTEMPTS || !(e.getCause() instanceof SQLException s)
            || !Jdbc.isUniqueViolation(s)) {
          throw e;
        }
      }
    }
  }

  private static Optional<FailureCount> apply(Connection c, String hash,
      UnaryOperator<FailureCount> update) throws SQLException {
    List<FailureCount> rows = Jdbc.query(c, SELECT + " FOR UPDATE",
        JdbcFailureCountStore::map, hash);
    FailureCount old = rows.isEmpty() ? null : rows.get(0);
    FailureCount next = update.apply(old);
    if (next == null) {
      return Optional.empty();
    }
    if (old == null) {
      Jdbc.update(c, "INSERT INTO admin_auth_failure_count (key_hash, failures, window_start,"
          + " blocked_until, expires_at) VALUES (?, ?, ?, ?, ?)", hash, next.count(),
          next.windowStart(), next.blockedUntil(), next.expiresAt());
    } else {
      Jdbc.update(c, "UPDATE admin_auth_failure_count SET failures = ?, window_start = ?,"
          + " blocked_until = ?, expires_at = ? WHERE key_hash = ?", next.count(),
          next.windowStart(), next.blockedUntil(), next.expiresAt(), hash);
    }
    return Optional.of(next);
  }

  /** {@inheritDoc} */
  @Override
  public Optional<FailureCount> read(byte[] key) {
    return jdbc.queryOne("reading a failure count", SELECT, JdbcFailureCountStore::map, hex(key));
  }

  /** {@inheritDoc} */
  @Override
  public void delete(byte[] key) {
    jdbc.update("resetting a failure count",
        "DELETE FROM admin_auth_failure_count WHERE key_hash = ?", hex(key));
  }

  /** {@inheritDoc} */
  @Override
  public int purgeExpired(Instant now) {
    return jdbc.update("purging failure counts",
        "DELETE FROM admin_auth_failure_count WHERE expires_at <= ?", now);
  }

  /** {@inheritDoc} */
  @Override
  public long size() {
    return jdbc.queryOne("counting failure counts", "SELECT COUNT(*) FROM"
        + " admin_auth_failure_count", rs -> rs.getLong(1)).orElse(0L);
  }

  private static FailureCount map(ResultSet rs) throws SQLException {
    return new FailureCount(rs.getInt("failures"), Jdbc.instant(rs, "window_start"),
        Jdbc.instant(rs, "blocked_until"), Jdbc.instant(rs, "expires_at"));
  }

  private static String hex(byte[] key) {
    if (key == null || key.length != KEY_LENGTH) {
      throw new IllegalArgumentException("key must be a " + KEY_LENGTH + "-byte digest");
    }
    return HEX.formatHex(key);
  }
}
