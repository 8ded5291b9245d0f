package io.admin.auth.core.issue;

import io.admin.auth.core.internal.keyring.KeyRingCache;
import io.admin.auth.core.spi.RefreshTokenStore;
import io.admin.auth.core.spi.RevocationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token service's housekeeping: due key-rotation steps, and the purge of revocations,
 * refresh tokens and authorization codes that can no longer matter. Rotation also happens on use, so this only keeps
 * rotation on schedule for an idle service and bounds the stores' growth.
 */
final class Maintenance {

  // The facade's category, as before these parts were split out of it: log settings still apply.
  private static final Logger LOG = LoggerFactory.getLogger(DefaultTokenService.class);

  private final KeyRingCache keys;
  private final RevocationStore revocations;
  private final RefreshTokenStore refreshTokens;
  private final AuthorizationCodes codes;
  private final Clock clock;

  Maintenance(KeyRingCache keys, RevocationStore revocations, RefreshTokenStore refreshTokens,
      AuthorizationCodes codes, Clock clock) {
    this.keys = keys;
    this.revocations = revocations;
    this.refreshTokens = refreshTokens;
    this.codes = codes;
    this.clock = clock;
  }

  /** One run; a store that cannot be reached throws {@code AuthUnavailableException}. */
  void run() {
    Instant now = clock.instant();
    keys.rotateNow();
    int revoked = revocations.purgeExpired(now);
    int refresh = refreshTokens.purgeExpired(now);
    int purgedCodes = codes.purgeExpired(now);
    LOG.debug("Maintenance purged {} revocations, {} refresh tokens and {} authorization codes",
        revoked, refresh, purgedCodes);
  }

  /**
   * Runs every {@code period} on {@code executor} (owned by the caller). A failed run is logged
   * and retried at the next tick: an exception escaping the task would cancel the schedule.
   */
  ScheduledFuture<?> schedule(ScheduledExecutorService executor, Duration period) {
    Objects.requireNonNull(executor, "executor");
    return executor.scheduleWithFixedDelay(() -> {
      try {
        run();
      } catch (RuntimeException e) {
        LOG.warn("Token service maintenance failed; will retry", e);
      }
    }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }
}
