package io.admin.auth.core.validation;

import static io.admin.auth.core.validation.Views.T0;
import static io.admin.auth.core.validation.Views.assertInvalid;
import static io.admin.auth.core.validation.Views.assertRejected;
import static io.admin.auth.core.validation.Views.assertValid;
import static io.admin.auth.core.validation.Views.claims;
import static io.admin.auth.core.validation.Views.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExpiryValidatorTest {

  private static final Duration SKEW = Duration.ofSeconds(30);
  private static final Instant EXP = T0.plusSeconds(300);

  private final MutableClock clock = new MutableClock(T0);
  private final ExpiryValidator validator =
      new ExpiryValidator(SKEW, clock, TokenKind.OWN_ACCESS_TOKEN);

  private JwtClaims token() {
    return claims("iat", seconds(T0), "exp", seconds(EXP));
  }

  static Stream<Arguments> validTimes() {
    return Stream.of(
        Arguments.of("at issue", T0),
        Arguments.of("just before exp", EXP.minusNanos(1)),
        Arguments.of("at exp, within skew", EXP),
        Arguments.of("last instant of skew", EXP.plus(SKEW).minusNanos(1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validTimes")
  void validateWhenBeforeExpiryPlusSkewThenValid(String name, Instant now) {
    clock.set(now);

    assertValid(validator.validate(token()));
  }

  static Stream<Arguments> expiredTimes() {
    return Stream.of(
        Arguments.of("exactly exp + skew", EXP.plus(SKEW)),
        Arguments.of("one second later", EXP.plus(SKEW).plusSeconds(1)),
        Arguments.of("years later", EXP.plus(Duration.ofDays(3650))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expiredTimes")
  void validateWhenExpiredThenRejectedWithExpiredCode(String name, Instant now) {
    clock.set(now);

    AuthError error = assertRejected(validator.validate(token()), AuthErrorCode.AUTH_TOKEN_EXPIRED,
        "time");

    assertEquals("The access token has expired.", error.message());
    assertEquals(Map.of("issued_at", "2025-03-15T10:00:00Z", "expired_at", "2025-03-15T10:05:00Z"),
        error.details());
  }

  @Test
  void validateWhenExpiredWithoutIatThenDetailsOnlyExpiredAt() {
    clock.set(EXP.plus(SKEW));

    AuthError error = assertRejected(validator.validate(claims("exp", seconds(EXP))),
        AuthErrorCode.AUTH_TOKEN_EXPIRED, "time");

    assertEquals(Map.of("expired_at", "2025-03-15T10:05:00Z"), error.details());
  }

  @Test
  void validateWhenZeroSkewAndExactlyAtExpThenExpired() {
    ExpiryValidator strict = new ExpiryValidator(Duration.ZERO, clock, TokenKind.OWN_ACCESS_TOKEN);
    clock.set(EXP);

    assertRejected(strict.validate(token()), AuthErrorCode.AUTH_TOKEN_EXPIRED, "time");
    clock.set(EXP.minusNanos(1));
    assertValid(strict.validate(token()));
  }

  static Stream<Arguments> hostileExpiries() {
    return Stream.of(
        Arguments.of("missing", null),
        Arguments.of("string", "1742033100"),
        Arguments.of("negative", -1),
        Arguments.of("beyond year 9999", 1e300),
        Arguments.of("boolean", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileExpiries")
  void validateWhenExpMissingOrMalformedThenRejectedAsInvalid(String name, Object exp) {
    assertInvalid(validator.validate(claims("iat", seconds(T0), "exp", exp)), "missing exp");
  }

  @Test
  void validateWhenIdTokenHintExpiredThenItsOwnWording() {
    ExpiryValidator hint = new ExpiryValidator(SKEW, clock, TokenKind.ID_TOKEN_HINT);
    clock.set(EXP.plus(SKEW));

    AuthError error = assertRejected(hint.validate(token()), AuthErrorCode.AUTH_TOKEN_EXPIRED,
        "time");

    assertEquals("The ID token hint has expired.", error.message());
  }

  @Test
  void constructWhenSkewNegativeThenThrows() {
    assertThrows(IllegalArgumentException.class,
        () -> new ExpiryValidator(Duration.ofSeconds(-1), clock, TokenKind.OWN_ACCESS_TOKEN));
  }
}
