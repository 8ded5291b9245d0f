package io.admin.auth.core.validation;

import java.time.Duration;
import java.util.Objects;

/** What the time validators share. */
final class TimeRules {

  /** The audit reason of every time rejection (the verifiers' reason before these validators). */
  static final String REASON = "time";

  private TimeRules() {}

  static Duration checkedSkew(Duration skew) {
    Objects.requireNonNull(skew, "skew");
    if (skew.isNegative()) {
      throw new IllegalArgumentException("skew must not be negative");
    }
    return skew;
  }
}
