package io.admin.auth.core.key;

import java.time.Duration;
import java.util.Objects;

/**
 * When keys rotate.
 *
 * <p>A key signs for {@code rotationInterval}. {@code prePublish} before that ends, its successor
 * is created as {@code NEXT} and published, so verifiers that cache the JWK Set (for up to
 * {@code prePublish}) know it before it signs. A retired key stays published for
 * {@code retiredRetention} (never less than the longest access-token lifetime plus clock skew,
 * which the {@link KeyRotator} enforces), then it is removed.
 *
 * @param rotationInterval how long a key signs; at least one hour
 * @param prePublish how long a successor is published before it signs; positive, less than the
 *     interval
 * @param retiredRetention how long a retired key stays published; not negative
 */
public record KeyRotationPolicy(
    Duration rotationInterval, Duration prePublish, Duration retiredRetention) {

  /**
   * Checks that keys rotate at most hourly, that pre-publication is positive and shorter than the
   * rotation interval, and that retention is not negative.
   *
   * @param rotationInterval how long a key is active; at least 1 hour
   * @param prePublish how long a successor is published before it signs; positive, shorter than the
   *     interval
   * @param retiredRetention how long a retired key is still published and verifies; not negative
   */
  public KeyRotationPolicy {
    Objects.requireNonNull(rotationInterval, "rotationInterval");
    Objects.requireNonNull(prePublish, "prePublish");
    Objects.requireNonNull(retiredRetention, "retiredRetention");
    if (rotationInterval.compareTo(Duration.ofHours(1)) < 0) {
      throw new IllegalArgumentException("rotationInterval must be at least 1 hour");
    }
    if (prePublish.isNegative() || prePublish.isZero()
        || prePublish.compareTo(rotationInterval) >= 0) {
      throw new IllegalArgumentException("prePublish must be positive and below rotationInterval");
    }
    if (retiredRetention.isNegative()) {
      throw new IllegalArgumentException("retiredRetention must not be negative");
    }
  }

  /**
   * Rotate every 30 days, publish the successor one day ahead, keep retired keys two hours.
   *
   * @return the default policy
   */
  public static KeyRotationPolicy defaults() {
    return new KeyRotationPolicy(Duration.ofDays(30), Duration.ofDays(1), Duration.ofHours(2));
  }
}
