package io.admin.auth.core.ratelimit;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The answer of a rate limiter: allowed, or denied with how long to wait.
 *
 * @param allowed whether the request may proceed
 * @param retryAfter {@link Duration#ZERO} when allowed; otherwise positive: when a retry can
 *     succeed at the earliest
 */
public record RateLimitDecision(boolean allowed, Duration retryAfter) {

  private static final RateLimitDecision ALLOWED = new RateLimitDecision(true, Duration.ZERO);

  /**
   * Checks that the wait is zero exactly when the request is allowed.
   *
   * @param allowed whether the request may go ahead
   * @param retryAfter zero when allowed, else the positive wait
   */
  public RateLimitDecision {
    Objects.requireNonNull(retryAfter, "retryAfter");
    if (allowed ? !retryAfter.isZero() : retryAfter.isNegative() || retryAfter.isZero()) {
      throw new IllegalArgumentException("retryAfter must be zero iff allowed");
    }
  }

  /**
   * The shared "allowed" decision.
   *
   * @return the one allowed decision
   */
  public static RateLimitDecision allow() {
    return ALLOWED;
  }

  /**
   * A denial; {@code retryAfter} must be positive.
   *
   * @param retryAfter how long to wait; positive
   * @return a denial
   */
  public static RateLimitDecision deny(Duration retryAfter) {
    return new RateLimitDecision(false, retryAfter);
  }

  /**
   * Whole seconds to wait, rounded up, for the {@code Retry-After} header (RFC 9110 section
   * 10.2.3) and {@code details.retry_after_seconds}; 0 when allowed, at least 1 when denied.
   *
   * @return the seconds; 0 when allowed, at least 1 when denied
   */
  public long retryAfterSeconds() {
    if (allowed) {
      return 0;
    }
    long s = retryAfter.getSeconds();
    return retryAfter.getNano() > 0 ? s + 1 : Math.max(1, s);
  }

  /**
   * The contract's {@code AUTH_RATE_LIMITED} error with {@code details.retry_after_seconds}.
   *
   * @return the error, for the renderer
   * @throws IllegalStateException when the decision is "allowed"
   */
  public AuthError toAuthError() {
    if (allowed) {
      throw new IllegalStateException("an allowed request is not an error");
    }
    return new AuthError(AuthErrorCode.AUTH_RATE_LIMITED, "Rate limit exceeded, retry later.",
        Map.of("retry_after_seconds", retryAfterSeconds()));
  }
}
