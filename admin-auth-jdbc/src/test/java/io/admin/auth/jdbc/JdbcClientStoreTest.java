package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.SignInSettings;
import java.time.Duration;
import java.util.List;
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

  private static OAuthClient nativeApp(List<String> redirectUris, String displayName) {
    return new OAuthClient("app", "", Set.of("openid"), Set.of("authorization_code"), false, null,
        null, new SignInSettings(true, redirectUris, List.of(), false, displayName));
  }

  /** Longer than a column: a clear refusal naming the field, and the stored client unchanged. */
  @Test
  void saveWhenUriOrDisplayNameLongerThanTheColumnThenRefusedAndTheOldSettingsKept() {
    JdbcClientStore store =
        new JdbcClientStore(new Jdbc(TestDatabases.migrated(Dialect.H2), Dialect.H2));
    OAuthClient before = nativeApp(List.of("https://app.example/cb"), "App");
    store.save(before);
    String longUri = "https://app.example/" + "x".repeat(JdbcClientStore.MAX_URI);
    IllegalArgumentException uri = assertThrows(IllegalArgumentException.class,
        () -> store.save(nativeApp(List.of("https://app.example/new", longUri), "App")));
    assertEquals("redirect URI is longer than 2000 characters", uri.getMessage());
    IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
        () -> store.save(nativeApp(List.of("https://app.example/new"), "n".repeat(256))));
    assertEquals("display name is longer than 255 characters", name.getMessage());
    assertEquals(before, store.findById("app").orElseThrow());
  }

  @Test
  void findWhenRedirectUriRowCorruptedThenClientUnknownWithClearLogLine() {
    Jdbc jdbc = new Jdbc(TestDatabases.migrated(Dialect.H2), Dialect.H2);
    JdbcClientStore store = new JdbcClientStore(jdbc);
    store.save(nativeApp(List.of("https://app.example/cb"), null));
    store.save(client());
    jdbc.update("corrupting", "UPDATE admin_auth_client_redirect_uri SET kind = 'other'");
    try (LogCapture log = new LogCapture()) {
      assertTrue(store.findById("app").isEmpty());
      assertEquals(List.of(client()), store.findAll());
      assertTrue(log.text().contains("ERROR io.admin.auth.jdbc.JdbcClientStore - admin_auth_client"
          + " row for client_id=app is corrupted (unknown redirect URI kind other)"), log.text());
    }
  }

  @Test
  void deleteWhenClientHasUrisThenTheirRowsGoToo() {
    Jdbc jdbc = new Jdbc(TestDatabases.migrated(Dialect.H2), Dialect.H2);
    JdbcClientStore store = new JdbcClientStore(jdbc);
    store.save(nativeApp(List.of("https://app.example/a", "https://app.example/b"), null));
    assertTrue(store.delete("app"));
    assertFalse(store.delete("app"));
    assertEquals(0, jdbc.query("counting", "SELECT COUNT(*) FROM admin_auth_client_redirect_uri",
        rs -> rs.getInt(1)).get(0));
  }
}
