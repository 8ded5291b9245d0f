package io.admin.auth.jdbc;

import io.admin.auth.core.AuthUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The little JDBC plumbing every store shares: connections from the {@link DataSource},
 * transactions, parameter binding and the translation of {@link SQLException} into {@link
 * AuthUnavailableException} (a database that cannot answer is "could not check", never "wrong
 * credential").
 *
 * <p>Instants are stored as {@code TIMESTAMP WITH TIME ZONE} in UTC through JDBC 4.2's {@link
 * OffsetDateTime} mapping, which both H2 and the PostgreSQL driver implement.
 */
final class Jdbc {

  /** Work on a connection that may throw {@link SQLException}. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(Jdbc.class);

  private final DataSource dataSource;
  private final Dialect dialect;
  private volatile boolean h2WriteDelayZero;

  Jdbc(DataSource dataSource, Dialect dialect) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.h2WriteDelayZero = dialect == Dialect.H2;
  }

  Dialect dialect() {
    return dialect;
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** Runs {@code work} on one connection in auto-commit mode. */
  <T> T withConnection(String what, SqlWork<T> work) {
    try (Connection c = connection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw unavailable(what, e);
    }
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
  <T> T inTransaction(String what, SqlWork<T> work) {
    try (Connection c = connection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw unavailable(what, e);
    }
  }

  /**
   * A connection from the pool. On H2, first {@code SET WRITE_DELAY 0}: H2's default lets a commit
   * return up to 500 ms before it reaches the file, so a killed process loses revocations that
   * were already answered (measured: even the schema of a new file). The setting is
   * database-wide but lasts only while the database is open, hence on every connection.
   */
  private Connection connection() throws SQLException {
    Connection c = dataSource.getConnection();
    if (h2WriteDelayZero) {
      try (Statement s = c.createStatement()) {
        s.execute("SET WRITE_DELAY 0");
      } catch (SQLException e) {
        h2WriteDelayZero = false;
        LOG.warn("cannot SET WRITE_DELAY 0 on H2 ({}): commits may be lost if the process is"
            + " killed; connect as an admin user or add ;WRITE_DELAY=0 to the JDBC URL",
            e.getSQLState());
      }
    }
    return c;
  }

  /** One statement in auto-commit mode; the update count. */
  int update(String what, String sql, Object... params) {
    return withConnection(what, c -> update(c, sql, params));
  }

  /** All rows of one query in auto-commit mode. */
  <T> List<T> query(String what, String sql, RowMapper<T> mapper, Object... params) {
    return withConnection(what, c -> query(c, sql, mapper, params));
  }

  /** The first row of one query, if any. */
  <T> Optional<T> queryOne(String what, String sql, RowMapper<T> mapper, Object... params) {
    List<T> rows = query(what, sql, mapper, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(mapper.map(rs));
        }
        return rows;
      }
    }
  }

  static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      int index = i + 1;
      if (p == null) {
        ps.setNull(index, Types.NULL);
      } else if (p instanceof Instant instant) {
        ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
      } else if (p instanceof byte[] bytes) {
        ps.setBytes(index, bytes);
      } else if (p instanceof Boolean b) {
        ps.setBoolean(index, b);
      } else if (p instanceof Long l) {
        ps.setLong(index, l);
      } else if (p instanceof Integer n) {
        ps.setInt(index, n);
      } else {
        ps.setString(index, p.toString());
      }
    }
  }

  /** The instant in column {@code column}, or {@code null} when SQL NULL. */
  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /**
   * A set of tokens (scopes, grant types) as one space-separated column value, sorted.
   *
   * @throws IllegalArgumentException when a token is empty or contains whitespace, which could not
   *     be read back (RFC 6749 3.3 forbids both in scope tokens)
   */
  static String joinTokens(Collection<String> tokens) {
    for (String t : tokens) {
      if (t.isEmpty() || t.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("a scope or grant type must be non-empty without spaces");
      }
    }
    return String.join(" ", new TreeSet<>(tokens));
  }

  /** The inverse of {@link #joinTokens}. */
  static Set<String> splitTokens(String column) {
    if (column == null || column.isBlank()) {
      return Set.of();
    }
    return new TreeSet<>(Arrays.asList(column.trim().split(" +")));
  }

  /**
   * {@code value} when it fits a column of {@code max} characters; {@code null} passes.
   *
   * @throws IllegalArgumentException naming {@code what} when it is longer: the database would
   *     refuse it with an error that reads as "unavailable", which it is not
   */
  static String fitting(String what, String value, int max) {
    if (value != null && value.length() > max) {
      throw new IllegalArgumentException(what + " is longer than " + max + " characters");
    }
    return value;
  }

  /**
   * Insert-or-replace of one row by its key columns: {@code MERGE ... KEY} on H2, {@code INSERT
   * ... ON CONFLICT DO UPDATE} on PostgreSQL. Parameters are the {@code columns} in order.
   */
  static String upsert(Dialect dialect, String table, List<String> keys, List<String> columns) {
    String cols = String.join(", ", columns);
    String marks = String.join(", ", Collections.nCopies(columns.size(), "?"));
    if (dialect == Dialect.H2) {
      return "MERGE INTO " + table + " (" + cols + ") KEY (" + String.join(", ", keys) + ") VALUES ("
          + marks + ")";
    }
    StringBuilder set = new StringBuilder();
    for (String c : columns) {
      if (!keys.contains(c)) {
        set.append(set.length() == 0 ? "" : ", ").append(c).append(" = EXCLUDED.").append(c);
      }
    }
    return "INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ") ON CONFLICT ("
        + String.join(", ", keys) + ") DO UPDATE SET " + set;
  }

  /** Whether {@code e} is a unique or primary key violation (SQLState 23505 in both dialects). */
  static boolean isUniqueViolation(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if ("23505".equals(x.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  static AuthUnavailableException unavailable(String what, SQLException e) {
    // SQLState and message only: JDBC messages can echo parameters, so no values are logged here.
    return new AuthUnavailableException(
        "database unavailable while " + what + " (SQLState " + e.getSQLState() + ")", e);
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
