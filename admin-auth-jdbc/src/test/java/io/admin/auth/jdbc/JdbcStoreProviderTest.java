package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.config.ConfigException;
import io.admin.auth.core.config.ConfigReader;
import io.admin.auth.core.spi.Consent;
import io.admin.auth.core.spi.SignInSession;
import io.admin.auth.core.store.PersistentStoreProvider;
import io.admin.auth.core.store.PersistentStores;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The provider that declarative set-ups find through ServiceLoader. */
class JdbcStoreProviderTest {

  private final String kek = KeyEncryptionKey.generate(new SecureRandom()).toBase64();

  private static ConfigReader settings(Map<String, String> values) {
    return ConfigReader.of(values, "admin.auth.store.");
  }

  @Test
  void availableWhenOnTheClassPathThenFoundAndSupportsH2() {
    List<PersistentStoreProvider> providers =
        PersistentStoreProvider.available(getClass().getClassLoader());
    assertEquals(1, providers.size());
    assertInstanceOf(JdbcStoreProvider.class, providers.get(0));
    assertTrue(providers.get(0).supports(TestDatabases.freshH2()));
  }

  @Test
  void openWhenSchemaCreateThenStoresWorkAndVerifyModeAcceptsTheResult() {
    DataSource ds = TestDatabases.freshH2();
    JdbcStoreProvider provider = new JdbcStoreProvider();
    try (PersistentStores stores =
        provider.open(ds, settings(Map.of("admin.auth.store.kek", kek)))) {
      assertTrue(stores.clientStore().findAll().isEmpty());
    }
    try (PersistentStores stores = provider.open(ds, settings(
        Map.of("admin.auth.store.kek", kek, "admin.auth.store.schema", "verify")))) {
      assertTrue(stores.userStore().find("nobody").isEmpty());
    }
  }

  /**
   * A declarative set-up gets the sign-in stores on the database too: what one node writes the
   * next node (here: the next open) reads.
   */
  @Test
  void openWhenSignInStoresUsedThenTheyAreTheDatabasesAndSurviveAReopen() {
    DataSource ds = TestDatabases.freshH2();
    JdbcStoreProvider provider = new JdbcStoreProvider();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    SignInSession session =
        new SignInSession("hmac-sha256:s1", "alice", t0, Set.of("pwd"), t0.plusSeconds(3600));
    try (PersistentStores stores =
        provider.open(ds, settings(Map.of("admin.auth.store.kek", kek)))) {
      assertTrue(stores.authorizationCodeStore().persistent());
      assertTrue(stores.signInSessionStore().persistent());
      stores.signInSessionStore().save(session);
      stores.consentStore().save(new Consent("alice", "app", Set.of("openid"), t0));
    }
    try (PersistentStores stores = provider.open(ds, settings(
        Map.of("admin.auth.store.kek", kek, "admin.auth.store.schema", "verify")))) {
      assertEquals(session, stores.signInSessionStore().find("hmac-sha256:s1").orElseThrow());
      assertEquals(Set.of("openid"),
          stores.consentStore().find("alice", "app").orElseThrow().scopes());
    }
  }

  @Test
  void openWhenKekMissingThenErrorNamesItBeforeTouchingTheDatabase() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> new JdbcStoreProvider().open(TestDatabases.freshH2(), settings(Map.of())));
    assertEquals("admin.auth.store.kek", e.property());
    assertEquals(0, new SchemaInitializer(TestDatabases.freshH2(), Dialect.H2).currentVersion());
  }

  @Test
  void openWhenVerifyOnAnEmptyDatabaseThenErrorNamesTheSchemaSetting() {
    ConfigException e = assertThrows(ConfigException.class, () -> new JdbcStoreProvider().open(
        TestDatabases.freshH2(),
        settings(Map.of("admin.auth.store.kek", kek, "admin.auth.store.schema", "verify"))));
    assertEquals("admin.auth.store.schema", e.property());
  }

  @Test
  void openWhenBadSettingsThenErrorsNameThemAndNeverQuoteTheKek() {
    String shortKek = "c2hvcnQ=";
    ConfigException bad = assertThrows(ConfigException.class, () -> new JdbcStoreProvider().open(
        TestDatabases.freshH2(), settings(Map.of("admin.auth.store.kek", shortKek))));
    assertFalse(bad.getMessage().contains(shortKek));
    assertEquals("admin.auth.store.schema", assertThrows(ConfigException.class,
        () -> new JdbcStoreProvider().open(TestDatabases.freshH2(), settings(Map.of(
            "admin.auth.store.kek", kek, "admin.auth.store.schema", "drop")))).property());
    assertEquals("admin.auth.store.revocation-poll-interval", assertThrows(ConfigException.class,
        () -> new JdbcStoreProvider().open(TestDatabases.freshH2(), settings(Map.of(
            "admin.auth.store.kek", kek, "admin.auth.store.revocation-poll-interval", "PT5M"))))
        .property());
  }

  @Test
  void openWhenVerifyOnASchemaFlywayAppliedThenAcceptedAndTheStoresWork() {
    DataSource pg = TestDatabases.freshPostgres();
    Flyway.configure().dataSource(pg)
        .locations("classpath:io/admin/auth/jdbc/schema/" + Dialect.POSTGRESQL.folder())
        .load().migrate();
    assertEquals(0, new SchemaInitializer(pg, Dialect.POSTGRESQL).currentVersion());
    try (PersistentStores stores = new JdbcStoreProvider().open(pg, settings(
        Map.of("admin.auth.store.kek", kek, "admin.auth.store.schema", "verify")))) {
      stores.revocationStore().revokeAccessToken("jti-1", Instant.now().plusSeconds(60));
      assertTrue(stores.revocationStore().isRevoked("jti-1", null));
    }
  }

  @Test
  void openWhenVerifyAndATableIsMissingThenErrorNamesTheSchemaSettingAndTheTable() {
    DataSource pg = TestDatabases.freshPostgres();
    Flyway.configure().dataSource(pg)
        .locations("classpath:io/admin/auth/jdbc/schema/" + Dialect.POSTGRESQL.folder())
        .target("2").load().migrate();
    ConfigException e = assertThrows(ConfigException.class, () -> new JdbcStoreProvider().open(
        pg, settings(Map.of("admin.auth.store.kek", kek, "admin.auth.store.schema", "verify"))));
    assertEquals("admin.auth.store.schema", e.property());
    assertTrue(e.getMessage().contains("V3__api_keys_users"), e.getMessage());
  }
}
