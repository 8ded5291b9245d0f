package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.spi.ApiKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcApiKeyStoreTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static ApiKey key(String id, Instant expiresAt) {
    return new ApiKey(id, "ci-bot", "alice", Set.of("users:read"), T0, expiresAt, null, null,
        "hmac-sha256:h-" + id, null, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "UPDATE admin_auth_api_key SET owner = '  '",
      "UPDATE admin_auth_api_key SET previous_secret_hash = 'hmac-sha256:x'",
      "UPDATE admin_auth_api_key SET scopes = 'users:read \"bad'"})
  void findByIdWhenRowCorruptedThenUnknownWithClearLogLine(String corruption) {
    Jdbc jdbc = new Jdbc(TestDatabases.migrated(Dialect.H2), Dialect.H2);
    JdbcApiKeyStore store = new JdbcApiKeyStore(jdbc, 10);
    store.insert(key("AAAAAAAAAAAAAAA1", null));
    jdbc.update("corrupting", corruption);
    try (LogCapture log = new LogCapture()) {
      assertTrue(store.findById("AAAAAAAAAAAAAAA1").isEmpty());
      assertTrue(store.findAll().isEmpty());
      assertTrue(log.text().contains("ERROR io.admin.auth.jdbc.JdbcApiKeyStore - admin_auth_api_key"
          + " row id=AAAAAAAAAAAAAAA1 is corrupted"), log.text());
    }
  }

  @Test
  void purgeDeadBeforeWhenExpiredOrRevokedBeforeCutoffThenDeletedInBatches() {
    Jdbc jdbc = new Jdbc(TestDatabases.migrated(Dialect.H2), Dialect.H2);
    JdbcApiKeyStore store = new JdbcApiKeyStore(jdbc, 2);
    store.insert(key("AAAAAAAAAAAAAAA1", T0.plusSeconds(10)));
    store.insert(key("AAAAAAAAAAAAAAA2", T0.plusSeconds(20)));
    store.insert(key("AAAAAAAAAAAAAAA3", T0.plusSeconds(30)));
    store.insert(key("AAAAAAAAAAAAAAA4", null));
    store.insert(key("AAAAAAAAAAAAAAA5", null));
    store.revoke("AAAAAAAAAAAAAAA4", T0.plusSeconds(5));
    store.revoke("AAAAAAAAAAAAAAA5", T0.plusSeconds(500));

    assertEquals(4, store.purgeDeadBefore(T0.plusSeconds(100)));

    assertEquals(List.of("AAAAAAAAAAAAAAA5"), store.findAll().stream().map(ApiKey::id).toList());
  }

  @Test
  void insertWhenH2FileReopenedThenKeyAndRevocationSurvive(@TempDir Path dir) {
    JdbcApiKeyStore first = new JdbcApiKeyStore(new Jdbc(TestDatabases.h2File(dir), Dialect.H2), 10);
    new SchemaInitializer(TestDatabases.h2File(dir), Dialect.H2).migrate();
    first.insert(key("AAAAAAAAAAAAAAA1", null));
    first.revoke("AAAAAAAAAAAAAAA1", T0.plusSeconds(5));
    // Every connection is closed after each call, so H2 has closed the file: this is a reopen.
    JdbcApiKeyStore second = new JdbcApiKeyStore(new Jdbc(TestDatabases.h2File(dir), Dialect.H2), 10);
    ApiKey k = second.findById("AAAAAAAAAAAAAAA1").orElseThrow();
    assertEquals(T0.plusSeconds(5), k.revokedAt());
    assertFalse(second.rotate("AAAAAAAAAAAAAAA1", "hmac-sha256:new", null).isPresent());
  }
}
