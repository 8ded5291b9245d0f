package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.SignInSettings;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchemaInitializerTest {

  private static DataSource fresh(Dialect dialect) {
    return dialect == Dialect.H2 ? TestDatabases.freshH2() : TestDatabases.freshPostgres();
  }

  private static int count(DataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void migrateWhenEmptyThenLatestVersionAndTablesExist(Dialect dialect) throws Exception {
    DataSource ds = fresh(dialect);
    SchemaInitializer init = new SchemaInitializer(ds, dialect);
    assertEquals(0, init.currentVersion());

    assertEquals(SchemaInitializer.latestVersion(), init.migrate());

    assertEquals(SchemaInitializer.latestVersion(), init.currentVersion());
    assertEquals(2, count(ds, "SELECT COUNT(*) FROM admin_auth_lock"));
    assertEquals(0, count(ds, "SELECT COUNT(*) FROM admin_auth_kek_check"));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void migrateWhenRunTwiceThenAppliesNothingTheSecondTime(Dialect dialect) throws Exception {
    DataSource ds = fresh(dialect);
    new SchemaInitializer(ds, dialect).migrate();
    new SchemaInitializer(ds, dialect).migrate();
    assertEquals(SchemaInitializer.latestVersion(),
        count(ds, "SELECT COUNT(*) FROM " + SchemaInitializer.VERSION_TABLE));
    assertEquals(2, count(ds, "SELECT COUNT(*) FROM admin_auth_lock"));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void verifyWhenNotMigratedThenFailsSayingHowToFixIt(Dialect dialect) {
    SchemaInitializer init = new SchemaInitializer(fresh(dialect), dialect);
    IllegalStateException e = assertThrows(IllegalStateException.class, init::verify);
    assertTrue(e.getMessage().contains("schema is at version 0 but this library needs "
        + SchemaInitializer.latestVersion()), e.getMessage());
    assertTrue(e.getMessage().contains("SchemaInitializer " + dialect.folder()), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void ddlWhenAppliedByHandThenVerifyAcceptsIt(Dialect dialect) throws Exception {
    DataSource ds = fresh(dialect);
    String ddl = SchemaInitializer.ddl(dialect);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      for (String sql : new Migration(1, "printed", ddl).statements()) {
        s.execute(sql);
      }
    }
    SchemaInitializer init = new SchemaInitializer(ds, dialect);
    init.verify();
    assertEquals(SchemaInitializer.latestVersion(), init.migrate());
    assertEquals(SchemaInitializer.latestVersion(),
        count(ds, "SELECT COUNT(*) FROM " + SchemaInitializer.VERSION_TABLE));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void migrateWhenAtVersionOneThenAppliesOnlyTheNewerScripts(Dialect dialect) throws Exception {
    DataSource ds = fresh(dialect);
    Migration v1 = Migration.all(dialect).get(0);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + SchemaInitializer.VERSION_TABLE + " (version INTEGER PRIMARY KEY,"
          + " description VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL,"
          + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
      for (String sql : v1.statements()) {
        s.execute(sql);
      }
      s.execute("INSERT INTO " + SchemaInitializer.VERSION_TABLE + " VALUES (1, 'infrastructure', '"
          + v1.checksum() + "', CURRENT_TIMESTAMP)");
    }
    SchemaInitializer init = new SchemaInitializer(ds, dialect);
    assertEquals(1, init.currentVersion());

    assertEquals(SchemaInitializer.latestVersion(), init.migrate());
    assertEquals(0, count(ds, "SELECT COUNT(*) FROM admin_auth_refresh_token"));
    assertEquals(0, count(ds, "SELECT COUNT(*) FROM admin_auth_api_key"));
  }

  @Test
  void migrateWhenFourNodesStartAtOnceOnPostgresThenEachScriptAppliedOnce() throws Exception {
    DataSource ds = TestDatabases.freshPostgres();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> nodes = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        nodes.add(() -> new SchemaInitializer(ds, Dialect.POSTGRESQL).migrate());
      }
      for (Future<Integer> f : pool.invokeAll(nodes)) {
        assertEquals(SchemaInitializer.latestVersion(), f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(SchemaInitializer.latestVersion(),
        count(ds, "SELECT COUNT(*) FROM " + SchemaInitializer.VERSION_TABLE));
  }

  /** Applies the scripts up to {@code version} by hand, recording them as {@code migrate()} does. */
  private static void migratedByHandTo(DataSource ds, Dialect dialect, int version)
      throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + SchemaInitializer.VERSION_TABLE + " (version INTEGER PRIMARY KEY,"
          + " description VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL,"
          + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
      for (Migration m : Migration.all(dialect).subList(0, version)) {
        for (String sql : m.statements()) {
          s.execute(sql);
        }
        s.execute("INSERT INTO " + SchemaInitializer.VERSION_TABLE + " VALUES (" + m.version()
            + ", '" + m.description() + "', '" + m.checksum() + "', CURRENT_TIMESTAMP)");
      }
    }
  }

  /** Clients registered before sign-in existed keep working: they become machine clients. */
  @ParameterizedTest
  @EnumSource(Dialect.class)
  void migrateWhenClientsSavedAtVersionFiveThenTheyReadBackAsMachineClients(Dialect dialect)
      throws Exception {
    DataSource ds = fresh(dialect);
    migratedByHandTo(ds, dialect, 5);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO admin_auth_client (client_id, secret_hash, allowed_scopes,"
          + " grant_types, refresh_for_client_credentials, access_token_ttl_ms,"
          + " refresh_token_ttl_ms) VALUES ('svc', 'hmac-sha256:x', 'users:read',"
          + " 'client_credentials refresh_token', TRUE, 60000, NULL)");
    }
    SchemaInitializer init = new SchemaInitializer(ds, dialect);
    assertEquals(5, init.currentVersion());

    assertEquals(SchemaInitializer.latestVersion(), init.migrate());

    OAuthClient svc = new JdbcClientStore(new Jdbc(ds, dialect)).findById("svc").orElseThrow();
    assertEquals(new OAuthClient("svc", "hmac-sha256:x", Set.of("users:read"),
        Set.of("client_credentials", "refresh_token"), true, java.time.Duration.ofMinutes(1),
        null), svc);
    assertEquals(SignInSettings.NONE, svc.signIn());
  }

  /**
   * A schema applied by hand or by a migration tool can miss a column a later script adds to an
   * existing table; {@code verifyTables} names it instead of letting the first query fail.
   */
  @ParameterizedTest
  @EnumSource(Dialect.class)
  void verifyTablesWhenAColumnAddedByALaterScriptIsMissingThenFailsNamingIt(Dialect dialect)
      throws Exception {
    DataSource ds = fresh(dialect);
    SchemaInitializer init = new SchemaInitializer(ds, dialect);
    init.migrate();
    init.verifyTables();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("ALTER TABLE admin_auth_client DROP COLUMN display_name");
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, init::verifyTables);
    assertTrue(e.getMessage().startsWith("admin-auth column admin_auth_client.display_name"
        + " (script V6__sign_in) is missing"), e.getMessage());
  }
}
