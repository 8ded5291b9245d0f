package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admin.auth.core.spi.AuthorizationCode;
import io.admin.auth.core.spi.AuthorizationCodeStore;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JdbcAuthorizationCodeStoreTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static AuthorizationCode code(String redirectUri, String nonce, String subject) {
    return new AuthorizationCode("hmac-sha256:c1", "app", redirectUri,
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", subject, Set.of("openid"), nonce, T0,
        null, "g1", T0, T0.plusSeconds(60), null);
  }

  /** Longer than a column: refused with the field named, not "database unavailable". */
  @ParameterizedTest
  @EnumSource(Dialect.class)
  void saveWhenValueLongerThanItsColumnThenRefusedNamingTheFieldAndNothingStored(Dialect dialect) {
    AuthorizationCodeStore store = TestStores.authorizationCodes(dialect);
    String uri = "https://app.example/cb";
    assertEquals("nonce is longer than 512 characters", assertThrows(
        IllegalArgumentException.class,
        () -> store.save(code(uri, "n".repeat(513), "alice"))).getMessage());
    assertEquals("redirect URI is longer than 2000 characters", assertThrows(
        IllegalArgumentException.class,
        () -> store.save(code(uri + "x".repeat(2000), null, "alice"))).getMessage());
    assertEquals("subject is longer than 255 characters", assertThrows(
        IllegalArgumentException.class,
        () -> store.save(code(uri, null, "s".repeat(256)))).getMessage());
    assertInstanceOf(AuthorizationCodeStore.NotFound.class,
        store.redeem("hmac-sha256:c1", T0.plusSeconds(1)));
  }
}
