package io.admin.auth.core.key;

import io.admin.auth.core.spi.SigningKey;

import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.SigningAlgorithm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.spi.SigningKeyStore;
import io.admin.auth.core.store.memory.InMemorySigningKeyStore;
import io.admin.auth.core.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KeyRotatorTest {

  private static final Duration INTERVAL = Duration.ofDays(1);
  private static final Duration PRE_PUBLISH = Duration.ofHours(2);
  private static final Duration MIN_RETENTION = Duration.ofMinutes(61);
  private static final KeyRotationPolicy POLICY =
      new KeyRotationPolicy(INTERVAL, PRE_PUBLISH, Duration.ofMinutes(30));

  private final MutableClock clock = MutableClock.atGuideExample();
  private final Instant t0 = clock.instant();
  private final InMemorySigningKeyStore store = new InMemorySigningKeyStore();
  private final SigningKeys gen = new SigningKeys(new SecureRandom());

  private KeyRotator rotator(SigningAlgorithm alg) {
    return new KeyRotator(store, POLICY, alg, clock, gen, MIN_RETENTION);
  }

  private long count(KeyState state) {
    return store.findAll().stream().filter(k -> k.state() == state).count();
  }

  @Test
  void rotateIfDueWhenStoreEmptyThenOneActiveKeyOfConfiguredAlgorithm() {
    KeyRing ring = rotator(SigningAlgorithm.ES256).rotateIfDue();
    assertEquals(1, store.findAll().size());
    assertEquals(SigningAlgorithm.ES256, ring.active().algorithm());
    assertEquals(t0, ring.active().activatedAt());
  }

  @Test
  void rotateIfDueWhenBeforePrePublishWindowThenNothingChanges() {
    KeyRotator r = rotator(SigningAlgorithm.ES256);
    String kid = r.rotateIfDue().active().kid();
    clock.advance(INTERVAL.minus(PRE_PUBLISH).minusSeconds(1));
    assertEquals(kid, r.rotateIfDue().active().kid());
    assertEquals(1, store.findAll().size());
  }

  @Test
  void rotateIfDueWhenPrePublishWindowStartsThenNextPublishedButNotSigning() {
    KeyRotator r = rotator(SigningAlgorithm.ES256);
    String kid = r.rotateIfDue().active().kid();
    clock.advance(INTERVAL.minus(PRE_PUBLISH));
    KeyRing ring = r.rotateIfDue();
    assertEquals(kid, ring.active().kid());
    assertEquals(1, count(KeyState.NEXT));
    assertEquals(2, ring.published().size());
  }

  @Test
  void rotateIfDueWhenIntervalEndsThenNextSignsAndOldRetiredButPublished() {
    KeyRotator r = rotator(SigningAlgorithm.ES256);
    String oldKid = r.rotateIfDue().active().kid();
    clock.advance(INTERVAL.minus(PRE_PUBLISH));
    String nextKid = r.rotateIfDue().keys().stream()
        .filter(k -> k.state() == KeyState.NEXT).findFirst().orElseThrow().kid();
    clock.advance(PRE_PUBLISH.minusSeconds(1));
    assertEquals(oldKid, r.rotateIfDue().active().kid());
    clock.advance(Duration.ofSeconds(1));
    KeyRing ring = r.rotateIfDue();
    assertEquals(nextKid, ring.active().kid());
    assertEquals(KeyState.RETIRED, ring.find(oldKid).orElseThrow().state());
    assertTrue(ring.published().stream().anyMatch(k -> k.kid().equals(oldKid)));
  }

  @Test
  void rotateIfDueWhenNextCreatedLateThenPromotionWaitsForPrePublish() {
    KeyRotator r = rotator(SigningAlgorithm.ES256);
    String oldKid = r.rotateIfDue().active().kid();
    clock.advance(INTERVAL.plusHours(1));
    assertEquals(oldKid, r.rotateIfDue().active().kid());
    assertEquals(1, count(KeyState.NEXT));
    clock.advance(PRE_PUBLISH.minusSeconds(1));
    assertEquals(oldKid, r.rotateIfDue().active().kid());
    clock.advance(Duration.ofSeconds(1));
    assertNotEquals(oldKid, r.rotateIfDue().active().kid());
  }

  @Test
  void rotateIfDueWhenRetentionPassesThenRetiredKeyRemovedNotBefore() {
    KeyRotator r = rotator(SigningAlgorithm.ES256);
    String oldKid = r.rotateIfDue().active().kid();
    clock.advance(INTERVAL.minus(PRE_PUBLISH));
    r.rotateIfDue();
    clock.advance(PRE_PUBLISH);
    r.rotateIfDue();
    // The policy says 30 minutes, but tokens live up to an hour: the minimum retention wins.
    clock.advance(MIN_RETENTION.minusSeconds(1));
    assertTrue(r.rotateIfDue().find(oldKid).isPresent());
    clock.advance(Duration.ofSeconds(1));
    assertFalse(r.rotateIfDue().find(oldKid).isPresent());
    assertEquals(1, store.findAll().size());
  }

  @Test
  void rotateIfDueWhenAlgorithmChangedThenNewAlgorithmPublishedFirstThenSigns() {
    rotator(SigningAlgorithm.ES256).rotateIfDue();
    KeyRotator r = rotator(SigningAlgorithm.EDDSA);
    KeyRing ring = r.rotateIfDue();
    assertEquals(SigningAlgorithm.ES256, ring.active().algorithm());
    assertEquals(1, count(KeyState.NEXT));
    clock.advance(PRE_PUBLISH);
    assertEquals(SigningAlgorithm.EDDSA, r.rotateIfDue().active().algorithm());
  }

  @Test
  void rotateIfDueWhenTwoActiveKeysThenOlderRetired() {
    SigningKey a = gen.generate(SigningAlgorithm.ES256, KeyState.ACTIVE, t0.minusSeconds(5));
    SigningKey b = gen.generate(SigningAlgorithm.ES256, KeyState.ACTIVE, t0);
    store.add(a);
    store.add(b);
    KeyRing ring = rotator(SigningAlgorithm.ES256).rotateIfDue();
    assertEquals(b.kid(), ring.active().kid());
    assertEquals(KeyState.RETIRED, ring.find(a.kid()).orElseThrow().state());
  }

  @Test
  void rotateIfDueWhenOnlyNextKeyThenPromoted() {
    SigningKey next = gen.generate(SigningAlgorithm.ES256, KeyState.NEXT, t0);
    store.add(next);
    assertEquals(next.kid(), rotator(SigningAlgorithm.ES256).rotateIfDue().active().kid());
  }

  private KeyRotator withRs256Companion(SigningAlgorithm alg) {
    return new KeyRotator(store, POLICY, alg, Set.of(SigningAlgorithm.RS256), clock, gen,
        MIN_RETENTION);
  }

  @Test
  void rotateIfDueWhenCompanionAndEmptyStoreThenOneActiveKeyOfEachPrimarySigns() {
    KeyRing ring = withRs256Companion(SigningAlgorithm.ES256).rotateIfDue();
    assertEquals(2, count(KeyState.ACTIVE));
    assertEquals(SigningAlgorithm.ES256, ring.active().algorithm());
    assertEquals(t0, ring.active(SigningAlgorithm.RS256).orElseThrow().activatedAt());
    assertEquals(2, ring.published().size());
  }

  @Test
  void rotateIfDueWhenCompanionAddedToRunningStoreThenActiveAtOnceAndPrimaryKept() {
    String esKid = rotator(SigningAlgorithm.ES256).rotateIfDue().active().kid();
    clock.advance(Duration.ofMinutes(5));
    KeyRing ring = withRs256Companion(SigningAlgorithm.ES256).rotateIfDue();
    assertEquals(esKid, ring.active().kid());
    assertTrue(ring.active(SigningAlgorithm.RS256).isPresent());
    assertEquals(0, count(KeyState.RETIRED));
  }

  @Test
  void rotateIfDueWhenCompanionIntervalEndsThenEachAlgorithmRotatesOnItsOwn() {
    KeyRotator r = withRs256Companion(SigningAlgorithm.ES256);
    KeyRing first = r.rotateIfDue();
    String es = first.active().kid();
    String rs = first.active(SigningAlgorithm.RS256).orElseThrow().kid();
    clock.advance(INTERVAL.minus(PRE_PUBLISH));
    r.rotateIfDue();
    assertEquals(2, count(KeyState.NEXT));
    clock.advance(PRE_PUBLISH);
    KeyRing ring = r.rotateIfDue();
    assertEquals(SigningAlgorithm.ES256, ring.active().algorithm());
    assertNotEquals(es, ring.active().kid());
    assertNotEquals(rs, ring.active(SigningAlgorithm.RS256).orElseThrow().kid());
    assertEquals(KeyState.RETIRED, ring.find(es).orElseThrow().state());
    assertEquals(KeyState.RETIRED, ring.find(rs).orElseThrow().state());
    assertEquals(2, count(KeyState.ACTIVE));
  }

  @Test
  void rotateIfDueWhenPrimaryWasRs256AndBecomesCompanionThenNewPrimaryPrePublishedFirst() {
    String rs = rotator(SigningAlgorithm.RS256).rotateIfDue().active().kid();
    KeyRotator r = withRs256Companion(SigningAlgorithm.ES256);
    KeyRing during = r.rotateIfDue();
    assertEquals(rs, during.active().kid());
    assertEquals(1, count(KeyState.NEXT));
    clock.advance(PRE_PUBLISH);
    KeyRing after = r.rotateIfDue();
    assertEquals(SigningAlgorithm.ES256, after.active().algorithm());
    assertEquals(rs, after.active(SigningAlgorithm.RS256).orElseThrow().kid());
    assertEquals(0, count(KeyState.RETIRED));
  }

  @Test
  void rotateIfDueWhenCompanionDroppedThenItsKeyRetiredAndPrimaryKeepsSigning() {
    KeyRing before = withRs256Companion(SigningAlgorithm.ES256).rotateIfDue();
    String rs = before.active(SigningAlgorithm.RS256).orElseThrow().kid();
    clock.advance(Duration.ofMinutes(1));
    KeyRing ring = rotator(SigningAlgorithm.ES256).rotateIfDue();
    assertEquals(before.active().kid(), ring.active().kid());
    assertEquals(KeyState.RETIRED, ring.find(rs).orElseThrow().state());
  }

  @Test
  void scheduleWhenStartedThenRotatesOnExecutor() throws Exception {
    CountDownLatch added = new CountDownLatch(1);
    SigningKeyStore observed = new SigningKeyStore() {
      @Override
      public List<SigningKey> findAll() {
        return store.findAll();
      }

      @Override
      public boolean add(SigningKey key) {
        boolean ok = store.add(key);
        added.countDown();
        return ok;
      }

      @Override
      public boolean replace(SigningKey expected, SigningKey replacement) {
        return store.replace(expected, replacement);
      }

      @Override
      public boolean remove(String kid) {
        return store.remove(kid);
      }
    };
    KeyRotator r = new KeyRotator(observed, POLICY, SigningAlgorithm.ES256, clock, gen,
        MIN_RETENTION);
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      ScheduledFuture<?> f = r.schedule(executor, Duration.ofHours(1));
      assertTrue(added.await(30, TimeUnit.SECONDS));
      f.cancel(false);
      assertEquals(1, count(KeyState.ACTIVE));
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void policyWhenPrePublishNotBelowIntervalThenRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new KeyRotationPolicy(Duration.ofDays(1), Duration.ofDays(1), Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> new KeyRotationPolicy(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ZERO));
  }

  @Test
  void rotateIfDueWhenPolicyRetentionLongerThanMinimumThenPolicyKeepsRetiredKey() {
    KeyRotationPolicy longer = new KeyRotationPolicy(INTERVAL, PRE_PUBLISH, Duration.ofHours(3));
    KeyRotator r = new KeyRotator(store, longer, SigningAlgorithm.ES256, clock, gen, MIN_RETENTION);
    String oldKid = r.rotateIfDue().active().kid();
    clock.advance(INTERVAL.minus(PRE_PUBLISH));
    r.rotateIfDue();
    clock.advance(PRE_PUBLISH);
    r.rotateIfDue();

    clock.advance(Duration.ofHours(3).minusSeconds(1));
    assertTrue(r.rotateIfDue().find(oldKid).isPresent(), "removed before the policy's retention");
    clock.advance(Duration.ofSeconds(1));
    assertFalse(r.rotateIfDue().find(oldKid).isPresent());
  }

  @Test
  void rotateIfDueWhenAnotherNodePromotedTheNextKeyFirstThenNoSecondKeyCreated() {
    SigningKey next = gen.generate(SigningAlgorithm.ES256, KeyState.NEXT, t0);
    store.add(next);
    // Another node promotes the same NEXT key between this node's read and its own promotion.
    SigningKeyStore racing = new SigningKeyStore() {
      @Override
      public List<SigningKey> findAll() {
        return store.findAll();
      }

      @Override
      public boolean add(SigningKey key) {
        return store.add(key);
      }

      @Override
      public boolean replace(SigningKey expected, SigningKey replacement) {
        if (expected.kid().equals(next.kid()) && expected.state() == KeyState.NEXT) {
          store.replace(expected, expected.activate(t0));
        }
        return store.replace(expected, replacement);
      }

      @Override
      public boolean remove(String kid) {
        return store.remove(kid);
      }
    };
    KeyRotator r = new KeyRotator(racing, POLICY, SigningAlgorithm.ES256, clock, gen, MIN_RETENTION);

    KeyRing ring = r.rotateIfDue();

    assertEquals(next.kid(), ring.active().kid());
    assertEquals(1, store.findAll().size(), "a lost promotion race must not add a first key");
  }

  @Test
  void rotateIfDueWhenNextPublishedEarlyThenPromotedOnlyWhenTheIntervalEnds() {
    // A NEXT key published long before the interval ends (by an operator, or a node with a
    // shorter interval) waits for the interval; pre-publication alone does not promote it.
    KeyRotator r = rotator(SigningAlgorithm.ES256);
    String activeKid = r.rotateIfDue().active().kid();
    SigningKey early = gen.generate(SigningAlgorithm.ES256, KeyState.NEXT, t0);
    store.add(early);

    clock.advance(PRE_PUBLISH);
    assertEquals(activeKid, r.rotateIfDue().active().kid(), "promoted before the interval ended");
    clock.advance(INTERVAL.minus(PRE_PUBLISH).minusSeconds(1));
    assertEquals(activeKid, r.rotateIfDue().active().kid());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(early.kid(), r.rotateIfDue().active().kid());
  }

  @Test
  void rotateIfDueWhenIntervalOverAndAnotherNodePublishedTheSuccessorFirstThenItsKeyIsPromotedLater() {
    KeyRotator first = rotator(SigningAlgorithm.ES256);
    String oldKid = first.rotateIfDue().active().kid();
    SigningKey theirs = gen.generate(SigningAlgorithm.ES256, KeyState.NEXT, t0.plus(INTERVAL));
    // This node was down through the pre-publish window; when it asks, another node's successor
    // is already in the store and its own is refused.
    SigningKeyStore racing = new SigningKeyStore() {
      @Override
      public List<SigningKey> findAll() {
        return store.findAll();
      }

      @Override
      public boolean add(SigningKey key) {
        if (key.state() == KeyState.NEXT) {
          store.add(theirs);
          return false;
        }
        return store.add(key);
      }

      @Override
      public boolean replace(SigningKey expected, SigningKey replacement) {
        return store.replace(expected, replacement);
      }

      @Override
      public boolean remove(String kid) {
        return store.remove(kid);
      }
    };
    KeyRotator late = new KeyRotator(racing, POLICY, SigningAlgorithm.ES256, clock, gen, MIN_RETENTION);
    clock.advance(INTERVAL);

    KeyRing ring = late.rotateIfDue();

    assertEquals(oldKid, ring.active().kid(), "its own unpublished successor must never sign");
    assertEquals(2, store.findAll().size());
    clock.advance(PRE_PUBLISH);
    assertEquals(theirs.kid(), late.rotateIfDue().active().kid());
  }
}

