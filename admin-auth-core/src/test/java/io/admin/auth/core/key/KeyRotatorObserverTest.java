package io.admin.auth.core.key;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.store.memory.InMemorySigningKeyStore;
import io.admin.auth.core.testing.MutableClock;
import io.admin.auth.core.testing.RecordingObserver;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rotator tells its observer of each lifecycle step it performs, once, in order. */
class KeyRotatorObserverTest {

  private static final KeyRotationPolicy POLICY = new KeyRotationPolicy(Duration.ofDays(1),
      Duration.ofHours(2), Duration.ofMinutes(30));

  @Test
  void rotateIfDueWhenLifecycleRunsThenCreatedPublishedActivatedRemovedEachOnce() {
    MutableClock clock = MutableClock.atGuideExample();
    RecordingObserver observer = new RecordingObserver();
    KeyRotator rotator = new KeyRotator(new InMemorySigningKeyStore(), POLICY,
        SigningAlgorithm.ES256, Set.of(), clock, new SigningKeys(new SecureRandom()),
        Duration.ofMinutes(61), observer);
    rotator.rotateIfDue();
    rotator.rotateIfDue();
    assertEquals(List.of("key created"), observer.calls());
    clock.advance(Duration.ofHours(22));
    rotator.rotateIfDue();
    assertEquals(List.of("key created", "key published"), observer.calls());
    clock.advance(Duration.ofHours(2));
    rotator.rotateIfDue();
    assertEquals(List.of("key created", "key published", "key activated"), observer.calls());
    clock.advance(Duration.ofHours(2));
    rotator.rotateIfDue();
    assertEquals(List.of("key created", "key published", "key activated", "key removed"),
        observer.calls());
  }
}
