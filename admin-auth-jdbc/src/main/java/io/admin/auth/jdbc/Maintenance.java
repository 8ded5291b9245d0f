package io.admin.auth.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One purge cycle: expired revocations, refresh tokens, failure counts and sign-in sessions,
 * authorization codes expired for longer than {@link JdbcAuthorizationCodeStore#REPLAY_WINDOW},
 * and API keys dead (expired or revoked) for longer than the retention, each deleted in bounded
 * batches. On PostgreSQL one node per cycle does it (a session advisory try-lock; the others skip
 * their turn); each node still trims its own revocation cache.
 */
final class Maintenance {

  private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

  private final Jdbc jdbc;
  private final Clock clock;
  private final JdbcRevocationStore revocations;
  private final JdbcRefreshTokenStore refreshTokens;
  private final JdbcApiKeyStore apiKeys;
  private final Duration apiKeyRetention;
  private final JdbcFailureCountStore failureCounts;
  private final JdbcAuthorizationCodeStore codes;
  private final JdbcSignInSessionStore sessions;

  Maintenance(Jdbc jdbc, Clock clock, JdbcRevocationStore revocations,
      JdbcRefreshTokenStore refreshTokens, JdbcApiKeyStore apiKeys, Duration apiKeyRetention,
      JdbcFailureCountStore failureCounts, JdbcAuthorizationCodeStore codes,
      JdbcSignInSessionStore sessions) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.revocations = revocations;
    this.refreshTokens = refreshTokens;
    this.apiKeys = apiKeys;
    this.apiKeyRetention = apiKeyRetention;
    this.failureCounts = failureCounts;
    this.codes = Objects.requireNonNull(codes, "codes");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
  }

  /** Runs one cycle; returns how many rows this node deleted (0 when another node had the turn). */
  int purgeOnce() {
    if (jdbc.dialect() != Dialect.POSTGRESQL) {
      return purge(clock.instant());
    }
    return jdbc.withConnection("purging expired rows", c -> {
      if (!DbLock.PURGE.tryAcquireSession(c)) {
        revocations.purgeLocalCache(clock.instant());
        LOG.debug("another node is purging; skipping this cycle");
        return 0;
      }
      try {
        return purge(clock.instant());
      } finally {
        releaseQuietly(c);
      }
    });
  }

  /** Runs {@link #purgeOnce} and logs instead of throwing (for the scheduler). */
  void purgeQuietly() {
    try {
      purgeOnce();
    } catch (RuntimeException e) {
      LOG.warn("purging expired rows failed; the next cycle retries", e);
    }
  }

  private int purge(Instant now) {
    int revoked = revocations.purgeExpired(now);
    int refresh = refreshTokens.purgeExpired(now);
    int keys = apiKeys.purgeDeadBefore(now.minus(apiKeyRetention));
    int failures = failureCounts.purgeExpired(now);
    int codeRows = codes.purgeExpired(now.minus(JdbcAuthorizationCodeStore.REPLAY_WINDOW));
    int sessionRows = sessions.purgeExpired(now);
    int total = revoked + refresh + keys + failures + codeRows + sessionRows;
    if (total > 0) {
      LOG.info("purged {} revocations, {} refresh tokens, {} dead API keys, {} failure counts,"
          + " {} authorization codes and {} sign-in sessions", revoked, refresh, keys, failures,
          codeRows, sessionRows);
    }
    return total;
  }

  private static void releaseQuietly(Connection c) {
    try {
      DbLock.PURGE.releaseSession(c);
    } catch (SQLException e) {
      // Closing the connection ends the session, which releases the lock anyway.
      LOG.debug("could not release the purge lock explicitly", e);
    }
  }
}
