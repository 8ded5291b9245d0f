package io.admin.auth.core.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brute-force throttling: counts authentication failures per key (use one instance, or key
 * prefixes, for users and for remote addresses) and blocks a key for {@code blockDuration} once
 * it reaches {@code maxFailures} within {@code window}. Thread-safe and bounded like
 * {@link TokenBucketRateLimiter}; build with {@link #builder()}.
 *
 * <p>Two ways to use it:
 *
 * <ul>
 *   <li>After the fact, for cheap checks: {@link #check} before verifying (deny with 429),
 *       {@link #recordFailure} after a rejection.
 *   <li>In advance, for expensive checks (password hashes): {@link #recordAttempt} before
 *       verifying counts the attempt as a failure at once, so that concurrent attempts cannot all
 *       slip in before the first failure is recorded; {@link #forgive} takes the count back when
 *       the attempt succeeds (or could not be checked).
 * </ul>
 *
 * <p>{@link #reset} after a success suits the user key only: resetting an address on success would
 * let one valid account unlock brute force of others from the same address.
 *
 * <p>Memory is bounded by {@code maxKeys}; keys are stored as fixed-size digests. When the map is
 * full, expired states are forgotten first, then states that are counting but not blocked (which
 * only makes the limit lenient for them). An active block is never evicted, or flooding distinct
 * names would unblock a targeted one. When every tracked key is actively blocked, a failure of a
 * key not yet tracked is refused: the throttle fails closed and answers "blocked for {@code
 * blockDuration}" (by then every current block has ended and room is free again).
 */
public final class FailureThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(FailureThrottle.class);
  private static final long NOT_BLOCKED = Long.MIN_VALUE;

  private final int maxFailures;
  private final long windowNanos;
  private final long blockNanos;
  private final Clock clock;
  private final BoundedStateMap<Failures> states;
  private final AtomicBoolean full = new AtomicBoolean();

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
   * @return denied when the key is blocked now (this failure reached the limit, or it already
   *     was), or when the failure cannot be tracked because every tracked key is blocked
   */
  public RateLimitDecision recordFailure(String key) {
    long now = now();
    Failures f = track(key, old -> fail(old, now), now);
    return f == null ? refused() : blocked(f, now);
  }

  /**
   * Counts an attempt that is about to be verified as a failure, before it is verified. Follow
   * it with {@link #forgive} (or {@link #reset}) if the attempt succeeds.
   *
   * @return allowed when the attempt may go ahead and has been counted, even if it is the one
   *     that reaches the limit (later attempts are then blocked); denied, with nothing counted,
   *     when the key is blocked already or cannot be tracked
   */
  public RateLimitDecision recordAttempt(String key) {
    long now = now();
    boolean[] wasBlocked = {false};
    Failures f = track(key, old -> {
      if (old != null && now < old.blockedUntil) {
        wasBlocked[0] = true;
        return old;
      }
      return fail(old, now);
    }, now);
    if (f == null) {
      return refused();
    }
    return wasBlocked[0] ? blocked(f, now) : RateLimitDecision.allow();
  }

  /**
   * Takes back one failure counted by {@link #recordAttempt} or {@link #recordFailure} for an
   * attempt that then succeeded; if that failure is what blocked the key, the block is lifted.
   * Never creates state.
   */
  public void forgive(String key) {
    long now = now();
    states.updateIfPresent(key, old -> {
      int count = Math.max(0, old.count - 1);
      boolean lift = now < old.blockedUntil && count < maxFailures;
      return new Failures(count, old.windowStart, lift ? NOT_BLOCKED : old.blockedUntil);
    });
  }

  /** Forgets {@code key}'s failures and block. */
  public void reset(String key) {
    states.remove(key);
  }

  /** Number of keys currently tracked (never more than {@code maxKeys}). */
  public int size() {
    return states.size();
  }

  /** The keys as stored, for tests of what the throttle retains. */
  Set<?> storedKeys() {
    return states.storedKeys();
  }

  private Failures track(String key, UnaryOperator<Failures> update, long now) {
    Failures f = states.update(key, update, old -> forgettable(old, now), old -> !isBlocked(old, now));
    if (f == null && full.compareAndSet(false, true)) {
      LOG.warn("Failure throttle full of active blocks: refusing attempts of untracked keys");
    } else if (f != null && full.get()) {
      full.set(false);
    }
    return f;
  }

  private Failures fail(Failures old, long now) {
    if (old != null && now < old.blockedUntil) {
      return old;
    }
    // A block that has been served starts a new count, as does an elapsed window.
    boolean fresh = old == null || old.blockedUntil != NOT_BLOCKED
        || now - old.windowStart >= windowNanos;
    int count = fresh ? 1 : old.count + 1;
    long start = fresh ? now : old.windowStart;
    return new Failures(count, start, count >= maxFailures ? now + blockNanos : NOT_BLOCKED);
  }

  private boolean forgettable(Failures f, long now) {
    return now >= f.blockedUntil && now - f.windowStart >= windowNanos;
  }

  private static boolean isBlocked(Failures f, long now) {
    return now < f.blockedUntil;
  }

  private RateLimitDecision refused() {
    return RateLimitDecision.deny(Duration.ofNanos(blockNanos));
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

  /**
   * Failures counted in the window starting at {@code windowStart}, and the end of a block
   * ({@link #NOT_BLOCKED} if none was set in this count).
   */
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
