package io.admin.auth.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateLimitDecisionTest {

  @ParameterizedTest
  @CsvSource({"1, 1", "999, 1", "1000, 1", "1001, 2", "59999, 60", "60000, 60"})
  void retryAfterSecondsWhenFractionalThenRoundedUpAndAtLeastOne(long millis, long seconds) {
    assertEquals(seconds, RateLimitDecision.deny(Duration.ofMillis(millis)).retryAfterSeconds());
  }

  @Test
  void toAuthErrorWhenDeniedThenRateLimitedWithRetryAfterSecondsDetail() {
    AuthError e = RateLimitDecision.deny(Duration.ofMillis(2500)).toAuthError();
    assertEquals(AuthErrorCode.AUTH_RATE_LIMITED, e.code());
    assertEquals(429, e.code().httpStatus());
    assertEquals(3L, e.details().get("retry_after_seconds"));
  }

  @Test
  void constructorWhenInconsistentThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> RateLimitDecision.deny(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new RateLimitDecision(true, Duration.ofSeconds(1)));
    assertThrows(IllegalStateException.class, () -> RateLimitDecision.allow().toAuthError());
    assertEquals(0, RateLimitDecision.allow().retryAfterSeconds());
  }

  @Test
  void denyWhenRetryAfterNegativeThenRefusedAndAllowWhenZeroThenAccepted() {
    assertThrows(IllegalArgumentException.class, () -> RateLimitDecision.deny(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> new RateLimitDecision(false, Duration.ofNanos(-1)));
    assertThrows(NullPointerException.class, () -> new RateLimitDecision(true, null));
    assertEquals(RateLimitDecision.allow(),
        new RateLimitDecision(true, Duration.ZERO));
    assertFalse(RateLimitDecision.deny(Duration.ofNanos(1)).allowed());
  }
}
