package io.admin.auth.core.ratelimit;

import io.admin.auth.core.observe.AuthObserver;
import io.admin.auth.core.spi.FailureCount;
import io.admin.auth.core.spi.FailureCountStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
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
 * <p>The counts live in a {@link FailureCountStore}: by default an {@link
 * InMemoryFailureCountStore} per throttle, which counts per node; a shared store ({@link
 * Builder#store}) makes every node on it count the same failures. Keys reach the store as SHA-256
 * digests. In memory, the count is bounded by {@code maxKeys}. When the store is
 * full, expired states are forgotten first, then states that are counting but not blocked (which
 * only makes the limit lenient for them). An active block is never evicted, or flooding distinct
 * names would unblock a targeted one. When every tracked key is actively blocked, a failure of a
 * key not yet tracked is refused: the throttle fails closed and answers "blocked for {@code
 * blockDuration}" (by then every current block has ended and room is free again).
 */
public final class FailureThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(FailureThrottle.class);

  private final int maxFailures;
  private final Duration window;
  private final Duration blockDuration;
  private final Clock clock;
  private final FailureCountStore store;
  private final String namespace;
  private final AtomicBoolean full;
  private final String limit;
  private final AuthObserver observer;

  private FailureThrottle(Builder b) {
    this.maxFailures = b.maxFailures;
    this.window = b.window;
    this.blockDuration = b.blockDuration;
    this.clock = b.clock;
    this.store = b.store != null ? b.store : new InMemoryFailureCountStore(b.maxKeys);
    this.namespace = b.namespace;
    this.full = new AtomicBoolean();
    this.limit = "";
    this.observer = AuthObserver.noop();
  }

  // The same counts and blocks, observed: both objects answer alike for every key.
  private FailureThrottle(FailureThrottle same, String limit, AuthObserver observer) {
    this.maxFailures = same.maxFailures;
    this.window = same.window;
    this.blockDuration = same.blockDuration;
    this.clock = same.clock;
    this.store = same.store;
    this.namespace = same.namespace;
    this.full = same.full;
    this.limit = limit;
    this.observer = observer;
  }

  /**
   * A throttle sharing this one's counts and blocks that tells {@code observer} of every attempt
   * it refuses ({@link #check} or {@link #recordAttempt} denied) as {@link
   * AuthObserver#rateLimited} {@code (limit)}. {@code limit} names the throttle in metrics, so it
   * must be a constant, never a key.
   *
   * @param limit the constant name of the throttle in metrics
   * @param observer told of every refusal; required
   * @return a throttle over the same counts
   */
  public FailureThrottle observed(String limit, AuthObserver observer) {
    return new FailureThrottle(this, Objects.requireNonNull(limit, "limit"),
        Objects.requireNonNull(observer, "observer"));
  }

  /**
   * A builder with defaults of 5 failures per 5 minutes, then a 5-minute block.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether {@code key} may attempt now; never creates state.
   *
   * @param key what is throttled, e.g. a user name or an address
   * @return allowed, or denied with the time left of the block
   */
  public RateLimitDecision check(String key) {
    Instant now = clock.instant();
    return denied(store.read(digest(key)).map(f -> blocked(f, now))
        .orElse(RateLimitDecision.allow()));
  }

  /**
   * Records one failure for {@code key}.
   *
   * @param key what is throttled, e.g. a user name or an address
   * @return denied when the key is blocked now (this failure reached the limit, or it already
   *     was), or when the failure cannot be tracked because every tracked key is blocked
   */
  public RateLimitDecision recordFailure(String key) {
    Instant now = clock.instant();
    Optional<FailureCount> f = track(key, old -> fail(old, now), now);
    return f.map(s -> blocked(s, now)).orElseGet(this::refused);
  }

  /**
   * Counts an attempt that is about to be verified as a failure, before it is verified. Follow
   * it with {@link #forgive} (or {@link #reset}) if the attempt succeeds.
   *
   * @param key what is throttled, e.g. a user name or an address
   * @return allowed when the attempt may go ahead and has been counted, even if it is the one
   *     that reaches the limit (later attempts are then blocked); denied, with nothing counted,
   *     when the key is blocked already or cannot be tracked
   */
  public RateLimitDecision recordAttempt(String key) {
    Instant now = clock.instant();
    boolean[] wasBlocked = {false};
    Optional<FailureCount> f = track(key, old -> {
      // Set on every call: a store may apply the update again after a conflict.
      wasBlocked[0] = old != null && old.blockedAt(now);
      return wasBlocked[0] ? old : fail(old, now);
    }, now);
    if (f.isEmpty()) {
      return denied(refused());
    }
    return wasBlocked[0] ? denied(blocked(f.get(), now)) : RateLimitDecision.allow();
  }

  // Only check and recordAttempt refuse an attempt; recordFailure reports on one already made.
  private RateLimitDecision denied(RateLimitDecision decision) {
    if (!decision.allowed()) {
      observer.rateLimited(limit);
    }
    return decision;
  }

  /**
   * Takes back one failure counted by {@link #recordAttempt} or {@link #recordFailure} for an
   * attempt that then succeeded; if that failure is what blocked the key, the block is lifted.
   * Never creates state.
   *
   * @param key what is throttled, e.g. a user name or an address
   */
  public void forgive(String key) {
    Instant now = clock.instant();
    store.update(digest(key), now, old -> {
      if (old == null) {
        return null;
      }
      int count = Math.max(0, old.count() - 1);
      boolean lift = old.blockedAt(now) && count < maxFailures;
      return state(count, old.windowStart(), lift ? null : old.blockedUntil());
    });
  }

  /**
   * Forgets {@code key}'s failures and block.
   *
   * @param key what is throttled, e.g. a user name or an address
   */
  public void reset(String key) {
    store.delete(digest(key));
  }

  /**
   * Number of keys currently stored (never more than {@code maxKeys} with the in-memory store;
   * with a shared store, every node's keys).
   *
   * @return the number of keys, at least 0
   */
  public int size() {
    return (int) Math.min(Integer.MAX_VALUE, store.size());
  }

  /** The keys as stored, for tests of what the throttle retains (in-memory store only). */
  Set<?> storedKeys() {
    return store instanceof InMemoryFailureCountStore m ? m.storedKeys() : Set.of();
  }

  private Optional<FailureCount> track(String key, UnaryOperator<FailureCount> update,
      Instant now) {
    Optional<FailureCount> f = store.update(digest(key), now, update);
    if (f.isEmpty() && full.compareAndSet(false, true)) {
      LOG.warn("Failure throttle full of active blocks: refusing attempts of untracked keys");
    } else if (f.isPresent() && full.get()) {
      full.set(false);
    }
    return f;
  }

  private FailureCount fail(FailureCount old, Instant now) {
    if (old != null && old.blockedAt(now)) {
      return old;
    }
    // A block that has been served starts a new count, as does an elapsed window.
    boolean fresh = old == null || old.blockedUntil() != null
        || !now.isBefore(old.windowStart().plus(window));
    int count = fresh ? 1 : old.count() + 1;
    Instant start = fresh ? now : old.windowStart();
    return state(count, start, count >= maxFailures ? now.plus(blockDuration) : null);
  }

  private FailureCount state(int count, Instant windowStart, Instant blockedUntil) {
    Instant windowEnd = windowStart.plus(window);
    Instant expires = blockedUntil != null && blockedUntil.isAfter(windowEnd)
        ? blockedUntil : windowEnd;
    return new FailureCount(count, windowStart, blockedUntil, expires);
  }

  private RateLimitDecision refused() {
    return RateLimitDecision.deny(blockDuration);
  }

  private static RateLimitDecision blocked(FailureCount f, Instant now) {
    return f.blockedAt(now)
        ? RateLimitDecision.deny(Duration.between(now, f.blockedUntil()))
        : RateLimitDecision.allow();
  }

  /** SHA-256 of the key: fixed size whatever the key's length, and no raw name is stored. */
  private byte[] digest(String key) {
    Objects.requireNonNull(key, "key");
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      // The namespace, then a NUL no name contains, keeps throttles sharing a store apart.
      sha256.update(namespace.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      return sha256.digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** Builds a {@link FailureThrottle}; settings are checked in {@link #build()}. */
  public static final class Builder {
    private int maxFailures = 5;
    private Duration window = Duration.ofMinutes(5);
    private Duration blockDuration = Duration.ofMinutes(5);
    private Clock clock = Clock.systemUTC();
    private int maxKeys = 100_000;
    private FailureCountStore store;
    private String namespace = "";

    private Builder() {}

    /**
     * Failures within the window that trigger a block (default 5, at least 1).
     *
     * @param maxFailures the failures that trigger a block
     * @return this builder
     */
    public Builder maxFailures(int maxFailures) {
      this.maxFailures = maxFailures;
      return this;
    }

    /**
     * The window failures are counted in (default 5 minutes).
     *
     * @param window the counting window, positive
     * @return this builder
     */
    public Builder window(Duration window) {
      this.window = window;
      return this;
    }

    /**
     * How long a key stays blocked (default 5 minutes).
     *
     * @param blockDuration the block's length, positive
     * @return this builder
     */
    public Builder blockDuration(Duration blockDuration) {
      this.blockDuration = blockDuration;
      return this;
    }

    /**
     * The clock (default: system UTC).
     *
     * @param clock the clock of windows and blocks
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Where the counts are kept (default: a new {@link InMemoryFailureCountStore} of {@link
     * #maxKeys} keys, per node). Throttles sharing one store need distinct {@link #namespace}s,
     * or their counts mix.
     *
     * @param store the store of counts; required
     * @return this builder
     */
    public Builder store(FailureCountStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * What this throttle counts, such as {@code "basic-user"} (default empty): mixed into every
     * key's digest, so throttles sharing a store never count each other's failures.
     *
     * @param namespace what this throttle counts; required
     * @return this builder
     */
    public Builder namespace(String namespace) {
      this.namespace = Objects.requireNonNull(namespace, "namespace");
      return this;
    }

    /**
     * The most keys tracked at once by the default in-memory store (default 100,000).
     *
     * @param maxKeys the most keys, at least 1
     * @return this builder
     */
    public Builder maxKeys(int maxKeys) {
      this.maxKeys = maxKeys;
      return this;
    }

    /**
     * @return a new throttle
     * @throws IllegalStateException when a setting is out of range
     */
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
