package io.admin.auth.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TokenBucketRateLimiterTest {

  private final MutableClock clock = MutableClock.at("2026-03-15T10:00:00Z");

  private TokenBucketRateLimiter limiter(long capacity, long tokens, Duration period, int maxKeys) {
    return TokenBucketRateLimiter.builder().capacity(capacity).refill(tokens, period)
        .clock(clock).maxKeys(maxKeys).build();
  }

  @Test
  void tryAcquireWhenBurstUsedThenDeniedWithTimeToNextToken() {
    TokenBucketRateLimiter l = limiter(3, 1, Duration.ofSeconds(10), 100);
    for (int i = 0; i < 3; i++) {
      assertTrue(l.tryAcquire("ip:1").allowed());
    }
    RateLimitDecision d = l.tryAcquire("ip:1");
    assertFalse(d.allowed());
    assertEquals(Duration.ofSeconds(10), d.retryAfter());
    assertEquals(10, d.retryAfterSeconds());
    clock.advance(Duration.ofSeconds(4));
    assertEquals(Duration.ofSeconds(6), l.tryAcquire("ip:1").retryAfter());
  }

  @Test
  void tryAcquireWhenTimePassesThenRefillsAtRateUpToCapacity() {
    TokenBucketRateLimiter l = limiter(5, 2, Duration.ofSeconds(1), 100);
    for (int i = 0; i < 5; i++) {
      l.tryAcquire("c");
    }
    clock.advance(Duration.ofMillis(1500)); // 3 tokens back
    assertTrue(l.tryAcquire("c").allowed());
    assertTrue(l.tryAcquire("c").allowed());
    assertTrue(l.tryAcquire("c").allowed());
    RateLimitDecision d = l.tryAcquire("c");
    assertFalse(d.allowed());
    assertEquals(Duration.ofMillis(500), d.retryAfter());
    assertEquals(1, d.retryAfterSeconds());
    clock.advance(Duration.ofHours(1)); // capped at capacity, not 7200 tokens
    for (int i = 0; i < 5; i++) {
      assertTrue(l.tryAcquire("c").allowed());
    }
    assertFalse(l.tryAcquire("c").allowed());
  }

  @Test
  void tryAcquireWhenDeniedThenDenialDoesNotConsume() {
    TokenBucketRateLimiter l = limiter(1, 1, Duration.ofSeconds(2), 100);
    l.tryAcquire("k");
    for (int i = 0; i < 10; i++) {
      assertFalse(l.tryAcquire("k").allowed());
    }
    clock.advance(Duration.ofSeconds(2));
    assertTrue(l.tryAcquire("k").allowed());
  }

  @Test
  void tryAcquireWhenKeysDifferThenIndependentBuckets() {
    TokenBucketRateLimiter l = limiter(1, 1, Duration.ofMinutes(1), 100);
    assertTrue(l.tryAcquire("a").allowed());
    assertFalse(l.tryAcquire("a").allowed());
    assertTrue(l.tryAcquire("b").allowed());
  }

  @Test
  void tryAcquireWhenClockStepsBackThenNoRefillAndNoError() {
    TokenBucketRateLimiter l = limiter(1, 1, Duration.ofSeconds(10), 100);
    l.tryAcquire("k");
    clock.advance(Duration.ofSeconds(-60));
    assertFalse(l.tryAcquire("k").allowed());
  }

  @Test
  void tryAcquireWhenMillionDistinctKeysThenSizeNeverExceedsCap() {
    int cap = 10_000;
    TokenBucketRateLimiter l = limiter(5, 1, Duration.ofMinutes(1), cap);
    int max = 0;
    for (int i = 0; i < 1_000_000; i++) {
      assertTrue(l.tryAcquire("ip:" + i).allowed());
      max = Math.max(max, l.size());
    }
    assertEquals(cap, max);
    assertTrue(l.size() <= cap);
  }

  @Test
  void tryAcquireWhenFullOfRefilledBucketsThenThoseAreEvictedFirst() {
    TokenBucketRateLimiter l = limiter(2, 1, Duration.ofSeconds(1), 10);
    for (int i = 0; i < 9; i++) {
      l.tryAcquire("idle" + i);
    }
    l.tryAcquire("hot");
    l.tryAcquire("hot");
    clock.advance(Duration.ofMillis(1000)); // idle buckets are full again, "hot" is at 1 of 2
    l.tryAcquire("new");
    assertEquals(2, l.size());
    assertTrue(l.tryAcquire("hot").allowed());
    assertFalse(l.tryAcquire("hot").allowed());
  }

  @Test
  void buildWhenSettingsInvalidThenIllegalState() {
    assertThrows(IllegalStateException.class, () -> TokenBucketRateLimiter.builder().build());
    assertThrows(IllegalStateException.class,
        () -> TokenBucketRateLimiter.builder().capacity(1).refill(1, Duration.ZERO).build());
    assertThrows(IllegalStateException.class,
        () -> TokenBucketRateLimiter.builder().capacity(1).refill(1, Duration.ofSeconds(1)).maxKeys(0).build());
  }

  @Test
  void tryAcquireWhenClockStepsBackThenForwardAgainThenNoTokenMadeTwice() {
    TokenBucketRateLimiter l = limiter(1, 1, Duration.ofMinutes(1), 100);
    assertTrue(l.tryAcquire("k").allowed());
    clock.advance(Duration.ofSeconds(-60));
    assertFalse(l.tryAcquire("k").allowed());
    clock.advance(Duration.ofSeconds(60));

    // Back at the time the bucket was emptied: the minute spent before it refilled nothing.
    assertFalse(l.tryAcquire("k").allowed(), "the step back was counted as refill time");
    clock.advance(Duration.ofSeconds(60));
    assertTrue(l.tryAcquire("k").allowed());
  }

  @Test
  void buildWhenEachSettingOutOfRangeThenIllegalStateAndAtTheBoundsBuilt() {
    List<Consumer<TokenBucketRateLimiter.Builder>> bad = List.of(
        b -> b.capacity(0),
        b -> b.refill(0, Duration.ofSeconds(1)),
        b -> b.refill(1, null),
        b -> b.refill(1, Duration.ofSeconds(-1)),
        b -> b.refill(1, Duration.ZERO),
        b -> b.clock(null),
        b -> b.maxKeys(0));
    for (var change : bad) {
      TokenBucketRateLimiter.Builder b = TokenBucketRateLimiter.builder().capacity(1)
          .refill(1, Duration.ofSeconds(1)).clock(clock).maxKeys(1);
      change.accept(b);
      assertThrows(IllegalStateException.class, b::build);
    }
    TokenBucketRateLimiter smallest = TokenBucketRateLimiter.builder().capacity(1)
        .refill(1, Duration.ofNanos(1)).clock(clock).maxKeys(1).build();
    assertTrue(smallest.tryAcquire("k").allowed());
  }
}
