package io.admin.auth.core.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cap on attempts in progress at the same time per key (a remote address): one caller cannot
 * occupy every slot of a shared resource such as the password-hashing gate. Every {@link #tryAcquire} that is allowed must be paired with one
 * {@link #release}, in a {@code finally}. Thread-safe; only keys with attempts in progress take
 * memory, so it is bounded by the number of concurrent requests.
 */
public final class InFlightLimiter {

  /** The retry hint of a refusal: an attempt in progress is over within about a second. */
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();
  private final int maxPerKey;

  /**
   * A limiter admitting {@code maxPerKey} attempts in progress per key.
   *
   * @param maxPerKey the most attempts in progress per key, at least 1
   * @throws IllegalArgumentException for a cap below 1
   */
  public InFlightLimiter(int maxPerKey) {
    if (maxPerKey < 1) {
      throw new IllegalArgumentException("maxPerKey must be positive");
    }
    this.maxPerKey = maxPerKey;
  }

  /**
   * The cap per key.
   *
   * @return the cap, at least 1
   */
  public int maxPerKey() {
    return maxPerKey;
  }

  /**
   * Starts an attempt for {@code key} if fewer than the cap are in progress.
   *
   * @param key what is limited, e.g. a user name
   * @return allowed (then {@link #release} is owed), or denied with a one-second retry hint
   */
  public RateLimitDecision tryAcquire(String key) {
    boolean[] admitted = {false};
    inFlight.compute(key, (k, n) -> {
      int current = n == null ? 0 : n;
      if (current >= maxPerKey) {
        return n;
      }
      admitted[0] = true;
      return current + 1;
    });
    return admitted[0] ? RateLimitDecision.allow() : RateLimitDecision.deny(RETRY_AFTER);
  }

  /**
   * Ends an attempt that {@link #tryAcquire} admitted.
   *
   * @param key the key given to {@link #tryAcquire}
   */
  public void release(String key) {
    inFlight.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
  }

  /**
   * Keys with attempts in progress (for tests and metrics).
   *
   * @return the number of keys, at least 0
   */
  public int size() {
    return inFlight.size();
  }
}
