package io.admin.auth.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.testing.LogCapture;
import io.admin.auth.core.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
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
    assertEquals(10, small.size(), "the refused key was stored beyond the cap");
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
    assertEquals(2, throttle.storedKeys().size());
    for (Object stored : throttle.storedKeys()) {
      assertTrue(stored.toString().matches("Digest\\[[0-9a-f]{1,16}\\.\\.\\.]"), stored.toString());
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

  @Test
  void recordAttemptWhenFullOfActiveBlocksThenRefusedAndNothingCounted() {
    FailureThrottle small = FailureThrottle.builder().maxFailures(1).maxKeys(2)
        .blockDuration(Duration.ofMinutes(5)).clock(clock).build();
    small.recordFailure("user:blocked-1");
    small.recordFailure("user:blocked-2");

    RateLimitDecision refused = small.recordAttempt("user:newcomer");

    assertFalse(refused.allowed(), "fail closed: an attempt that cannot be counted must not run");
    assertEquals(Duration.ofMinutes(5), refused.retryAfter());
    assertEquals(2, small.size());
    assertTrue(small.check("user:newcomer").allowed(), "nothing was counted for the refused key");
  }

  @Test
  void forgiveWhenBlockAlreadyServedThenNextFailureStartsANewCount() {
    // Window longer than the block: the count's window is still open when the block has ended.
    FailureThrottle t = FailureThrottle.builder().maxFailures(3).window(Duration.ofMinutes(10))
        .blockDuration(Duration.ofMinutes(1)).clock(clock).build();
    for (int i = 0; i < 3; i++) {
      t.recordAttempt("user:alice");
    }
    clock.advance(Duration.ofMinutes(2));
    // The third attempt succeeds late (a queued hash, or another node forgiving it).
    t.forgive("user:alice");

    assertTrue(t.recordFailure("user:alice").allowed(), "one failure after a served block");
    assertTrue(t.recordFailure("user:alice").allowed(), "two failures after a served block");
    assertFalse(t.recordFailure("user:alice").allowed());
  }

  @Test
  void recordFailureWhenBlockOutlastsWindowThenFloodAfterTheWindowNeverUnblocks() {
    // The state must live until the block ends, not only until its window ends: an expired state
    // is the first to be forgotten when the store is full.
    FailureThrottle small = FailureThrottle.builder().maxFailures(2).maxKeys(10)
        .window(Duration.ofMinutes(1)).blockDuration(Duration.ofMinutes(10)).clock(clock).build();
    small.recordFailure("user:victim");
    small.recordFailure("user:victim");
    clock.advance(Duration.ofMinutes(2));

    for (int i = 0; i < 100; i++) {
      small.recordFailure("user:flood-" + i);
    }

    assertFalse(small.check("user:victim").allowed(), "the flood unblocked the victim");
  }

  @Test
  void recordFailureWhenFullOfActiveBlocksThenWarnedOncePerEpisode() {
    FailureThrottle small = FailureThrottle.builder().maxFailures(1).maxKeys(2)
        .blockDuration(Duration.ofMinutes(5)).clock(clock).build();
    String warning = "Failure throttle full of active blocks";
    try (LogCapture log = new LogCapture()) {
      small.recordFailure("user:blocked-1");
      small.recordFailure("user:blocked-2");
      assertEquals(0, log.linesContaining(warning).size(), "warned before anything was refused");

      small.recordFailure("user:newcomer-1");
      small.recordAttempt("user:newcomer-2");
      small.recordFailure("user:newcomer-3");
      assertEquals(1, log.linesContaining(warning).size(), "one warning per episode, not per refusal");

      clock.advance(Duration.ofMinutes(5));
      small.recordFailure("user:blocked-3"); // room again: the old blocks have been served
      small.recordFailure("user:blocked-4");
      small.recordFailure("user:newcomer-4");
      assertEquals(2, log.linesContaining(warning).size(), "a new episode is warned again");
    }
  }

  @Test
  void buildWhenEachSettingOutOfRangeThenIllegalStateAndAtTheBoundsBuilt() {
    for (Consumer<FailureThrottle.Builder> bad : List.<Consumer<FailureThrottle.Builder>>of(
        b -> b.maxFailures(0),
        b -> b.window(null),
        b -> b.window(Duration.ofSeconds(-1)),
        b -> b.window(Duration.ZERO),
        b -> b.blockDuration(null),
        b -> b.blockDuration(Duration.ofSeconds(-1)),
        b -> b.blockDuration(Duration.ZERO),
        b -> b.clock(null),
        b -> b.maxKeys(0))) {
      FailureThrottle.Builder builder = FailureThrottle.builder();
      bad.accept(builder);
      assertThrows(IllegalStateException.class, builder::build);
    }
    FailureThrottle smallest = FailureThrottle.builder().maxFailures(1).window(Duration.ofNanos(1))
        .blockDuration(Duration.ofNanos(1)).maxKeys(1).clock(clock).build();
    assertFalse(smallest.recordFailure("k").allowed());
  }

  @Test
  void recordFailureWhenEachWithinAWindowOfThePreviousButNotOfTheFirstThenNotBlocked() {
    // The window is fixed at the first failure of a count; it does not slide with each failure.
    throttle.recordFailure("user:carol");
    clock.advance(Duration.ofSeconds(40));
    throttle.recordFailure("user:carol");
    clock.advance(Duration.ofSeconds(40));

    assertTrue(throttle.recordFailure("user:carol").allowed());
    assertTrue(throttle.check("user:carol").allowed());
  }
}
