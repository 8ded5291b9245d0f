package io.admin.auth.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InFlightLimiterTest {

  @Test
  void tryAcquireWhenCapReachedThenDeniedUntilReleasedAndOtherKeysUnaffected() {
    InFlightLimiter limiter = new InFlightLimiter(2);
    assertTrue(limiter.tryAcquire("ip:10.0.0.1").allowed());
    assertTrue(limiter.tryAcquire("ip:10.0.0.1").allowed());
    RateLimitDecision third = limiter.tryAcquire("ip:10.0.0.1");
    assertFalse(third.allowed());
    assertEquals(Duration.ofSeconds(1), third.retryAfter());
    assertTrue(limiter.tryAcquire("ip:10.0.0.2").allowed());
    limiter.release("ip:10.0.0.1");
    assertTrue(limiter.tryAcquire("ip:10.0.0.1").allowed());
  }

  @Test
  void releaseWhenLastAttemptEndsThenKeyForgotten() {
    InFlightLimiter limiter = new InFlightLimiter(3);
    limiter.tryAcquire("k");
    limiter.tryAcquire("k");
    limiter.release("k");
    assertEquals(1, limiter.size());
    limiter.release("k");
    assertEquals(0, limiter.size());
    limiter.release("k");
    assertEquals(0, limiter.size(), "a stray release never goes negative or creates state");
    assertThrows(IllegalArgumentException.class, () -> new InFlightLimiter(0));
  }

  @Test
  void tryAcquireWhenRefusedAgainAndAgainThenStillRefusedUntilReleased() {
    InFlightLimiter limiter = new InFlightLimiter(1);
    assertEquals(1, limiter.maxPerKey());
    assertTrue(limiter.tryAcquire("ip:10.0.0.1").allowed());

    for (int i = 0; i < 3; i++) {
      assertFalse(limiter.tryAcquire("ip:10.0.0.1").allowed(), "refusal " + i + " freed a slot");
    }
    limiter.release("ip:10.0.0.1");
    assertTrue(limiter.tryAcquire("ip:10.0.0.1").allowed());
  }
}
