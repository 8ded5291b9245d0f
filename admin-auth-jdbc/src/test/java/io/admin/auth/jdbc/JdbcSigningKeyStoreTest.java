package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.key.SigningKeys;
import io.admin.auth.core.testing.MutableClock;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.issue.TokenResult;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcSigningKeyStoreTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final SecureRandom random = new SecureRandom();
  private final SigningKeys keys = new SigningKeys(random);
  private final PrivateKeyCipher cipher =
      new PrivateKeyCipher(KeyEncryptionKey.generate(random), random);

  private JdbcSigningKeyStore store(Dialect dialect, DataSource ds) {
    return new JdbcSigningKeyStore(new Jdbc(ds, dialect), cipher);
  }

  @Test
  void addWhenHs256ThenSecretNeverStoredInTheClear() {
    DataSource ds = TestDatabases.migrated(Dialect.H2);
    SigningKey k = keys.generate(SigningAlgorithm.HS256, KeyState.ACTIVE, T0);
    store(Dialect.H2, ds).add(k);
    Jdbc jdbc = new Jdbc(ds, Dialect.H2);
    byte[][] row = jdbc.query("read", "SELECT public_key, private_key_sealed FROM"
        + " admin_auth_signing_key", rs -> new byte[][] {rs.getBytes(1), rs.getBytes(2)}).get(0);
    assertNull(row[0]);
    String sealed = new String(row[1], StandardCharsets.ISO_8859_1);
    assertFalse(sealed.contains(new String(k.encodedSigningKey(), StandardCharsets.ISO_8859_1)));
    assertArrayEquals(k.encodedSigningKey(),
        store(Dialect.H2, ds).findAll().get(0).encodedSigningKey());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "UPDATE admin_auth_signing_key SET algorithm = 'PS256'",
      "UPDATE admin_auth_signing_key SET kid = 'attacker-kid'",
      "UPDATE admin_auth_signing_key SET public_key = (SELECT public_key FROM other_key)",
      "UPDATE admin_auth_signing_key SET private_key_sealed = (SELECT private_key_sealed FROM other_key)",
      "UPDATE admin_auth_signing_key SET state = 'BOGUS'"})
  void verifyWhenKeyRowAlteredThenTokensRejectedAndOneClearLogLine(String tamper) {
    DataSource ds = TestDatabases.migrated(Dialect.H2);
    MutableClock clock = new MutableClock(T0);
    DefaultTokenService node = service(ds, clock);
    OAuthClient client = node.registerClient(
        ClientRegistration.of("svc", "s3cr3t-s3cr3t-s3cr3t", Set.of("users:read")));
    String token = ((TokenResult.Issued) node.clientCredentials(client, Optional.empty()))
        .response().accessToken();
    Jdbc jdbc = new Jdbc(ds, Dialect.H2);
    // A well-formed key sealed under the same KEK, to swap parts in from.
    jdbc.update("other", "CREATE TABLE other_key AS SELECT * FROM admin_auth_signing_key WHERE 1=0");
    SigningKey other = keys.generate(SigningAlgorithm.RS256, KeyState.RETIRED, T0);
    JdbcSigningKeyStore otherStore = store(Dialect.H2, ds);
    otherStore.add(other.retire(T0));
    jdbc.update("other", "INSERT INTO other_key SELECT * FROM admin_auth_signing_key WHERE kid = ?",
        other.kid());
    jdbc.update("other", "DELETE FROM admin_auth_signing_key WHERE kid = ?", other.kid());
    jdbc.update("tamper", tamper);

    try (LogCapture log = new LogCapture()) {
      DefaultTokenService restarted = service(ds, clock);
      AuthOutcome outcome = restarted.verify(token);
      assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID,
          assertInstanceOf(AuthOutcome.Rejected.class, outcome).error().code());
      String text = log.text();
      assertTrue(text.contains("ERROR io.admin.auth.jdbc.JdbcSigningKeyStore - signing key kid="), text);
      assertTrue(text.contains("is unusable and ignored"), text);
      // The restarted node made itself a new, working key instead of signing with the bad one.
      assertInstanceOf(TokenResult.Issued.class, restarted.clientCredentials(client, Optional.empty()));
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void addWhenAnotherNodeTookTheRotationStepThenFalse(Dialect dialect) {
    JdbcSigningKeyStore store = store(dialect, TestDatabases.migrated(dialect));
    assertTrue(store.add(keys.generate(SigningAlgorithm.ES256, KeyState.ACTIVE, T0)));
    assertFalse(store.add(keys.generate(SigningAlgorithm.ES256, KeyState.ACTIVE, T0)),
        "a second first key");
    assertTrue(store.add(keys.generate(SigningAlgorithm.ES256, KeyState.NEXT, T0)));
    assertFalse(store.add(keys.generate(SigningAlgorithm.ES256, KeyState.NEXT, T0)),
        "a second successor");
    assertTrue(store.add(keys.generate(SigningAlgorithm.ES256, KeyState.RETIRED, T0).retire(T0)));
    assertEquals(List.of(KeyState.NEXT, KeyState.ACTIVE, KeyState.RETIRED),
        store.findAll().stream().map(SigningKey::state).sorted().toList());
  }

  @Test
  void addWhenTheOnlyActiveKeyIsUnreadableThenANewActiveKeyIsAccepted() {
    DataSource ds = TestDatabases.migrated(Dialect.H2);
    JdbcSigningKeyStore store = store(Dialect.H2, ds);
    store.add(keys.generate(SigningAlgorithm.ES256, KeyState.ACTIVE, T0));
    new Jdbc(ds, Dialect.H2).update("corrupt",
        "UPDATE admin_auth_signing_key SET private_key_sealed = X'0102'");
    try (LogCapture log = new LogCapture()) {
      assertTrue(store.add(keys.generate(SigningAlgorithm.ES256, KeyState.ACTIVE, T0)));
      assertEquals(1, store.findAll().size());
      assertTrue(log.text().contains("its private key does not decrypt: wrong ADMIN_AUTH_KEK, or"
          + " the row (kid, algorithm, public key or sealed key) was altered"), log.text());
    }
  }

  private DefaultTokenService service(DataSource ds, MutableClock clock) {
    JdbcSigningKeyStore keyStore = store(Dialect.H2, ds);
    return DefaultTokenService.builder().issuer("https://auth.example").clock(clock)
        .random(random).secretPepper(new byte[32]).keyStore(keyStore)
        .clientStore(new JdbcClientStore(new Jdbc(ds, Dialect.H2)))
        .signingAlgorithm(SigningAlgorithm.RS256).build();
  }
}
