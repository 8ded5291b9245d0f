package io.admin.auth.core.key;

import io.admin.auth.core.observe.AuthObserver;
import io.admin.auth.core.observe.KeyRotationStep;
import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.SigningKey;

import io.admin.auth.core.spi.SigningKeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
 *
 * <p>Besides the configured algorithm (the primary one, which signs access tokens), the rotator
 * can keep one active key of each of a few other algorithms, each rotated on the same policy: the
 * RS256 key of ID tokens, which OpenID Connect clients expect whatever the access-token algorithm
 * is. Such a key is created active at once when its algorithm has none yet, as the first key of an
 * empty store is (nobody holds a token it signed), and is never retired for not being primary.
 */
public final class KeyRotator {

  private static final Logger LOG = LoggerFactory.getLogger(KeyRotator.class);

  private final SigningKeyStore store;
  private final KeyRotationPolicy policy;
  private final SigningAlgorithm algorithm;
  private final Set<SigningAlgorithm> companions;
  private final Clock clock;
  private final SigningKeys generator;
  private final Duration retention;
  private final AuthObserver observer;

  /**
   * A rotator of the keys of {@code algorithm} alone.
   *
   * @param minimumRetention the longest access-token lifetime plus clock skew: retired keys stay
   *     at least this long, whatever the policy says
   * @param store where the keys are kept
   * @param policy when keys rotate
   * @param algorithm the algorithm of new keys
   * @param clock the time source of every step
   * @param generator what makes new keys
   */
  public KeyRotator(SigningKeyStore store, KeyRotationPolicy policy, SigningAlgorithm algorithm,
      Clock clock, SigningKeys generator, Duration minimumRetention) {
    this(store, policy, algorithm, Set.of(), clock, generator, minimumRetention);
  }

  /**
   * A rotator that also keeps one active key of each of {@code companions} (the primary {@code
   * algorithm} among them is ignored).
   *
   * @param minimumRetention the longest access-token lifetime plus clock skew: retired keys stay
   *     at least this long, whatever the policy says
   * @param store where the keys are kept
   * @param policy when keys rotate
   * @param algorithm the algorithm of the keys that sign access tokens
   * @param companions the other algorithms to keep one active key of; may be empty
   * @param clock the time source of every step
   * @param generator what makes new keys
   */
  public KeyRotator(SigningKeyStore store, KeyRotationPolicy policy, SigningAlgorithm algorithm,
      Set<SigningAlgorithm> companions, Clock clock, SigningKeys generator,
      Duration minimumRetention) {
    this(store, policy, algorithm, companions, clock, generator, minimumRetention,
        AuthObserver.noop());
  }

