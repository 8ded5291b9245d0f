package io.admin.auth.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.testing.MutableClock;
import io.admin.auth.core.testing.RecordingObserver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Observed limits and throttles report each refused attempt under their name, answer exactly as
 * the unobserved ones, and share their state.
 */
class ObservedLimitsTest {

  private final MutableClock clock = MutableClock.atGuideExample();
  private final RecordingObserver observer = new RecordingObserver();

  @Test
  void observedLimiterWhenBucketEmptyThenEachRefusalReportedAndAdmissionsNot() {
    RateLimiter bucket = TokenBucketRateLimiter.builder().capacity(1)
        .refill(1, Duration.ofMinutes(1)).clock(clock).build();
    RateLimiter observed = bucket.observed("token_per_client", observer);
    assertTrue(observed.tryAcquire("client:a").allowed());
    assertFalse(observed.tryAcquire("client:a").allowed());
    assertFalse(observed.tryAcquire("client:a").allowed());
    assertEquals(List.of("rate token_per_client", "rate token_per_client"), observer.calls());
  }

  @Test
  void observedThrottleWhenBlockedThenCheckAndRecordAttemptRefusalsReportedNotTheFailures() {
    FailureThrottle plain = FailureThrottle.builder().maxFailures(2).clock(clock).build();
    FailureThrottle observed = plain.observed("basic_per_user", observer);
    observed.recordFailure("user:ann");
    // The failure that reaches the limit refuses no attempt: it reports on one already made.
    assertFalse(observed.recordFailure("user:ann").allowed());
    assertEquals(List.of(), observer.calls());
    assertFalse(observed.check("user:ann").allowed());
    assertFalse(observed.recordAttempt("user:ann").allowed());
    assertEquals(List.of("rate basic_per_user", "rate basic_per_user"), observer.calls());
  }

  @Test
  void observedThrottleWhenFailuresCountedThroughEitherThenBothSeeTheSameBlock() {
    FailureThrottle plain = FailureThrottle.builder().maxFailures(2).clock(clock).build();
    FailureThrottle observed = plain.observed("client_failures_per_client", observer);
    plain.recordFailure("client:x");
    observed.recordFailure("client:x");
    assertFalse(plain.check("client:x").allowed());
    assertFalse(observed.check("client:x").allowed());
    assertTrue(observed.check("client:y").allowed());
    assertEquals(List.of("rate client_failures_per_client"), observer.calls());
  }
}
