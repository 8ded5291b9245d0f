package io.admin.auth.core.federation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * Logs a repeating failure at most once per interval, with the number of repeats it swallowed, so
 * an unreachable provider is visible without one log line per request.
 */
final class RateLimitedWarning {
  private final Logger log;
  private final Clock clock;
  private final Duration interval;
  private Instant lastLogged;
  private long suppressed;

  RateLimitedWarning(Logger log, Clock clock, Duration interval) {
    this.log = log;
    this.clock = clock;
    this.interval = interval;
  }

  /** Logs the SLF4J {@code pattern} with {@code args} unless a warning was logged within the interval. */
  synchronized void warn(String pattern, Object... args) {
    Instant now = clock.instant();
    if (lastLogged != null && now.isBefore(lastLogged.plus(interval))) {
      suppressed++;
      return;
    }
    if (suppressed > 0) {
      Object[] withCount = java.util.Arrays.copyOf(args, args.length + 1);
      withCount[args.length] = suppressed;
      log.warn(pattern + " ({} similar warnings suppressed)", withCount);
    } else {
      log.warn(pattern, args);
    }
    lastLogged = now;
    suppressed = 0;
  }

  /** Number of warnings swallowed since the last one logged (for tests). */
  synchronized long suppressed() {
    return suppressed;
  }
}
