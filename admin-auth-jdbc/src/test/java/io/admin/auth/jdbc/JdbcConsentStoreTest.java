package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.spi.Consent;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class JdbcConsentStoreTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /**
   * A PostgreSQL created with a language collation (en_US and the like, the usual default) sorts
   * {@code alpha-app} before {@code Zulu-app}; the store's order must not depend on it.
   */
  @Test
  void findBySubjectWhenPostgresColumnHasALanguageCollationThenStillCodePointOrder() {
    DataSource ds = TestDatabases.migrated(Dialect.POSTGRESQL);
    Jdbc jdbc = new Jdbc(ds, Dialect.POSTGRESQL);
    jdbc.update("collating", "ALTER TABLE admin_auth_consent ALTER COLUMN client_id"
        + " TYPE VARCHAR(255) COLLATE \"en-x-icu\"");
    JdbcConsentStore store = new JdbcConsentStore(jdbc);
    for (String client : List.of("bravo-app", "Zulu-app", "alpha-app")) {
      store.save(new Consent("alice", client, Set.of("openid"), T0));
    }
    assertEquals(List.of("Zulu-app", "alpha-app", "bravo-app"),
        store.findBySubject("alice").stream().map(Consent::clientId).toList());
  }

  @Test
  void saveWhenSubjectLongerThanTheColumnThenRefusedNamingIt() {
    JdbcConsentStore store =
        new JdbcConsentStore(new Jdbc(TestDatabases.migrated(Dialect.H2), Dialect.H2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> store.save(new Consent("s".repeat(256), "app", Set.of("openid"), T0)));
    assertEquals("subject is longer than 255 characters", e.getMessage());
    assertTrue(store.findBySubject("s".repeat(256)).isEmpty());
  }

  @Test
  void findWhenRowCorruptedThenAbsentWithALogLineThatDoesNotNameThePerson() {
    Jdbc jdbc = new Jdbc(TestDatabases.migrated(Dialect.H2), Dialect.H2);
    JdbcConsentStore store = new JdbcConsentStore(jdbc);
    store.save(new Consent("alice@example.com", "app", Set.of("openid"), T0));
    // A hand-edited schema: the column lost its NOT NULL, and a row its instant.
    jdbc.update("corrupting", "ALTER TABLE admin_auth_consent ALTER COLUMN granted_at SET NULL");
    jdbc.update("corrupting", "UPDATE admin_auth_consent SET granted_at = NULL");
    try (LogCapture log = new LogCapture()) {
      assertTrue(store.find("alice@example.com", "app").isEmpty());
      assertEquals(List.of(), store.findBySubject("alice@example.com"));
      assertTrue(log.text().contains("ERROR io.admin.auth.jdbc.JdbcConsentStore -"
          + " admin_auth_consent row for client_id=app is corrupted"), log.text());
      assertFalse(log.text().contains("alice"), log.text());
    }
  }
}
