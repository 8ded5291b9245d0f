package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.spi.RefreshTokenRecord;
import io.admin.auth.core.spi.RefreshTokenStore;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcRefreshTokenStoreTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static RefreshTokenRecord token(String hash, String family) {
    return new RefreshTokenRecord(hash, family, "svc", "svc", Set.of("users:read"), T0,
        T0.plusSeconds(3600), null, null);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void consumeWhenSavedAfterItsFamilyWasRevokedThenRevokedNotConsumed(Dialect dialect) {
    JdbcRefreshTokenStore store =
        new JdbcRefreshTokenStore(new Jdbc(TestDatabases.migrated(dialect), dialect), 10);
    store.save(token("hmac-sha256:reused", "fam"));
    store.consume("hmac-sha256:reused", T0.plusSeconds(1));
    // The race loser revokes the family before the winner's next token row exists.
    store.revokeFamily("fam", T0.plusSeconds(2));
    store.save(token("hmac-sha256:late", "fam"));

    assertEquals(T0.plusSeconds(2), store.find("hmac-sha256:late").orElseThrow().revokedAt());
    RefreshTokenStore.ConsumeResult r = store.consume("hmac-sha256:late", T0.plusSeconds(3));
    assertInstanceOf(RefreshTokenStore.Revoked.class, r);
    assertEquals(null, store.find("hmac-sha256:late").orElseThrow().usedAt());
    store.save(token("hmac-sha256:other", "other-family"));
    assertInstanceOf(RefreshTokenStore.Consumed.class,
        store.consume("hmac-sha256:other", T0.plusSeconds(3)));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void purgeExpiredWhenFamilyHasNoTokenLeftAndGracePassedThenRevocationForgotten(Dialect dialect) {
    Jdbc jdbc = new Jdbc(TestDatabases.migrated(dialect), dialect);
    JdbcRefreshTokenStore store = new JdbcRefreshTokenStore(jdbc, 10);
    store.save(token("hmac-sha256:a", "fam"));
    Instant expiry = T0.plusSeconds(3600);
    store.revokeFamily("fam", expiry.minusSeconds(1));

    assertEquals(1, store.purgeExpired(expiry));
    assertEquals(1, familyRevocations(jdbc), "kept through the grace after the revocation");
    store.purgeExpired(expiry.minusSeconds(1).plus(JdbcRefreshTokenStore.REVOCATION_GRACE));
    assertEquals(0, familyRevocations(jdbc), "bounded: no token of the family is left");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void migrationV4WhenFamilyRevokedOnlyInItsRowsThenRevocationRecorded(Dialect dialect)
      throws Exception {
    DataSource ds = TestDatabases.migrated(dialect);
    Jdbc jdbc = new Jdbc(ds, dialect);
    JdbcRefreshTokenStore store = new JdbcRefreshTokenStore(jdbc, 10);
    store.save(token("hmac-sha256:old", "fam"));
    store.save(token("hmac-sha256:live", "other"));
    // A database revoked under schema V3: only the token rows carry the revocation.
    jdbc.update("revoking as V3 did", "UPDATE admin_auth_refresh_token SET revoked_at = ?"
        + " WHERE family_id = ?", T0.plusSeconds(5), "fam");
    jdbc.update("back to V3", "DELETE FROM admin_auth_refresh_family_revocation");

    Migration v4 = Migration.all(dialect).get(3);
    assertEquals(4, v4.version());
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      for (String sql : v4.statements()) {
        st.execute(sql);
      }
      // Written for a run interrupted half-way: applying it again changes nothing.
      for (String sql : v4.statements()) {
        st.execute(sql);
      }
    }

    assertEquals(1, familyRevocations(jdbc));
    store.save(token("hmac-sha256:late", "fam"));
    assertEquals(T0.plusSeconds(5), store.find("hmac-sha256:late").orElseThrow().revokedAt());
    assertInstanceOf(RefreshTokenStore.Consumed.class,
        store.consume("hmac-sha256:live", T0.plusSeconds(6)));
  }

  private static long familyRevocations(Jdbc jdbc) {
    return jdbc.queryOne("counting", "SELECT COUNT(*) FROM admin_auth_refresh_family_revocation",
        rs -> rs.getLong(1)).orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "UPDATE admin_auth_refresh_token SET subject = NULL",
      "UPDATE admin_auth_refresh_token SET scopes = NULL, client_id = NULL"})
  void consumeWhenRowCorruptedThenNotFoundWithClearLogLine(String corruption) {
    Jdbc jdbc = new Jdbc(TestDatabases.migrated(Dialect.H2), Dialect.H2);
    // NOT NULL constraints would stop the corruption; a hand-edited schema might not have them.
    jdbc.update("loosen", "ALTER TABLE admin_auth_refresh_token ALTER COLUMN subject SET NULL");
    jdbc.update("loosen", "ALTER TABLE admin_auth_refresh_token ALTER COLUMN client_id SET NULL");
    jdbc.update("loosen", "ALTER TABLE admin_auth_refresh_token ALTER COLUMN scopes SET NULL");
    JdbcRefreshTokenStore store = new JdbcRefreshTokenStore(jdbc, 10);
    store.save(token("hmac-sha256:t", "fam"));
    jdbc.update("corrupting", corruption);
    try (LogCapture log = new LogCapture()) {
      assertTrue(store.find("hmac-sha256:t").isEmpty());
      assertInstanceOf(RefreshTokenStore.NotFound.class, store.consume("hmac-sha256:t", T0));
      assertTrue(log.text().contains("ERROR io.admin.auth.jdbc.JdbcRefreshTokenStore -"
          + " admin_auth_refresh_token row of family fam is corrupted"), log.text());
      assertTrue(!log.text().contains("hmac-sha256:t"), "no token hash in the log");
    }
  }
}
