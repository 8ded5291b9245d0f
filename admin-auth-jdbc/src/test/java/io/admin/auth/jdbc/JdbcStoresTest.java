package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.spi.ApiKey;
import io.admin.auth.core.spi.AuthorizationCode;
import io.admin.auth.core.spi.AuthorizationCodeStore;
import io.admin.auth.core.spi.Consent;
import io.admin.auth.core.spi.SignInSession;
import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.issue.DefaultTokenServiceBuilder;
import io.admin.auth.core.key.SigningKeys;
import io.admin.auth.core.spi.RefreshTokenRecord;
import io.admin.auth.core.testing.MutableClock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JdbcStoresTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final KeyEncryptionKey kek = KeyEncryptionKey.generate(new SecureRandom());

  @Test
  void buildWhenNoKekThenFailsNamingTheSetting() {
    DataSource ds = TestDatabases.migrated(Dialect.H2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JdbcStores.create(ds, Dialect.H2, null));
    assertTrue(e.getMessage().startsWith("missing key-encryption key: set ADMIN_AUTH_KEK"));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void buildWhenOtherKekThanTheDatabaseWasSealedWithThenFailsAtStart(Dialect dialect) {
    DataSource ds = TestDatabases.migrated(dialect);
    JdbcStores.create(ds, dialect, kek).close();
    KeyEncryptionKey other = KeyEncryptionKey.generate(new SecureRandom());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> JdbcStores.create(ds, dialect, other));
    assertTrue(e.getMessage().startsWith("ADMIN_AUTH_KEK does not match"), e.getMessage());
  }

  @Test
  void buildWhenSchemaMissingThenFailsUnlessMigrationIsOptedIn() {
    DataSource ds = TestDatabases.freshH2();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> JdbcStores.create(ds, Dialect.H2, kek));
    assertTrue(e.getMessage().startsWith("admin-auth schema is at version 0"), e.getMessage());
    try (JdbcStores stores =
        JdbcStores.builder(ds, Dialect.H2).keyEncryptionKey(kek).migrateSchema(true).build()) {
      assertEquals(SchemaInitializer.latestVersion(),
          new SchemaInitializer(ds, Dialect.H2).currentVersion());
      assertTrue(stores.clientStore().findAll().isEmpty());
    }
  }

  @Test
  void builderWhenSettingsInconsistentThenRejected() {
    DataSource ds = TestDatabases.migrated(Dialect.H2);
    assertThrows(IllegalArgumentException.class, () -> JdbcStores.builder(ds, Dialect.H2)
        .keyEncryptionKey(kek).purgeBatchSize(0).build());
    assertThrows(IllegalArgumentException.class, () -> JdbcStores.builder(ds, Dialect.H2)
        .keyEncryptionKey(kek).revocationPollInterval(Duration.ofMinutes(2))
        .revocationMaxStaleness(Duration.ofMinutes(1)).build());
  }

  @Test
  void persistentWhenClientAndRefreshTokenStoresThenTrueSoATokenServiceNeedsAPepper() {
    try (JdbcStores stores = JdbcStores.builder(TestDatabases.migrated(Dialect.H2), Dialect.H2)
        .keyEncryptionKey(kek).build()) {
      assertTrue(stores.clientStore().persistent());
      assertTrue(stores.refreshTokenStore().persistent());
      DefaultTokenServiceBuilder tokens = DefaultTokenService.builder()
          .issuer("https://auth.example").keyStore(stores.keyStore())
          .clientStore(stores.clientStore()).refreshTokenStore(stores.refreshTokenStore())
          .revocationStore(stores.revocationStore());
      assertThrows(IllegalArgumentException.class, tokens::build);
      tokens.secretPepper(new byte[32]).build();
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void purgeNowWhenRowsAreDeadThenEveryKindIsDeletedAndLiveOnesKept(Dialect dialect) {
    MutableClock clock = new MutableClock(T0);
    try (JdbcStores stores = JdbcStores.builder(TestDatabases.migrated(dialect), dialect)
        .keyEncryptionKey(kek).clock(clock).purgeBatchSize(2).purgeInterval(Duration.ZERO)
        .apiKeyRetention(Duration.ofDays(1)).build()) {
      for (int i = 0; i < 5; i++) {
        stores.revocationStore().revokeAccessToken("j" + i, T0.plusSeconds(60));
        stores.refreshTokenStore().save(new RefreshTokenRecord("hmac-sha256:r" + i, "f", "svc",
            "svc", Set.of(), T0, T0.plusSeconds(60), null, null));
      }
      stores.revocationStore().revokeFamily("live", T0.plus(Duration.ofDays(9)));
      stores.apiKeyStore().insert(new ApiKey("AAAAAAAAAAAAAAA1", "old", "alice", Set.of(), T0,
          T0.plusSeconds(60), null, null, "hmac-sha256:k1", null, null));
      stores.apiKeyStore().insert(new ApiKey("AAAAAAAAAAAAAAA2", "live", "alice", Set.of(), T0,
          null, null, null, "hmac-sha256:k2", null, null));
      clock.advance(Duration.ofDays(2));

      assertEquals(5 + 5 + 1, stores.purgeNow());

      assertTrue(stores.revocationStore().isRevoked("x", "live"));
      assertEquals(1, stores.apiKeyStore().findAll().size());
      assertEquals(0, stores.purgeNow());
    }
  }

  private static AuthorizationCode code(String hash, Instant expiresAt) {
    return new AuthorizationCode(hash, "app", "https://app.example/cb",
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "alice", Set.of("openid"), null, T0, null,
        "g-" + hash, T0, expiresAt, null);
  }

  /**
   * Expired sign-in sessions go at the next cycle; authorization codes only once they have been
   * expired for the replay window, so a replay shortly after expiry is still seen as one.
   */
  @ParameterizedTest
  @EnumSource(Dialect.class)
  void purgeNowWhenCodesAndSessionsExpireThenSessionsAtOnceAndCodesAfterTheReplayWindow(
      Dialect dialect) {
    MutableClock clock = new MutableClock(T0);
    try (JdbcStores stores = JdbcStores.builder(TestDatabases.migrated(dialect), dialect)
        .keyEncryptionKey(kek).clock(clock).purgeBatchSize(2).purgeInterval(Duration.ZERO)
        .build()) {
      AuthorizationCodeStore codes = stores.authorizationCodeStore();
      for (int i = 0; i < 3; i++) {
        codes.save(code("hmac-sha256:old" + i, T0.plusSeconds(60)));
        stores.signInSessionStore().save(new SignInSession("hmac-sha256:s" + i, "alice", T0,
            Set.of("pwd"), T0.plusSeconds(60)));
      }
      codes.save(code("hmac-sha256:replayed", T0.plusSeconds(60)));
      assertInstanceOf(AuthorizationCodeStore.Redeemed.class,
          codes.redeem("hmac-sha256:replayed", T0.plusSeconds(1)));
      stores.signInSessionStore().save(new SignInSession("hmac-sha256:live", "alice", T0,
          Set.of("pwd"), T0.plus(Duration.ofHours(8))));
      stores.consentStore().save(new Consent("alice", "app",
          Set.of("openid"), T0));

      clock.advance(Duration.ofMinutes(5));
      assertEquals(3, stores.purgeNow());
      assertInstanceOf(AuthorizationCodeStore.AlreadyRedeemed.class,
          codes.redeem("hmac-sha256:replayed", clock.instant()));

      clock.set(T0.plusSeconds(60).plus(JdbcAuthorizationCodeStore.REPLAY_WINDOW));
      assertEquals(4, stores.purgeNow());
      assertInstanceOf(AuthorizationCodeStore.NotFound.class,
          codes.redeem("hmac-sha256:replayed", clock.instant()));
      assertTrue(stores.signInSessionStore().find("hmac-sha256:live").isPresent());
      assertTrue(stores.consentStore().find("alice", "app").isPresent());
      assertEquals(0, stores.purgeNow());
    }
  }

  /**
   * The core keeps a redeemed code, and so the power to revoke what it issued on a replay, for as
   * long as an access token issued from it can live (the longest lifetime plus the largest clock
   * skew); a purge that forgot it sooner would answer a replay inside that time as an unknown
   * code and leave the tokens alive.
   */
  @Test
  void replayWindowCoversTheLongestAccessTokenAndClockSkew() {
    Duration core = DefaultTokenService.MAX_ACCESS_TOKEN_TTL.plus(Duration.ofMinutes(5));
    assertTrue(JdbcAuthorizationCodeStore.REPLAY_WINDOW.compareTo(core) >= 0,
        JdbcAuthorizationCodeStore.REPLAY_WINDOW + " < " + core);
  }

  @Test
  void createWhenH2FileReopenedThenRevocationsKeysAndApiKeysSurvive(@TempDir Path dir) {
    DataSource ds = TestDatabases.h2File(dir);
    String kid;
    try (JdbcStores first =
        JdbcStores.builder(ds, Dialect.H2).keyEncryptionKey(kek).migrateSchema(true).build()) {
      first.revocationStore().revokeAccessToken("j1", T0.plus(Duration.ofDays(1)));
      first.apiKeyStore().insert(new ApiKey("AAAAAAAAAAAAAAA1", "ci", "alice", Set.of(), T0, null,
          null, null, "hmac-sha256:k1", null, null));
      first.keyStore().add(new SigningKeys(new SecureRandom())
          .generate(SigningAlgorithm.ES256, KeyState.ACTIVE, T0));
      kid = first.keyStore().findAll().get(0).kid();
    }
    try (JdbcStores second = JdbcStores.create(TestDatabases.h2File(dir), Dialect.H2, kek)) {
      assertTrue(second.revocationStore().isRevoked("j1", null));
      assertTrue(second.apiKeyStore().findById("AAAAAAAAAAAAAAA1").isPresent());
      assertEquals(kid, second.keyStore().findAll().get(0).kid());
    }
  }
}
