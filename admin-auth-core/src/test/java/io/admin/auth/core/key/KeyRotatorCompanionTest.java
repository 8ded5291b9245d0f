package io.admin.auth.core.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.store.memory.InMemorySigningKeyStore;
import io.admin.auth.core.testing.MutableClock;
import io.admin.auth.core.testing.RecordingObserver;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Companion algorithms rotate beside the primary without taking its place: the primary never
 * promotes a companion's successor, an algorithm change keeps the old primary signing until its
 * successor is ready even when a companion key is newer, and a companion's published successor is
 * activated rather than replaced by a fresh, unpublished key.
 */
class KeyRotatorCompanionTest {

  private static final Duration INTERVAL = Duration.ofDays(1);
  private static final Duration PRE_PUBLISH = Duration.ofHours(2);
  private static final KeyRotationPolicy POLICY =
      new KeyRotationPolicy(INTERVAL, PRE_PUBLISH, Duration.ofMinutes(30));

  private final MutableClock clock = MutableClock.atGuideExample();
  private final Instant t0 = clock.instant();
  private final InMemorySigningKeyStore store = new InMemorySigningKeyStore();
  private final SigningKeys gen = new SigningKeys(new SecureRandom());
  private final RecordingObserver observer = new RecordingObserver();

  private KeyRotator rotator(SigningAlgorithm primary, SigningAlgorithm... companions) {
    return new KeyRotator(store, POLICY, primary, Set.of(companions), clock, gen,
        Duration.ofMinutes(61), observer);
  }

  private List<SigningKey> keys(SigningAlgorithm alg, KeyState state) {
    return store.findAll().stream()
        .filter(k -> k.algorithm() == alg && k.state() == state).toList();
  }

  @Test
  void rotateIfDueWhenCompanionFirstKeyCreatedThenObserverToldOfBothCreations() {
    rotator(SigningAlgorithm.ES256, SigningAlgorithm.RS256).rotateIfDue();

    assertEquals(List.of("key created", "key created"), observer.calls());
  }

  @Test
  void rotateIfDueWhenCompanionHasAnOlderSuccessorThenPrimaryPublishesAndPromotesItsOwn() {
    KeyRotator r = rotator(SigningAlgorithm.ES256, SigningAlgorithm.RS256);
    KeyRing first = r.rotateIfDue();
    String es = first.active().kid();
    // A companion successor published at once (by an operator, or a node with a shorter interval).
    SigningKey rsNext = gen.generate(SigningAlgorithm.RS256, KeyState.NEXT, t0);
    store.add(rsNext);

    clock.advance(INTERVAL.minus(PRE_PUBLISH));
    r.rotateIfDue();
    assertEquals(1, keys(SigningAlgorithm.ES256, KeyState.NEXT).size(),
        "the primary must pre-publish a successor of its own algorithm");
    String esNext = keys(SigningAlgorithm.ES256, KeyState.NEXT).get(0).kid();

    clock.advance(PRE_PUBLISH);
    KeyRing ring = r.rotateIfDue();
    assertEquals(esNext, ring.active().kid());
    assertEquals(KeyState.RETIRED, ring.find(es).orElseThrow().state());
    assertEquals(rsNext.kid(), ring.active(SigningAlgorithm.RS256).orElseThrow().kid());
  }

  @Test
  void rotateIfDueWhenAlgorithmChangesAndACompanionKeyIsNewerThenOldPrimaryKeepsSigning() {
    String rs = rotator(SigningAlgorithm.RS256).rotateIfDue().active().kid();
    clock.advance(Duration.ofMinutes(1));
    String ed = rotator(SigningAlgorithm.RS256, SigningAlgorithm.EDDSA).rotateIfDue()
        .active(SigningAlgorithm.EDDSA).orElseThrow().kid();
    clock.advance(Duration.ofMinutes(1));
    KeyRotator changed = rotator(SigningAlgorithm.ES256, SigningAlgorithm.EDDSA);

    KeyRing during = changed.rotateIfDue();

    assertEquals(rs, during.active().kid(), "the old primary signs until ES256 is pre-published");
    assertEquals(KeyState.ACTIVE, during.find(rs).orElseThrow().state());
    assertEquals(ed, during.active(SigningAlgorithm.EDDSA).orElseThrow().kid());
    assertEquals(1, keys(SigningAlgorithm.ES256, KeyState.NEXT).size());

    clock.advance(PRE_PUBLISH);
    KeyRing after = changed.rotateIfDue();
    assertEquals(SigningAlgorithm.ES256, after.active().algorithm());
    assertEquals(KeyState.RETIRED, after.find(rs).orElseThrow().state());
    assertEquals(ed, after.active(SigningAlgorithm.EDDSA).orElseThrow().kid());
  }

  @Test
  void rotateIfDueWhenCompanionHasOnlyAPublishedSuccessorThenThatKeyIsActivated() {
    rotator(SigningAlgorithm.ES256).rotateIfDue();
    // Its successor is in every verifier's JWK Set already; a fresh key would not be.
    SigningKey rsNext = gen.generate(SigningAlgorithm.RS256, KeyState.NEXT, t0);
    store.add(rsNext);
    clock.advance(Duration.ofMinutes(1));

    KeyRing ring = rotator(SigningAlgorithm.ES256, SigningAlgorithm.RS256).rotateIfDue();

    assertEquals(rsNext.kid(), ring.active(SigningAlgorithm.RS256).orElseThrow().kid());
    assertEquals(clock.instant(), ring.active(SigningAlgorithm.RS256).orElseThrow().activatedAt());
    assertEquals(1, store.findAll().stream()
        .filter(k -> k.algorithm() == SigningAlgorithm.RS256).count());
    assertEquals(List.of("key created", "key activated"), observer.calls());
  }

  @Test
  void rotateIfDueWhenPrimaryHasOnlyAPublishedSuccessorThenActivatedAndReported() {
    SigningKey next = gen.generate(SigningAlgorithm.ES256, KeyState.NEXT, t0);
    store.add(next);

    KeyRing ring = rotator(SigningAlgorithm.ES256).rotateIfDue();

    assertEquals(next.kid(), ring.active().kid());
    assertEquals(1, store.findAll().size());
    assertEquals(List.of("key activated"), observer.calls());
    assertEquals(t0, ring.active().activatedAt());
    assertTrue(keys(SigningAlgorithm.ES256, KeyState.NEXT).isEmpty());
  }
}
