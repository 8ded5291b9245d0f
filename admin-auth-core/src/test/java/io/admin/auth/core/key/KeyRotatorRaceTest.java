package io.admin.auth.core.key;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.spi.SigningKeyStore;
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
 * Two nodes share one key store. Whenever this node is about to promote or remove a key, the other
 * node runs its own rotation first and wins: each step is then reported once, by the node that
 * performed it, as the observer's contract in {@link KeyRotator} promises.
 */
class KeyRotatorRaceTest {

  private static final KeyRotationPolicy POLICY = new KeyRotationPolicy(Duration.ofDays(1),
      Duration.ofHours(2), Duration.ofMinutes(30));

  private final MutableClock clock = MutableClock.atGuideExample();
  private final Instant t0 = clock.instant();
  private final InMemorySigningKeyStore shared = new InMemorySigningKeyStore();
  private final SigningKeys gen = new SigningKeys(new SecureRandom());
  private final RecordingObserver ours = new RecordingObserver();
  private final RecordingObserver theirs = new RecordingObserver();

  private KeyRotator node(SigningKeyStore store, RecordingObserver observer,
      SigningAlgorithm... companions) {
    return new KeyRotator(store, POLICY, SigningAlgorithm.ES256, Set.of(companions), clock, gen,
        Duration.ofMinutes(61), observer);
  }

  /** The shared store as this node sees it: the other node acts just before each change. */
  private SigningKeyStore overtakenBy(KeyRotator other) {
    return new SigningKeyStore() {
      @Override
      public List<SigningKey> findAll() {
        return shared.findAll();
      }

      @Override
      public boolean add(SigningKey key) {
        return shared.add(key);
      }

      @Override
      public boolean replace(SigningKey expected, SigningKey replacement) {
        other.rotateIfDue();
        return shared.replace(expected, replacement);
      }

      @Override
      public boolean remove(String kid) {
        other.rotateIfDue();
        return shared.remove(kid);
      }
    };
  }

  @Test
  void rotateIfDueWhenAnotherNodePromotesAndRemovesFirstThenOnlyItReportsThoseSteps() {
    KeyRotator other = node(shared, theirs);
    KeyRotator us = node(overtakenBy(other), ours);
    us.rotateIfDue();
    clock.advance(Duration.ofHours(22));
    us.rotateIfDue();
    clock.advance(Duration.ofHours(2));
    String promoted = us.rotateIfDue().active().kid();
    clock.advance(Duration.ofHours(2));
    us.rotateIfDue();

    assertEquals(List.of("key created", "key published"), ours.calls());
    assertEquals(List.of("key activated", "key removed"), theirs.calls());
    assertEquals(List.of(promoted), shared.findAll().stream().map(SigningKey::kid).toList());
  }

  @Test
  void rotateIfDueWhenAnotherNodeActivatesTheOnlySuccessorFirstThenNothingReportedHere() {
    SigningKey next = gen.generate(SigningAlgorithm.ES256, KeyState.NEXT, t0);
    shared.add(next);
    KeyRotator us = node(overtakenBy(node(shared, theirs)), ours);

    KeyRing ring = us.rotateIfDue();

    assertEquals(next.kid(), ring.active().kid());
    assertEquals(List.of(), ours.calls());
    assertEquals(List.of("key activated"), theirs.calls());
  }

  @Test
  void rotateIfDueWhenAnotherNodeActivatesTheCompanionsSuccessorFirstThenNothingReportedHere() {
    node(shared, ours).rotateIfDue();
    SigningKey rsNext = gen.generate(SigningAlgorithm.RS256, KeyState.NEXT, t0);
    shared.add(rsNext);
    KeyRotator other = node(shared, theirs, SigningAlgorithm.RS256);
    KeyRotator us = node(overtakenBy(other), ours, SigningAlgorithm.RS256);

    KeyRing ring = us.rotateIfDue();

    assertEquals(rsNext.kid(), ring.active(SigningAlgorithm.RS256).orElseThrow().kid());
    assertEquals(List.of("key created"), ours.calls());
    assertEquals(List.of("key activated"), theirs.calls());
  }
}
