package io.admin.auth.core.validation;

import static io.admin.auth.core.validation.Views.T0;
import static io.admin.auth.core.validation.Views.assertInvalid;
import static io.admin.auth.core.validation.Views.assertRejected;
import static io.admin.auth.core.validation.Views.assertValid;
import static io.admin.auth.core.validation.Views.claims;
import static io.admin.auth.core.validation.Views.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admin.auth.core.AuthErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LifetimeValidatorTest {

  private static final Duration SKEW = Duration.ofSeconds(30);

  /** Answers the queued instants in turn (then the last one again) and counts the readings. */
  private static final class ScriptedClock extends Clock {
    private final Deque<Instant> script;
    private Instant last;
    int reads;

    ScriptedClock(Instant... instants) {
      script = new ArrayDeque<>(List.of(instants));
    }

    @Override
    public Instant instant() {
      reads++;
      if (!script.isEmpty()) {
        last = script.poll();
      }
      return last;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private static TokenValidator<JwtClaims> lifetime(Clock clock, boolean checkExpiry) {
    return JwtValidators.lifetime(SKEW, clock, TokenKind.OWN_ACCESS_TOKEN, checkExpiry);
  }

  @Test
  void validateWhenCalledThenClockReadOnceForAllThreeRules() {
    // Were each rule to read the clock, the second reading (an hour later) would expire the token.
    ScriptedClock clock = new ScriptedClock(T0, T0.plusSeconds(3600));
    JwtClaims token = claims("iat", seconds(T0), "nbf", seconds(T0), "exp", seconds(T0.plusSeconds(60)));

    assertValid(lifetime(clock, true).validate(token));
    assertEquals(1, clock.reads);
  }

  static Stream<Arguments> rejectedTokens() {
    long t0 = seconds(T0);
    return Stream.of(
        Arguments.of("expired", claims("iat", t0 - 600, "exp", t0 - 300),
            AuthErrorCode.AUTH_TOKEN_EXPIRED),
        Arguments.of("expired and nbf ahead: expiry first", claims("nbf", t0 + 600, "exp", t0 - 300),
            AuthErrorCode.AUTH_TOKEN_EXPIRED),
        Arguments.of("nbf ahead", claims("nbf", t0 + 600, "exp", t0 + 900),
            AuthErrorCode.AUTH_TOKEN_NOT_YET_VALID),
        Arguments.of("iat ahead", claims("iat", t0 + 600, "exp", t0 + 900),
            AuthErrorCode.AUTH_TOKEN_NOT_YET_VALID));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedTokens")
  void validateWhenOutsideLifetimeThenFirstFailingRuleAnswers(String name, JwtClaims token,
      AuthErrorCode code) {
    assertRejected(lifetime(new ScriptedClock(T0), true).validate(token), code, "time");
  }

  @Test
  void validateWhenExpiryNotCheckedThenExpiredTokenValidButFutureStillRejected() {
    TokenValidator<JwtClaims> hints = lifetime(new ScriptedClock(T0), false);
    long t0 = seconds(T0);

    assertValid(hints.validate(claims("iat", t0 - 7200, "exp", t0 - 3600)));
    assertRejected(hints.validate(claims("iat", t0 + 600, "exp", t0 - 3600)),
        AuthErrorCode.AUTH_TOKEN_NOT_YET_VALID, "time");
  }

  @Test
  void validateWhenExpMissingAndExpiryCheckedThenRejectedAsInvalid() {
    assertInvalid(lifetime(new ScriptedClock(T0), true).validate(claims("iat", seconds(T0))),
        "missing exp");
  }
}
