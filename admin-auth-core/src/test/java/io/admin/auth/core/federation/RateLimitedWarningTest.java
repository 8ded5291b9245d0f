package io.admin.auth.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.admin.auth.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class RateLimitedWarningTest {

  // The logger is the edge to the logging backend; a mock is the only way to count lines.
  private final Logger log = mock(Logger.class);
  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-15T10:00:00Z"));
  private final RateLimitedWarning warning = new RateLimitedWarning(log, clock, Duration.ofMinutes(1));

  @Test
  void warnWhenRepeatedWithinIntervalThenLoggedOnceAndRestCounted() {
    for (int i = 0; i < 50; i++) {
      warning.warn("fetch from {} failed: {}", "https://idp", "timeout");
    }

    verify(log, times(1)).warn("fetch from {} failed: {}", new Object[] {"https://idp", "timeout"});
    assertEquals(49, warning.suppressed());
  }

  @Test
  void warnWhenIntervalPassedThenLoggedAgainWithSuppressedCount() {
    warning.warn("fetch from {} failed: {}", "https://idp", "timeout");
    warning.warn("fetch from {} failed: {}", "https://idp", "timeout");
    clock.advance(Duration.ofMinutes(1));
    warning.warn("fetch from {} failed: {}", "https://idp", "timeout");

    verify(log).warn("fetch from {} failed: {} ({} similar warnings suppressed)",
        new Object[] {"https://idp", "timeout", 1L});
    verify(log, times(2)).warn(anyString(), any(Object[].class));
  }
}
