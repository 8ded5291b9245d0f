package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
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
}
