package io.admin.auth.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Throttles on one {@link InMemoryFailureCountStore} stand for nodes sharing a database store:
 * they count the same failures, and namespaces keep different throttles' counts apart.
 */
class SharedFailureThrottleTest {

  private final MutableClock clock = MutableClock.at("2026-03-15T10:00:00Z");
  private final InMemoryFailureCountStore store = new InMemoryFailureCountStore(100);

  private FailureThrottle node(String namespace, int maxFailures) {
    return FailureThrottle.builder().maxFailures(maxFailures).window(Duration.ofMinutes(5))
        .blockDuration(Duration.ofMinutes(5)).clock(clock).store(store).namespace(namespace)
        .build();
  }

  @Test
  void recordAttemptWhenAlternatingOverTwoThrottlesOnOneStoreThenBlockedAtTheLimit() {
    FailureThrottle a = node("basic-user", 4);
    FailureThrottle b = node("basic-user", 4);
    for (int i = 0; i < 4; i++) {
      assertTrue((i % 2 == 0 ? a : b).recordAttempt("user:alice").allowed(), "attempt " + i);
    }
    assertFalse(a.recordAttempt("user:alice").allowed());
    assertFalse(b.check("user:alice").allowed());
    assertEquals(1, store.size());
  }

  @Test
  void forgiveOnOtherThrottleThenCountTakenBack() {
    FailureThrottle a = node("basic-user", 2);
    FailureThrottle b = node("basic-user", 2);
    a.recordAttempt("user:alice");
    a.recordAttempt("user:alice");
    assertFalse(b.check("user:alice").allowed());
    b.forgive("user:alice");
    assertTrue(a.check("user:alice").allowed());
  }

  @Test
  void recordFailureWhenNamespacesDifferThenCountsDoNotMix() {
    FailureThrottle basic = node("basic-address", 2);
    FailureThrottle client = node("client-address", 2);
    basic.recordFailure("10.0.0.1");
    assertFalse(basic.recordFailure("10.0.0.1").allowed());
    assertTrue(client.check("10.0.0.1").allowed());
    assertTrue(client.recordFailure("10.0.0.1").allowed());
    assertEquals(2, store.size());
  }

  @Test
  void resetOnOneThrottleThenForgottenByTheOther() {
    FailureThrottle a = node("basic-user", 1);
    FailureThrottle b = node("basic-user", 1);
    a.recordFailure("user:alice");
    b.reset("user:alice");
    assertTrue(a.check("user:alice").allowed());
  }

  @Test
  void recordFailureWhenNamespaceAndKeyDivideTheSameTextDifferentlyThenCountsDoNotMix() {
    // "basic" + "-user:alice" and "basic-" + "user:alice" are the same characters: the digest
    // must still tell the namespace from the key.
    FailureThrottle a = node("basic", 1);
    FailureThrottle b = node("basic-", 1);
    assertFalse(a.recordFailure("-user:alice").allowed());
    assertTrue(b.check("user:alice").allowed());
    assertEquals(1, store.size());
  }

  @Test
  void forgiveWhenFailuresLeftStillReachThisThrottlesLimitThenBlockStays() {
    // During a rolling change of the limit, nodes sharing a store count against different limits.
    FailureThrottle lenient = node("basic-user", 5);
    FailureThrottle strict = node("basic-user", 2);
    lenient.recordFailure("user:alice");
    lenient.recordFailure("user:alice");
    assertTrue(strict.recordAttempt("user:alice").allowed(), "the attempt reaching the limit runs");
    assertFalse(strict.check("user:alice").allowed());

    strict.forgive("user:alice");

    assertFalse(strict.check("user:alice").allowed(), "two failures are left, the limit is two");
  }
}