  /**
   * As {@link #KeyRotator(SigningKeyStore, KeyRotationPolicy, SigningAlgorithm, Set, Clock,
   * SigningKeys, Duration)}, telling {@code observer} of every lifecycle step this node performs
   * (a step another node performed first is not reported here, but by that node).
   *
   * @param store where the keys are kept
   * @param policy when keys rotate
   * @param algorithm the algorithm of the keys that sign access tokens
   * @param companions the other algorithms to keep one active key of; may be empty
   * @param clock the time source of every step
   * @param generator what makes new keys
   * @param minimumRetention the longest access-token lifetime plus clock skew: retired keys stay at
   *     least this long
   * @param observer told of each step; required
   */
  public KeyRotator(SigningKeyStore store, KeyRotationPolicy policy, SigningAlgorithm algorithm,
      Set<SigningAlgorithm> companions, Clock clock, SigningKeys generator,
      Duration minimumRetention, AuthObserver observer) {
    this.observer = Objects.requireNonNull(observer, "observer");
    this.store = Objects.requireNonNull(store, "store");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    Set<SigningAlgorithm> others = EnumSet.noneOf(SigningAlgorithm.class);
    others.addAll(Objects.requireNonNull(companions, "companions"));
    others.remove(algorithm);
    this.companions = Collections.unmodifiableSet(others);
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
   * @return the ring after the steps
   * @throws io.admin.auth.core.AuthUnavailableException when the store fails
   */
  public KeyRing rotateIfDue() {
    Instant now = clock.instant();
    List<SigningKey> keys = store.findAll();
    rotatePrimary(keys, now);
    for (SigningAlgorithm companion : companions) {
      rotateCompanion(companion, now);
    }
    retireStaleActives(now);
    removeExpired(now);
    return reload();
  }

  // Keys of a companion algorithm are not the primary's: neither its active key nor its successor.
  private void rotatePrimary(List<SigningKey> keys, Instant now) {
    List<SigningKey> own = keys.stream().filter(k -> !companions.contains(k.algorithm())).toList();
    SigningKey active = primaryActive(keys);
    SigningKey next = oldest(own, KeyState.NEXT);
    if (active == null) {
      SigningKey first = next != null ? next.activate(now) : null;
      if (first != null && store.replace(next, first)) {
        LOG.info("Promoted key {} ({}) to active: no active key", first.kid(), first.algorithm());
        observer.keyRotation(KeyRotationStep.ACTIVATED);
      } else if (first == null) {
        first = generator.generate(algorithm, KeyState.ACTIVE, now);
        if (store.add(first)) {
          LOG.info("Created first signing key {} ({})", first.kid(), first.algorithm());
          observer.keyRotation(KeyRotationStep.CREATED);
        } else {
          LOG.debug("Another node created the first signing key; using it");
        }
      }
      return;
    }
    step(active, next, algorithm, active.algorithm() != algorithm, now);
  }

  // A companion's first key signs at once: no verifier can hold a token it signed yet.
  private void rotateCompanion(SigningAlgorithm companion, Instant now) {
    List<SigningKey> own = store.findAll().stream()
        .filter(k -> k.algorithm() == companion).toList();
    SigningKey active = newest(own, KeyState.ACTIVE);
    SigningKey next = oldest(own, KeyState.NEXT);
    if (active == null) {
      SigningKey first = next != null ? next.activate(now)
          : generator.generate(companion, KeyState.ACTIVE, now);
      if (next != null ? store.replace(next, first) : store.add(first)) {
        LOG.info("Activated {} key {} beside the {} keys", companion, first.kid(), algorithm);
        observer.keyRotation(next != null ? KeyRotationStep.ACTIVATED : KeyRotationStep.CREATED);
      }
      return;
    }
    step(active, next, companion, false, now);
  }

  /**
   * One rotation step of one algorithm's keys: publish a successor {@code prePublish} before the
   * active key's interval ends (at once when the algorithm changed), promote it once the interval
   * has ended and it has been published for {@code prePublish}.
   */
  private void step(SigningKey active, SigningKey next, SigningAlgorithm alg,
      boolean algorithmChanged, Instant now) {
    Instant rotateAt = active.activatedAt().plus(policy.rotationInterval());
    if (next == null && (algorithmChanged || !now.isBefore(rotateAt.minus(policy.prePublish())))) {
      SigningKey candidate = generator.generate(alg, KeyState.NEXT, now);
      if (store.add(candidate)) {
        next = candidate;
        LOG.info("Published next signing key {} ({})", next.kid(), next.algorithm());
        observer.keyRotation(KeyRotationStep.PUBLISHED);
      } else {
        // A store shared by several nodes refused it: another node's successor wins, and the
        // reload picks that one up. Ours was never published, so it must never be promoted.
        LOG.debug("Another node published the next signing key; using it");
      }
    }
    boolean intervalOver = algorithmChanged || !now.isBefore(rotateAt);
    if (next != null && intervalOver
        && !now.isBefore(next.createdAt().plus(policy.prePublish()))) {
      SigningKey promoted = next.activate(now);
      if (store.replace(next, promoted)) {
        LOG.info("Rotated signing key: {} active, {} retired", promoted.kid(), active.kid());
        observer.keyRotation(KeyRotationStep.ACTIVATED);
      }
    }
  }

  /**
   * The current ring from the store, without changing anything. Its signing key is the one the
   * primary algorithm's rotation starts from, so a companion key never signs access tokens (see
   * {@code docs/http-contract.md}, "ID tokens"), not even while an algorithm change is being
   * pre-published and a companion key is newer than the key being replaced.
   *
   * @return the ring as stored
   */
  public KeyRing reload() {
    List<SigningKey> keys = store.findAll();
    return KeyRing.signedBy(keys, primaryActive(keys));
  }

  /**
   * Runs {@link #rotateIfDue()} every {@code period} on {@code executor}. Failures are logged and
   * the next run tries again. Cancel the returned future to stop.
   *
   * @param executor where the rotation runs
   * @param period the time between two runs; positive
   * @return the scheduled task; cancel it to stop
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

  // One active key per algorithm kept: the primary's (or the one it is replacing) and each
  // companion's; any other active key is retired.
  private void retireStaleActives(Instant now) {
    List<SigningKey> keys = store.findAll();
    Set<String> keep = new HashSet<>();
    SigningKey primary = primaryActive(keys);
    if (primary != null) {
      keep.add(primary.kid());
    }
    for (SigningAlgorithm companion : companions) {
      SigningKey own = newest(keys.stream().filter(k -> k.algorithm() == companion).toList(),
          KeyState.ACTIVE);
      if (own != null) {
        keep.add(own.kid());
      }
    }
    for (SigningKey k : keys) {
      if (k.state() == KeyState.ACTIVE && !keep.contains(k.kid())) {
        store.replace(k, k.retire(now));
      }
    }
  }

  /**
   * The key the primary algorithm's rotation starts from: its newest active key; else, during an
   * algorithm change, the newest active key of an algorithm no companion owns; else (the previous
   * primary is now a companion) the newest active key of any algorithm.
   */
  private SigningKey primaryActive(List<SigningKey> keys) {
    SigningKey own = newest(keys.stream().filter(k -> k.algorithm() == algorithm).toList(),
        KeyState.ACTIVE);
    if (own != null) {
      return own;
    }
    SigningKey old = newest(keys.stream().filter(k -> !companions.contains(k.algorithm()))
        .toList(), KeyState.ACTIVE);
    return old != null ? old : newest(keys, KeyState.ACTIVE);
  }

  private void removeExpired(Instant now) {
    for (SigningKey k : store.findAll()) {
      if (k.state() == KeyState.RETIRED && !now.isBefore(k.retiredAt().plus(retention))) {
        if (store.remove(k.kid())) {
          LOG.info("Removed retired signing key {}", k.kid());
          observer.keyRotation(KeyRotationStep.REMOVED);
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
