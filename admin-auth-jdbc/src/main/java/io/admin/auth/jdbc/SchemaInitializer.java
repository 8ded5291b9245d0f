package io.admin.auth.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the admin-auth tables from the versioned DDL scripts in the jar. Opt-in:
 * the stores never change a schema on their own; they only {@link #verify() verify} it.
 *
 * <p>Each applied script is recorded in {@value #VERSION_TABLE} (version, description, SHA-256 of
 * the script, time), so running {@link #migrate()} again applies nothing. On PostgreSQL the whole
 * run is one transaction under an advisory lock, so several nodes starting at once apply each
 * script exactly once and a failed script leaves nothing behind. H2 commits DDL implicitly and a
 * file database is opened by one process only, so there the run is serialised per initializer and
 * every script is written with {@code IF NOT EXISTS} so a run interrupted half-way completes on
 * the next start.
 *
 * <p>DBAs who apply DDL themselves print it with {@link #ddl(Dialect)} or {@code java -cp ...
 * io.admin.auth.jdbc.SchemaInitializer postgresql}; the printed DDL records the versions too, so
 * {@link #verify()} accepts the result.
 */
public final class SchemaInitializer {

  /** The table recording applied script versions. */
  public static final String VERSION_TABLE = "admin_auth_schema_version";

  private static final Logger LOG = LoggerFactory.getLogger(SchemaInitializer.class);
  private static final Pattern CREATE_TABLE = Pattern.compile(
      "CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE);
  // ADD [COLUMN] [IF NOT EXISTS] name, but not ADD CONSTRAINT / PRIMARY KEY / FOREIGN KEY / ...
  private static final Pattern ADD_COLUMN = Pattern.compile("ALTER\\s+TABLE\\s+(\\w+)\\s+ADD\\s+"
      + "(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?"
      + "(?!(?:CONSTRAINT|PRIMARY|FOREIGN|UNIQUE|CHECK)\\b)(\\w+)", Pattern.CASE_INSENSITIVE);
  private static final String CREATE_VERSION_TABLE =
      "CREATE TABLE IF NOT EXISTS " + VERSION_TABLE + " (\n"
          + "  version     INTEGER PRIMARY KEY,\n"
          + "  description VARCHAR(200) NOT NULL,\n"
          + "  checksum    VARCHAR(64) NOT NULL,\n"
          + "  applied_at  TIMESTAMP WITH TIME ZONE NOT NULL\n"
          + ")";
  private static final String INSERT_VERSION =
      "INSERT INTO " + VERSION_TABLE + " (version, description, checksum, applied_at)"
          + " VALUES (?, ?, ?, CURRENT_TIMESTAMP)";

  private final DataSource dataSource;
  private final Dialect dialect;

  /**
   * An initializer for the database behind {@code dataSource}, which speaks {@code dialect}.
   *
   * @param dataSource where the schema lives; not null, and not closed by this class
   * @param dialect the SQL dialect of that database; not null
   */
  public SchemaInitializer(DataSource dataSource, Dialect dialect) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  /**
   * The newest schema version this library ships.
   *
   * @return the version of the last script in this jar, the one {@link #verify()} requires
   */
  public static int latestVersion() {
    List<Migration> all = Migration.all(Dialect.H2);
    return all.get(all.size() - 1).version();
  }

  /**
   * Applies every script not yet recorded, in order; idempotent.
   *
   * @return the schema version after the run
   * @throws IllegalStateException when a script fails (the message names the version)
   */
  public synchronized int migrate() {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (dialect == Dialect.POSTGRESQL) {
          DbLock.SCHEMA.acquire(c, dialect);
        } else {
          setH2WriteDelayZero(c);
        }
        execute(c, CREATE_VERSION_TABLE);
        Map<Integer, String> applied = applied(c);
        int version = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (Migration m : Migration.all(dialect)) {
          String recorded = applied.get(m.version());
          if (recorded != null) {
            if (!recorded.equals(m.checksum())) {
              LOG.warn("schema script V{}__{} differs from the one applied earlier (checksum {}"
                  + " recorded, {} shipped); not re-applied", m.version(), m.description(),
                  recorded, m.checksum());
            }
            continue;
          }
          for (String sql : m.statements()) {
            execute(c, sql);
          }
          Jdbc.update(c, INSERT_VERSION, m.version(), m.description(), m.checksum());
          LOG.info("applied admin-auth schema V{}__{} ({})", m.version(), m.description(), dialect);
          version = Math.max(version, m.version());
        }
        c.commit();
        return version;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("admin-auth schema migration failed on " + dialect
          + " (SQLState " + e.getSQLState() + "): " + e.getMessage(), e);
    }
  }

  /**
   * The highest applied version, 0 when the schema was never initialised.
   *
   * @return the highest version recorded in {@value #VERSION_TABLE}, or 0 when that table does not
   *     exist
   * @throws IllegalStateException when the database cannot be read
   */
  public int currentVersion() {
    try (Connection c = dataSource.getConnection()) {
      if (!versionTableExists(c)) {
        return 0;
      }
      return applied(c).keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the admin-auth schema version (SQLState "
          + e.getSQLState() + ")", e);
    }
  }

  /**
   * Fails when the schema is older than this library needs, with a message that says how to fix
   * it. A newer schema is accepted with a warning: scripts only ever add.
   *
   * @throws IllegalStateException when the schema is missing or too old
   */
  public void verify() {
    int current = currentVersion();
    int latest = latestVersion();
    if (current < latest) {
      throw new IllegalStateException("admin-auth schema is at version " + current
          + " but this library needs " + latest + ": run SchemaInitializer.migrate() (opt-in)"
          + " or apply the DDL printed by `java -cp admin-auth-jdbc.jar"
          + " io.admin.auth.jdbc.SchemaInitializer " + dialect.folder() + "`");
    }
    if (current > latest) {
      LOG.warn("admin-auth schema is at version {}, newer than this library's {}", current, latest);
    }
  }

  /**
   * For a schema a migration tool applied from the scripts in this jar (Flyway or Liquibase, which
   * keep their own history and leave {@value #VERSION_TABLE} empty): checks that every table the
   * scripts create, and every column they add to an existing table, is there, as the stores will
   * see it through the connection's search path.
   *
   * @throws IllegalStateException naming the first missing table or column and where the scripts
   *     are
   */
  public void verifyTables() {
    try (Connection c = dataSource.getConnection()) {
      for (Migration m : Migration.all(dialect)) {
        for (String sql : m.statements()) {
          Matcher t = CREATE_TABLE.matcher(sql);
          if (t.find() && !exists(c, "*", t.group(1))) {
            throw missing("table " + t.group(1), m);
          }
          Matcher col = ADD_COLUMN.matcher(sql);
          if (col.find() && !exists(c, col.group(2), col.group(1))) {
            throw missing("column " + col.group(1) + "." + col.group(2), m);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot check the admin-auth tables (SQLState "
          + e.getSQLState() + ")", e);
    }
  }

  /**
   * The complete DDL for {@code dialect}, for a DBA to review and apply by hand: the version
   * table, every script, and the rows recording them.
   *
   * @param dialect which scripts to print; not null
   * @return SQL statements separated by semicolons, ready for a SQL console
   */
  public static String ddl(Dialect dialect) {
    Objects.requireNonNull(dialect, "dialect");
    StringBuilder out = new StringBuilder();
    out.append("-- admin-auth schema, version ").append(latestVersion()).append(", dialect ")
        .append(dialect.folder()).append("\n\n");
    out.append(CREATE_VERSION_TABLE).append(";\n\n");
    for (Migration m : Migration.all(dialect)) {
      out.append(m.sql().strip()).append("\n");
      out.append("INSERT INTO ").append(VERSION_TABLE)
          .append(" (version, description, checksum, applied_at) VALUES (")
          .append(m.version()).append(", '").append(m.description()).append("', '")
          .append(m.checksum()).append("', CURRENT_TIMESTAMP);\n\n");
    }
    return out.toString();
  }

  /**
   * Prints {@link #ddl(Dialect)} for the dialect named by the first argument ({@code h2} or
   * {@code postgresql}) to standard output. A command-line entry point, not library code.
   *
   * @param args exactly one: the dialect name; otherwise a usage line on standard error and exit
   *     status 2
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: java -cp admin-auth-jdbc.jar io.admin.auth.jdbc.SchemaInitializer"
          + " h2|postgresql");
      System.exit(2);
    }
    System.out.print(ddl(Dialect.named(args[0])));
  }

  // Same reason as in the stores (see Jdbc): applied DDL must survive the process being killed.
  private static void setH2WriteDelayZero(Connection c) {
    try (Statement s = c.createStatement()) {
      s.execute("SET WRITE_DELAY 0");
    } catch (SQLException e) {
      LOG.warn("cannot SET WRITE_DELAY 0 on H2 ({}); connect as an admin user", e.getSQLState());
    }
  }

  private IllegalStateException missing(String what, Migration m) {
    return new IllegalStateException("admin-auth " + what + " (script V" + m.version() + "__"
        + m.description() + ") is missing: apply the scripts in "
        + "classpath:io/admin/auth/jdbc/schema/" + dialect.folder() + " with your migration"
        + " tool (they follow Flyway's V<n>__<name>.sql naming), or use schema creation");
  }

  private static boolean versionTableExists(Connection c) throws SQLException {
    return exists(c, "*", VERSION_TABLE);
  }

  /** Whether {@code SELECT columns FROM table} can run: the table, and the columns, exist. */
  private static boolean exists(Connection c, String columns, String table) throws SQLException {
    // Asking the catalog would also see same-named tables in other schemas; a probe query sees
    // exactly what the stores will see through the connection's search path.
    try (Statement s = c.createStatement()) {
      s.executeQuery("SELECT " + columns + " FROM " + table + " WHERE 1 = 0").close();
      return true;
    } catch (SQLException e) {
      String state = e.getSQLState();
      // 42P01: PostgreSQL undefined_table; 42S02 / 42S04 / 42102 / 42104: H2 table not found;
      // 42703: PostgreSQL undefined_column; 42S22 / 42122: H2 column not found.
      if ("42P01".equals(state) || "42S02".equals(state) || "42S04".equals(state)
          || "42102".equals(state) || "42104".equals(state) || "42703".equals(state)
          || "42S22".equals(state) || "42122".equals(state)) {
        return false;
      }
      throw e;
    }
  }

  private static Map<Integer, String> applied(Connection c) throws SQLException {
    Map<Integer, String> out = new HashMap<>();
    for (Object[] row : Jdbc.query(c, "SELECT version, checksum FROM " + VERSION_TABLE,
        rs -> new Object[] {rs.getInt(1), rs.getString(2)})) {
      out.put((Integer) row[0], (String) row[1]);
    }
    return out;
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
