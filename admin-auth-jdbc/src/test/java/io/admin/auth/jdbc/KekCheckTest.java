package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KekCheckTest {

  private final SecureRandom random = new SecureRandom();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void verifyWhenSameKekOnEveryStartThenPasses(Dialect dialect) {
    Jdbc jdbc = new Jdbc(TestDatabases.migrated(dialect), dialect);
    KeyEncryptionKey kek = KeyEncryptionKey.generate(random);
    KekCheck.verify(jdbc, new PrivateKeyCipher(kek, random), clock);
    assertDoesNotThrow(() -> KekCheck.verify(jdbc, new PrivateKeyCipher(kek, random), clock));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void verifyWhenOtherKekThenFailsAtStartNamingTheSetting(Dialect dialect) {
    DataSource ds = TestDatabases.migrated(dialect);
    Jdbc jdbc = new Jdbc(ds, dialect);
    KekCheck.verify(jdbc, new PrivateKeyCipher(KeyEncryptionKey.generate(random), random), clock);

    PrivateKeyCipher wrong = new PrivateKeyCipher(KeyEncryptionKey.generate(random), random);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> KekCheck.verify(jdbc, wrong, clock));
    assertTrue(e.getMessage().startsWith("ADMIN_AUTH_KEK does not match"), e.getMessage());
  }
}
