package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.spi.RefreshTokenRecord;
import io.admin.auth.core.spi.RefreshTokenStore;
import java.time.Instant;
import java.util.Set;
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
