package io.admin.auth.core.internal.keyring;

import io.admin.auth.core.key.KeyRotator;

import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.key.KeyRing;
import io.admin.auth.core.spi.SigningKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token service's view of the key store: an immutable {@link KeyRing} read lock-free on the hot
 * path, re-read (running due rotation steps) at most every {@code refresh}, and re-read early, but
 * rate-limited, when a token names an unknown kid that another node may just have published.
 *
 * <p>Re-reads never make a lookup wait. Only one thread re-reads at a time ({@code tryLock}); any
 * other thread is answered from the cached ring meanwhile. A failed re-read counts as a re-read
 * for the rate limit, so during a key-store outage forged kids cause at most one attempt per 10 s
 * instead of one each, and valid tokens never queue behind them: the cached ring stays correct
 * for a while, and an outage must not stop verification.
 */
public final class KeyRingCache {

  private static final Logger LOG = LoggerFactory.getLogger(KeyRingCache.class);
  private static final Duration MIN_RELOAD_GAP = Duration.ofSeconds(10);

  private final KeyRotator rotator;
  private final Clock clock;
  private final Duration refresh;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile KeyRing ring;
  private volatile Instant checkedAt;
  private volatile Instant reloadedAt;
  private volatile Runnable onChange = () -> { };

  /** Loads the ring at once (creating the first key of an empty store). */
  public KeyRingCache(KeyRotator rotator, Clock clock, Duration refresh) {
    this.rotator = rotator;
    this.clock = clock;
    this.refresh = refresh;
    rotateNow();
  }

  /**
   * Runs {@code listener} (outside any lock) after every re-read that produced a new ring object,
   * so that caches of what old keys verified can drop what a removed key signed.
   */
  public void onRingChange(Runnable listener) {
    this.onChange = listener;
  }

  /**
   * The current ring; re-read from the store if the last read is older than {@code refresh}. Never
   * waits for a re-read another thread is doing, and never throws for a store outage: both answer
   * with the cached ring.
   */
  public KeyRing ring() {
    Instant now = clock.instant();
    if (now.isBefore(checkedAt.plus(refresh)) || !lock.tryLock()) {
      return ring;
    }
    KeyRing before = ring;
    try {
      if (!now.isBefore(checkedAt.plus(refresh))) {
        try {
          ring = rotator.rotateIfDue();
          reloadedAt = now;
        } catch (AuthUnavailableException e) {
          LOG.warn("Key store unavailable; keeping the cached key ring", e);
        } finally {
          checkedAt = now;
        }
      }
    } finally {
      lock.unlock();
    }
    notifyIfChanged(before);
    return ring;
  }

  /**
   * The key for {@code kid}. An unknown kid re-reads the store at most every 10 s; while another
   * thread re-reads, or when the store cannot be reached, the cached ring answers (so an unknown
   * kid is then absent, never an exception).
   */
  public Optional<SigningKey> find(String kid) {
    Optional<SigningKey> key = ring().find(kid);
    Instant now = clock.instant();
    if (key.isPresent() || now.isBefore(reloadedAt.plus(MIN_RELOAD_GAP)) || !lock.tryLock()) {
      return key;
    }
    KeyRing before = ring;
    try {
      if (!now.isBefore(reloadedAt.plus(MIN_RELOAD_GAP))) {
        try {
          ring = rotator.reload();
        } catch (AuthUnavailableException e) {
          LOG.warn("Key store unavailable while looking for an unknown kid; keeping the cached"
              + " key ring for {}", MIN_RELOAD_GAP, e);
        } finally {
          reloadedAt = now;
        }
      }
    } finally {
      lock.unlock();
    }
    notifyIfChanged(before);
    return ring.find(kid);
  }

  /**
   * Runs due rotation steps now, whatever the refresh interval; waits for a re-read in progress.
   *
   * @throws AuthUnavailableException when the store cannot be reached
   */
  public KeyRing rotateNow() {
    Instant now = clock.instant();
    KeyRing before = ring;
    KeyRing after;
    lock.lock();
    try {
      ring = rotator.rotateIfDue();
      checkedAt = now;
      reloadedAt = now;
      after = ring;
    } finally {
      lock.unlock();
    }
    notifyIfChanged(before);
    return after;
  }

  private void notifyIfChanged(KeyRing before) {
    if (before != null && ring != before) {
      try {
        onChange.run();
      } catch (RuntimeException e) {
        LOG.warn("Key ring change listener failed", e);
      }
    }
  }
}
