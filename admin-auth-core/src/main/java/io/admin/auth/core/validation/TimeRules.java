package io.admin.auth.core.validation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the time validators share: the skew check, the audit reason, and an exact comparison of
 * {@code t + skew} with another instant on primitives. Instant arithmetic would allocate: the JIT
 * cannot always remove the intermediate instants of {@code plusSeconds(..).plusNanos(..)}, and
 * these comparisons run on every request.
 */
final class TimeRules {

  /** The audit reason of every time rejection (the verifiers' reason before these validators). */
  static final String REASON = "time";

  private static final int NANOS_PER_SECOND = 1_000_000_000;

  private TimeRules() {}

  static Duration checkedSkew(Duration skew) {
    Objects.requireNonNull(skew, "skew");
    if (skew.isNegative()) {
      throw new IllegalArgumentException("skew must not be negative");
    }
    return skew;
  }

  /**
   * The sign of {@code (t + skew) - other}, where the skew is {@code skewSeconds} and
   * {@code skewNanos} as {@link Duration#getSeconds()} and {@link Duration#getNano()} give them for
   * a skew that is not negative (at most minutes, so nothing overflows).
   */
  static int compareShifted(Instant t, long skewSeconds, int skewNanos, Instant other) {
    long seconds = t.getEpochSecond() + skewSeconds;
    int nanos = t.getNano() + skewNanos;
    if (nanos >= NANOS_PER_SECOND) {
      seconds++;
      nanos -= NANOS_PER_SECOND;
    }
    int c = Long.compare(seconds, other.getEpochSecond());
    return c != 0 ? c : Integer.compare(nanos, other.getNano());
  }
}
