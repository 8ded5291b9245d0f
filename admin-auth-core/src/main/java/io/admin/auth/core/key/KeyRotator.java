package io.admin.auth.core.key;

import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.SigningKey;

import io.admin.auth.core.spi.SigningKeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves keys through their lifecycle on the {@link KeyRotationPolicy}, driven by a {@link Clock}.
 *
 * <p>Each step is a conditional store update ({@link SigningKeyStore#replace}), so several nodes sharing
 * one store can run it at once: a step that lost a race is simply seen on the next reload. Order
 * matters for verifiers: a successor is added as {@code NEXT} (published) first, promoted only
 * after {@code prePublish}, and the old key is retired after the promotion, so there is never a
 * moment without an active key or a signing key that was not published.
 */
public final class KeyRotator {

  private static final Logger LOG = LoggerFactory.getLogger(KeyRotator.class);

  private final SigningKeyStore store;
  private final KeyRotationPolicy policy;
  private final SigningAlgorithm algorithm;
  private final Clock clock;
  private final SigningKeys generator;
  private final Duration retention;

  /**
   * @param minimumRetention the longest access-token lifetime plus clock skew: retired keys stay
   *     at least this long, whatever the policy says
   */
  public KeyRotator(SigningKeyStore store, KeyRotationPolicy policy, SigningAlgorithm algorithm,
      Clock clock, SigningKeys generator, Duration minimumRetention) {
    this.store = Objects.requireNonNull(store, "store");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.generator = Objects.requireNonNull(generator, "generator");
    Duration min = Objects.requireNonNull(minimumRetention, "minimumRetention");
    this.retention = policy.retiredRetention().compareTo(min) >= 0 ? policy.retiredRetention() : min;
  }

  /**
   * Performs every lifecycle step that is due now and returns the resulting ring: creates the first
   * key of an empty store (active at once: nobody can hold a token yet), publishes a successor
   * {@code prePublish} before the active key's interval ends (or at once when the configured
   * algorithm changed), promotes it once the interval has ended and it has been published for
   * {@code prePublish}, retires the previous key, and removes retired keys past retention.
   *
   * @throws io.admin.auth.core.AuthUnavailableException when the store fails
   */
  public KeyRing rotateIfDue() {
    Instant now = clock.instant();
    List<SigningKey> keys = store.findAll();
    SigningKey active = newest(keys, KeyState.ACTIVE);
    SigningKey next = oldest(keys, KeyState.NEXT);
    if (active == null) {
      SigningKey first = next != null ? next.activate(now) : null;
      if (first != null && store.replace(next, first)) {
        LOG.info("Promoted key {} ({}) to active: no active key", first.kid(), first.algorithm());
      } else if (first == null) {
        first = generator.generate(algorithm, KeyState.ACTIVE, now);
        if (store.add(first)) {
          LOG.info("Created first signing key {} ({})", first.kid(), first.algorithm());
        } else {
          LOG.debug("Another node created the first signing key; using it");
        }
      }
      return reload();
    }
    boolean algorithmChanged = active.algorithm() != algorithm;
    Instant rotateAt = active.activatedAt().plus(policy.rotationInterval());
    if (next == null && (algorithmChanged || !now.isBefore(rotateAt.minus(policy.prePublish())))) {
      SigningKey candidate = generator.generate(algorithm, KeyState.NEXT, now);
      if (store.add(candidate)) {
        next = candidate;
        LOG.info("Published next signing key {} ({})", next.kid(), next.algorithm());
      } else {
        // A store shared by several nodes refused it: another node's successor wins, and the
        // reload below picks that one up. Ours was never published, so it must never be promoted.
        LOG.debug("Another node published the next signing key; using it");
      }
    }
    boolean intervalOver = algorithmChanged || !now.isBefore(rotateAt);
    if (next != null && intervalOver
        && !now.isBefore(next.createdAt().plus(policy.prePublish()))) {
      SigningKey promoted = next.activate(now);
      if (store.replace(next, promoted)) {
        LOG.info("Rotated signing key: {} active, {} retired", promoted.kid(), active.kid());
      }
    }
    retireStaleActives(now);
    removeExpired(now);
    return reload();
  }

  /** The current ring from the store, without changing anything. */
  public KeyRing reload() {
    return KeyRing.of(store.findAll());
  }

  /**
   * Runs {@link #rotateIfDue()} every {@code period} on {@code executor}. Failures are logged and
   * the next run tries again. Cancel the returned future to stop.
   */
  public ScheduledFuture<?> schedule(ScheduledExecutorService executor, Duration period) {
    Objects.requireNonNull(executor, "executor");
    long millis = period.toMillis();
    if (millis <= 0) {
      throw new IllegalArgumentException("period must be positive");
    }
    return executor.scheduleWithFixedDelay(() -> {
      try {
        rotateIfDue();
      } catch (RuntimeException e) {
        LOG.warn("Key rotation failed; will retry in {}", period, e);
      }
    }, 0, millis, TimeUnit.MILLISECONDS);
  }

  private void retireStaleActives(Instant now) {
    List<SigningKey> actives = new ArrayList<>(
        store.findAll().stream().filter(k -> k.state() == KeyState.ACTIVE).toList());
    actives.sort(Comparator.comparing(SigningKey::activatedAt).thenComparing(SigningKey::kid));
    for (int i = 0; i < actives.size() - 1; i++) {
      store.replace(actives.get(i), actives.get(i).retire(now));
    }
  }

  private void removeExpired(Instant now) {
    for (SigningKey k : store.findAll()) {
      if (k.state() == KeyState.RETIRED && !now.isBefore(k.retiredAt().plus(retention))) {
        if (store.remove(k.kid())) {
          LOG.info("Removed retired signing key {}", k.kid());
        }
      }
    }
  }

  private static SigningKey newest(List<SigningKey> keys, KeyState state) {
    return keys.stream().filter(k -> k.state() == state)
        .max(Comparator.comparing(SigningKey::activatedAt).thenComparing(SigningKey::kid))
        .orElse(null);
  }

  private static SigningKey oldest(List<SigningKey> keys, KeyState state) {
    return keys.stream().filter(k -> k.state() == state)
        .min(Comparator.comparing(SigningKey::createdAt).thenComparing(SigningKey::kid))
        .orElse(null);
  }
}
