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
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NotBeforeValidatorTest {

  private static final Duration SKEW = Duration.ofSeconds(30);

  private final MutableClock clock = new MutableClock(T0);
  private final NotBeforeValidator validator =
      new NotBeforeValidator(SKEW, clock, TokenKind.OWN_ACCESS_TOKEN);

  static Stream<Arguments> validNotBefores() {
    return Stream.of(
        Arguments.of("in the past", T0.minusSeconds(3600)),
        Arguments.of("now", T0),
        Arguments.of("within skew", T0.plusSeconds(29)),
        Arguments.of("exactly at skew", T0.plus(SKEW)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validNotBefores")
  void validateWhenNotBeforeReachedWithinSkewThenValid(String name, Instant nbf) {
    assertValid(validator.validate(claims("nbf", seconds(nbf))));
  }

  static Stream<Arguments> futureNotBefores() {
    return Stream.of(
        Arguments.of("one second beyond skew", T0.plus(SKEW).plusSeconds(1)),
        Arguments.of("an hour ahead", T0.plusSeconds(3600)),
        Arguments.of("year 9999", Instant.parse("9999-12-31T23:59:59Z")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("futureNotBefores")
  void validateWhenNotBeforeBeyondSkewThenRejectedWithNotYetValidCode(String name, Instant nbf) {
    AuthError error = assertRejected(validator.validate(claims("nbf", seconds(nbf))),
        AuthErrorCode.AUTH_TOKEN_NOT_YET_VALID, "time");

    assertEquals("The access token is not valid yet.", error.message());
    assertEquals(Map.of(), error.details());
  }

  @Test
  void validateWhenNotBeforeMissingThenValid() {
    assertValid(validator.validate(claims("exp", seconds(T0.plusSeconds(60)))));
  }

  @Test
  void validateWhenClockReachesNotBeforeThenValid() {
    JwtClaims token = claims("nbf", seconds(T0.plusSeconds(120)));
    assertRejected(validator.validate(token), AuthErrorCode.AUTH_TOKEN_NOT_YET_VALID, "time");

    clock.advance(Duration.ofSeconds(90));

    assertValid(validator.validate(token));
  }

  @Test
  void constructWhenSkewNegativeThenThrows() {
    assertThrows(IllegalArgumentException.class,
        () -> new NotBeforeValidator(Duration.ofSeconds(-1), clock, TokenKind.OWN_ACCESS_TOKEN));
  }
}
