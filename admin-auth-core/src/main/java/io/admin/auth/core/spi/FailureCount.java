package io.admin.auth.core.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One key's brute-force state in a {@link FailureCountStore}: failures counted in a window, the
 * end of the block they triggered if any, and when the state may be forgotten.
 *
 * @param count failures counted since {@code windowStart} (at least 0)
 * @param windowStart when the current count began
 * @param blockedUntil the end of the block set in this count, or {@code null} when none was set
 * @param expiresAt when the state is equivalent to having none (window over, block served), so a
 *     store may purge it
 */
public record FailureCount(int count, Instant windowStart, Instant blockedUntil,
    Instant expiresAt) {

  /**
   * Checks that the count is not negative and the instants (but {@code blockedUntil}) are set.
   *
   * @param count failures counted since {@code windowStart}; at least 0
   * @param windowStart when the current count began; required
   * @param blockedUntil the end of the block, or {@code null} when none was set
   * @param expiresAt when the state is equivalent to having none; required
   */
  public FailureCount {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /**
   * Whether the key is blocked at {@code now}.
   *
   * @param now the instant to check at
   * @return {@code true} while a block set in this count lasts
   */
  public boolean blockedAt(Instant now) {
    return blockedUntil != null && now.isBefore(blockedUntil);
  }

  /**
   * Whether a store may forget this state at {@code now}.
   *
   * @param now the instant to check at
   * @return {@code true} when {@code now} is at or after {@link #expiresAt()}
   */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
