package io.admin.auth.core.validation;

import static io.admin.auth.core.validation.Views.T0;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IssuedAtValidatorTest {

  private static final Duration SKEW = Duration.ofSeconds(30);

  private final MutableClock clock = new MutableClock(T0);
  private final IssuedAtValidator validator =
      new IssuedAtValidator(SKEW, clock, TokenKind.OWN_ACCESS_TOKEN);

  static Stream<Arguments> validIssueTimes() {
    return Stream.of(
        Arguments.of("long ago", T0.minus(Duration.ofDays(365))),
        Arguments.of("now", T0),
        Arguments.of("within skew ahead", T0.plusSeconds(29)),
        Arguments.of("exactly at skew ahead", T0.plus(SKEW)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validIssueTimes")
  void validateWhenIssuedNotAfterNowPlusSkewThenValid(String name, Instant iat) {
    assertValid(validator.validate(claims("iat", seconds(iat))));
  }

  static Stream<Arguments> futureIssueTimes() {
    return Stream.of(
        Arguments.of("one second beyond skew", T0.plus(SKEW).plusSeconds(1)),
        Arguments.of("a day ahead", T0.plus(Duration.ofDays(1))),
        Arguments.of("year 9999", Instant.parse("9999-12-31T23:59:59Z")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("futureIssueTimes")
  void validateWhenIssuedInFutureThenRejectedWithNotYetValidCode(String name, Instant iat) {
    AuthError error = assertRejected(validator.validate(claims("iat", seconds(iat))),
        AuthErrorCode.AUTH_TOKEN_NOT_YET_VALID, "time");

    assertEquals("The access token is not valid yet.", error.message());
  }

  @Test
  void validateWhenIatMissingThenValid() {
    assertValid(validator.validate(claims("sub", "alice")));
  }

  @Test
  void constructWhenSkewNegativeThenThrows() {
    assertThrows(IllegalArgumentException.class,
        () -> new IssuedAtValidator(Duration.ofSeconds(-1), clock, TokenKind.OWN_ACCESS_TOKEN));
  }
}
