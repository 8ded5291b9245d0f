package io.admin.auth.core.internal.keyring;

import io.admin.auth.core.key.KeyRotator;

import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.key.KeyRing;
import io.admin.auth.core.spi.SigningKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token service's view of the key store: an immutable {@link KeyRing} read lock-free on the hot
 * path, re-read (running due rotation steps) at most every {@code refresh}, and re-read early, but
 * rate-limited, when a token names an unknown kid that another node may just have published.
 */
public final class KeyRingCache {

  private static final Logger LOG = LoggerFactory.getLogger(KeyRingCache.class);
  private static final Duration MIN_RELOAD_GAP = Duration.ofSeconds(10);

  private final KeyRotator rotator;
  private final Clock clock;
  private final Duration refresh;
  private final Object lock = new Object();
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

  /** The current ring; re-read from the store if the last read is older than {@code refresh}. */
  public KeyRing ring() {
    Instant now = clock.instant();
    if (now.isBefore(checkedAt.plus(refresh))) {
      return ring;
    }
    KeyRing before = ring;
    synchronized (lock) {
      if (!now.isBefore(checkedAt.plus(refresh))) {
        try {
          ring = rotator.rotateIfDue();
          reloadedAt = now;
        } catch (AuthUnavailableException e) {
          // The cached ring stays correct for a while; a store outage must not stop verifying.
          LOG.warn("Key store unavailable; keeping the cached key ring", e);
        } finally {
          checkedAt = now;
        }
      }
    }
    notifyIfChanged(before);
    return ring;
  }

  /** The key for {@code kid}, re-reading the store at most every 10 s when it is unknown. */
  public Optional<SigningKey> find(String kid) {
    Optional<SigningKey> key = ring().find(kid);
    Instant now = clock.instant();
    if (key.isPresent() || now.isBefore(reloadedAt.plus(MIN_RELOAD_GAP))) {
      return key;
    }
    KeyRing before = ring;
    synchronized (lock) {
      if (!now.isBefore(reloadedAt.plus(MIN_RELOAD_GAP))) {
        ring = rotator.reload();
        reloadedAt = now;
      }
    }
    notifyIfChanged(before);
    return ring.find(kid);
  }

  /** Runs due rotation steps now, whatever the refresh interval. */
  public KeyRing rotateNow() {
    Instant now = clock.instant();
    KeyRing before = ring;
    KeyRing after;
    synchronized (lock) {
      ring = rotator.rotateIfDue();
      checkedAt = now;
      reloadedAt = now;
      after = ring;
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
