package io.admin.auth.core.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Brute-force throttling: counts authentication failures per key (use one instance, or key
 * prefixes, for users and for remote addresses) and blocks a key for {@code blockDuration} once
 * it reaches {@code maxFailures} within {@code window}. Thread-safe and bounded like
 * {@link TokenBucketRateLimiter}; build with {@link #builder()}.
 *
 * <p>Use: {@link #check} before verifying (deny with 429 without spending a password hash),
 * {@link #recordFailure} after a rejection, and {@link #reset} after a success for the user key
 * only (resetting an address on success would let one valid account unlock brute force of others
 * from the same address).
 */
public final class FailureThrottle {

  private final int maxFailures;
  private final long windowNanos;
  private final long blockNanos;
  private final Clock clock;
  private final BoundedStateMap<Failures> states;

  private FailureThrottle(Builder b) {
    this.maxFailures = b.maxFailures;
    this.windowNanos = b.window.toNanos();
    this.blockNanos = b.blockDuration.toNanos();
    this.clock = b.clock;
    this.states = new BoundedStateMap<>(b.maxKeys);
  }

  /** A builder with defaults of 5 failures per 5 minutes, then a 5-minute block. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether {@code key} may attempt now; never creates state. */
  public RateLimitDecision check(String key) {
    Failures f = states.get(key);
    return f == null ? RateLimitDecision.allow() : blocked(f, now());
  }

  /**
   * Records one failure for {@code key}.
   *
   * @return denied when the key is blocked now (this failure reached the limit, or it already was)
   */
  public RateLimitDecision recordFailure(String key) {
    long now = now();
    Failures f = states.update(key, old -> fail(old, now), old -> forgettable(old, now));
    return blocked(f, now);
  }

  /** Forgets {@code key}'s failures and block. */
  public void reset(String key) {
    states.remove(key);
  }

  /** Number of keys currently tracked (never more than {@code maxKeys}). */
  public int size() {
    return states.size();
  }

  private Failures fail(Failures old, long now) {
    if (old != null && now < old.blockedUntil) {
      return old;
    }
    boolean fresh = old == null || now - old.windowStart >= windowNanos;
    int count = fresh ? 1 : old.count + 1;
    long start = fresh ? now : old.windowStart;
    if (count >= maxFailures) {
      return new Failures(0, now, now + blockNanos);
    }
    return new Failures(count, start, old == null ? Long.MIN_VALUE : old.blockedUntil);
  }

  private boolean forgettable(Failures f, long now) {
    return now >= f.blockedUntil && now - f.windowStart >= windowNanos;
  }

  private RateLimitDecision blocked(Failures f, long now) {
    return now < f.blockedUntil
        ? RateLimitDecision.deny(Duration.ofNanos(f.blockedUntil - now))
        : RateLimitDecision.allow();
  }

  private long now() {
    Instant i = clock.instant();
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
  }

  /** Failures in the window starting at {@code windowStart}, and the end of a block. */
  private record Failures(int count, long windowStart, long blockedUntil) {}

  /** Builds a {@link FailureThrottle}; settings are checked in {@link #build()}. */
  public static final class Builder {
    private int maxFailures = 5;
    private Duration window = Duration.ofMinutes(5);
    private Duration blockDuration = Duration.ofMinutes(5);
    private Clock clock = Clock.systemUTC();
    private int maxKeys = 100_000;

    private Builder() {}

    /** Failures within the window that trigger a block (default 5, at least 1). */
    public Builder maxFailures(int maxFailures) {
      this.maxFailures = maxFailures;
      return this;
    }

    /** The window failures are counted in (default 5 minutes). */
    public Builder window(Duration window) {
      this.window = window;
      return this;
    }

    /** How long a key stays blocked (default 5 minutes). */
    public Builder blockDuration(Duration blockDuration) {
      this.blockDuration = blockDuration;
      return this;
    }

    /** The clock (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** The most keys tracked at once (default 100,000). */
    public Builder maxKeys(int maxKeys) {
      this.maxKeys = maxKeys;
      return this;
    }

    /** @throws IllegalStateException when a setting is out of range */
    public FailureThrottle build() {
      if (maxFailures < 1 || !positive(window) || !positive(blockDuration) || clock == null
          || maxKeys < 1) {
        throw new IllegalStateException(
            "maxFailures >= 1, positive window and blockDuration, clock and maxKeys >= 1 required");
      }
      return new FailureThrottle(this);
    }

    private static boolean positive(Duration d) {
      return d != null && !d.isNegative() && !d.isZero();
    }
  }
}
