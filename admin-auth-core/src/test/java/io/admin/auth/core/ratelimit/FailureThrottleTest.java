package io.admin.auth.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {

  private final MutableClock clock = MutableClock.at("2026-03-15T10:00:00Z");
  private final FailureThrottle throttle = FailureThrottle.builder().maxFailures(3)
      .window(Duration.ofMinutes(1)).blockDuration(Duration.ofMinutes(5)).clock(clock).build();

  @Test
  void recordFailureWhenLimitReachedWithinWindowThenBlockedForBlockDuration() {
    assertTrue(throttle.recordFailure("user:alice").allowed());
    assertTrue(throttle.recordFailure("user:alice").allowed());
    RateLimitDecision third = throttle.recordFailure("user:alice");
    assertFalse(third.allowed());
    assertEquals(Duration.ofMinutes(5), third.retryAfter());
    clock.advance(Duration.ofMinutes(2));
    RateLimitDecision check = throttle.check("user:alice");
    assertFalse(check.allowed());
    assertEquals(180, check.retryAfterSeconds());
    clock.advance(Duration.ofMinutes(3));
    assertTrue(throttle.check("user:alice").allowed());
  }

  @Test
  void recordFailureWhenSpreadBeyondWindowThenNotBlocked() {
    throttle.recordFailure("ip:10.0.0.1");
    throttle.recordFailure("ip:10.0.0.1");
    clock.advance(Duration.ofMinutes(1));
    assertTrue(throttle.recordFailure("ip:10.0.0.1").allowed());
    assertTrue(throttle.check("ip:10.0.0.1").allowed());
  }

  @Test
  void recordFailureWhileBlockedThenBlockNotExtended() {
    for (int i = 0; i < 3; i++) {
      throttle.recordFailure("k");
    }
    clock.advance(Duration.ofMinutes(4));
    assertEquals(Duration.ofMinutes(1), throttle.recordFailure("k").retryAfter());
  }

  @Test
  void resetWhenCalledThenCountForgotten() {
    throttle.recordFailure("user:bob");
    throttle.recordFailure("user:bob");
    throttle.reset("user:bob");
    assertTrue(throttle.recordFailure("user:bob").allowed());
    assertTrue(throttle.recordFailure("user:bob").allowed());
    assertFalse(throttle.recordFailure("user:bob").allowed());
  }

  @Test
  void checkWhenUnknownKeyThenAllowedAndNoStateCreated() {
    assertTrue(throttle.check("never-seen").allowed());
    assertEquals(0, throttle.size());
  }

  @Test
  void recordFailureWhenFloodOfDistinctKeysThenSizeNeverExceedsCap() {
    FailureThrottle small = FailureThrottle.builder().maxKeys(1000).clock(clock).build();
    for (int i = 0; i < 200_000; i++) {
      small.recordFailure("ip:" + i);
      assertTrue(small.size() <= 1000);
    }
  }

  @Test
  void recordFailureWhenFloodOfDistinctKeysThenActiveBlockNeverEvicted() {
    FailureThrottle small = FailureThrottle.builder().maxFailures(3).maxKeys(10).clock(clock).build();
    for (int i = 0; i < 3; i++) {
      small.recordFailure("user:victim");
    }
    for (int i = 0; i < 10_000; i++) {
      small.recordFailure("user:flood-" + i);
    }
    assertFalse(small.check("user:victim").allowed(), "the flood unblocked the victim");
    assertTrue(small.size() <= 10);
  }

  @Test
  void recordFailureWhenFullOfActiveBlocksThenNewKeysRefusedAndBlocksKept() {
    FailureThrottle small = FailureThrottle.builder().maxFailures(1).maxKeys(10)
        .blockDuration(Duration.ofMinutes(5)).clock(clock).build();
    for (int i = 0; i < 10; i++) {
      assertFalse(small.recordFailure("user:blocked-" + i).allowed());
    }
    RateLimitDecision refused = small.recordFailure("user:newcomer");
    assertFalse(refused.allowed(), "fail closed: an untracked failure is refused");
    assertEquals(Duration.ofMinutes(5), refused.retryAfter());
    for (int i = 0; i < 10; i++) {
      assertFalse(small.check("user:blocked-" + i).allowed(), "block " + i + " was evicted");
    }
    clock.advance(Duration.ofMinutes(5));
    small.recordFailure("user:newcomer");
    assertFalse(small.check("user:newcomer").allowed(), "once blocks expire there is room again");
    assertTrue(small.check("user:blocked-0").allowed());
  }

  @Test
  void recordFailureWhenKeyIsLongThenStoredKeyIsAFixedSizeDigest() {
    String longName = "user:" + "x".repeat(3000);
    throttle.recordFailure(longName);
    throttle.recordFailure("user:a");
    for (Object stored : throttle.storedKeys()) {
      assertFalse(stored.toString().contains("xxxx"), "raw name retained: " + stored);
      assertFalse(stored.toString().contains("user:a"), "raw name retained: " + stored);
    }
    assertEquals(2, throttle.size());
  }

  @Test
  void recordAttemptWhenCountedInAdvanceThenBlocksOnlyLaterAttemptsAndForgiveTakesItBack() {
    assertTrue(throttle.recordAttempt("ip:a").allowed());
    assertTrue(throttle.recordAttempt("ip:a").allowed());
    assertTrue(throttle.recordAttempt("ip:a").allowed(), "the attempt reaching the limit may run");
    RateLimitDecision fourth = throttle.recordAttempt("ip:a");
    assertFalse(fourth.allowed());
    assertEquals(Duration.ofMinutes(5), fourth.retryAfter());
    throttle.forgive("ip:a");
    assertTrue(throttle.check("ip:a").allowed(), "the success lifted the block it caused");
    assertFalse(throttle.recordFailure("ip:a").allowed(), "two failures are still counted");
  }

  @Test
  void forgiveWhenUnknownKeyThenNoStateCreated() {
    throttle.forgive("never-seen");
    assertEquals(0, throttle.size());
  }

  @Test
  void buildWhenInvalidThenIllegalState() {
    assertThrows(IllegalStateException.class, () -> FailureThrottle.builder().maxFailures(0).build());
    assertThrows(IllegalStateException.class, () -> FailureThrottle.builder().window(Duration.ZERO).build());
  }
}
