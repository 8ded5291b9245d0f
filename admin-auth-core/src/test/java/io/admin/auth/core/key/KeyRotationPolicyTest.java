package io.admin.auth.core.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each bound of the rotation policy on both sides, and the documented defaults. */
class KeyRotationPolicyTest {

  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration NANO = Duration.ofNanos(1);

  @Test
  void constructorWhenAtEachBoundThenAccepted() {
    KeyRotationPolicy tightest = new KeyRotationPolicy(HOUR, NANO, Duration.ZERO);
    assertEquals(HOUR, tightest.rotationInterval());
    KeyRotationPolicy widest = new KeyRotationPolicy(HOUR, HOUR.minus(NANO), Duration.ofDays(365));
    assertEquals(HOUR.minus(NANO), widest.prePublish());
  }

  @Test
  void constructorWhenJustBeyondABoundThenIllegalArgument() {
    assertThrows(IllegalArgumentException.class,
        () -> new KeyRotationPolicy(HOUR.minus(NANO), NANO, Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> new KeyRotationPolicy(HOUR, Duration.ZERO, Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> new KeyRotationPolicy(HOUR, NANO.negated(), Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> new KeyRotationPolicy(HOUR, HOUR, Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> new KeyRotationPolicy(HOUR, NANO, NANO.negated()));
  }

  @Test
  void constructorWhenNullThenNullPointer() {
    assertThrows(NullPointerException.class, () -> new KeyRotationPolicy(null, NANO, Duration.ZERO));
    assertThrows(NullPointerException.class, () -> new KeyRotationPolicy(HOUR, null, Duration.ZERO));
    assertThrows(NullPointerException.class, () -> new KeyRotationPolicy(HOUR, NANO, null));
  }

  @Test
  void defaultsWhenAskedThenThirtyDaysOneDayAheadTwoHoursKept() {
    assertEquals(new KeyRotationPolicy(Duration.ofDays(30), Duration.ofDays(1), Duration.ofHours(2)),
        KeyRotationPolicy.defaults());
  }
}
