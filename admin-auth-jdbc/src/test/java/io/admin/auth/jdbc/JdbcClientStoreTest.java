package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.spi.OAuthClient;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcClientStoreTest {

  private static OAuthClient client() {
    return new OAuthClient("svc", "hmac-sha256:x", Set.of("users:read"),
        Set.of("client_credentials"), true, Duration.ofMillis(90_500), null);
  }

  @Test
  void saveWhenTtlHasMillisecondsThenReadBackExactly() {
    JdbcClientStore store =
        new JdbcClientStore(new Jdbc(TestDatabases.migrated(Dialect.H2), Dialect.H2));
    store.save(client());
    assertEquals(client(), store.findById("svc").orElseThrow());
  }

  @Test
  void saveWhenScopeCannotBeStoredThenRejected() {
    JdbcClientStore store =
        new JdbcClientStore(new Jdbc(TestDatabases.migrated(Dialect.H2), Dialect.H2));
    assertThrows(IllegalArgumentException.class, () -> store.save(new OAuthClient("svc",
        "hmac-sha256:x", Set.of("two words"), Set.of("client_credentials"), false, null, null)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "UPDATE admin_auth_client SET access_token_ttl_ms = -5",
      "UPDATE admin_auth_client SET client_id = ' '"})
  void findWhenRowCorruptedThenUnknownWithClearLogLine(String corruption) {
    Jdbc jdbc = new Jdbc(TestDatabases.migrated(Dialect.H2), Dialect.H2);
    JdbcClientStore store = new JdbcClientStore(jdbc);
    store.save(client());
    jdbc.update("corrupting", corruption);
    try (LogCapture log = new LogCapture()) {
      assertTrue(store.findAll().isEmpty());
      assertTrue(log.text().contains("ERROR io.admin.auth.jdbc.JdbcClientStore - admin_auth_client"
          + " row for client_id="), log.text());
      assertTrue(!log.text().contains("hmac-sha256:x"), "no secret hash in the log");
    }
  }
}
