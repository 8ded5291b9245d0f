package io.admin.auth.core.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * In-memory token bucket per key: each key holds up to {@code capacity} tokens (the burst), refilled
 * continuously at {@code refillTokens} per {@code refillPeriod}; a request takes one token or is
 * denied with the time until one is back. Thread-safe; build with {@link #builder()}.
 *
 * <p>Memory is bounded by {@code maxKeys} (see {@code BoundedStateMap}): when full, buckets that
 * have refilled completely are forgotten first (a full bucket is the same as none), then arbitrary
 * ones, which only ever makes the limit more lenient for the forgotten keys. A clock that steps
 * backwards refills nothing rather than failing.
 */
public final class TokenBucketRateLimiter implements RateLimiter {

  private final long capacity;
  private final long refillTokens;
  private final long refillPeriodNanos;
  private final Clock clock;
  private final BoundedStateMap<Bucket> buckets;

  private TokenBucketRateLimiter(Builder b) {
    this.capacity = b.capacity;
    this.refillTokens = b.refillTokens;
    this.refillPeriodNanos = b.refillPeriod.toNanos();
    this.clock = b.clock;
    this.buckets = new BoundedStateMap<>(b.maxKeys);
  }

  /**
   * A builder; {@code capacity} and {@code refill} are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public RateLimitDecision tryAcquire(String key) {
    long now = nanos(clock.instant());
    Bucket b = buckets.update(key, old -> take(old, now), old -> tokensAt(old, now) >= capacity);
    return b.deniedForNanos == 0
        ? RateLimitDecision.allow()
        : RateLimitDecision.deny(Duration.ofNanos(b.deniedForNanos));
  }

  /**
   * Number of keys currently tracked (never more than {@code maxKeys}).
   *
   * @return the number of keys, at least 0
   */
  public int size() {
    return buckets.size();
  }

  private Bucket take(Bucket old, long now) {
    double tokens = old == null ? capacity : tokensAt(old, now);
    long at = old == null ? now : Math.max(now, old.atNanos);
    if (tokens >= 1) {
      return new Bucket(tokens - 1, at, 0);
    }
    long wait = (long) Math.ceil((1 - tokens) * refillPeriodNanos / refillTokens);
    return new Bucket(tokens, at, Math.max(1, wait));
  }

  private double tokensAt(Bucket b, long now) {
    long elapsed = Math.max(0, now - b.atNanos);
    // elapsed * tokens / period, in this order, is exact for whole periods.
    double refill = (double) elapsed * refillTokens / refillPeriodNanos;
    return Math.min(capacity, b.tokens + refill);
  }

  private static long nanos(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
  }

  /** Tokens left at {@code atNanos}, and the denial of the last attempt (0 if it was allowed). */
  private record Bucket(double tokens, long atNanos, long deniedForNanos) {}

  /** Builds a {@link TokenBucketRateLimiter}; settings are checked in {@link #build()}. */
  public static final class Builder {
    private long capacity;
    private long refillTokens;
    private Duration refillPeriod;
    private Clock clock = Clock.systemUTC();
    private int maxKeys = 100_000;

    private Builder() {}

    /**
     * The burst: tokens a fresh bucket holds and the most it ever holds (required, &gt;= 1).
     *
     * @param capacity the burst size, at least 1
     * @return this builder
     */
    public Builder capacity(long capacity) {
      this.capacity = capacity;
      return this;
    }

    /**
     * The sustained rate: {@code tokens} (&gt;= 1) added per {@code period} (positive). Required.
     *
     * @param tokens the tokens added per period
     * @param period the refill period, positive
     * @return this builder
     */
    public Builder refill(long tokens, Duration period) {
      this.refillTokens = tokens;
      this.refillPeriod = period;
      return this;
    }

    /**
     * The clock (default: system UTC).
     *
     * @param clock the clock of refills
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * The most keys tracked at once (default 100,000).
     *
     * @param maxKeys the most keys, at least 1
     * @return this builder
     */
    public Builder maxKeys(int maxKeys) {
      this.maxKeys = maxKeys;
      return this;
    }

    /**
     * @return a new limiter
     * @throws IllegalStateException when a setting is missing or out of range
     */
    public TokenBucketRateLimiter build() {
      if (capacity < 1 || refillTokens < 1 || refillPeriod == null || refillPeriod.isNegative()
          || refillPeriod.isZero() || clock == null || maxKeys < 1) {
        throw new IllegalStateException(
            "capacity >= 1, refill tokens >= 1 per positive period, clock and maxKeys >= 1 required");
      }
      return new TokenBucketRateLimiter(this);
    }
  }
}
