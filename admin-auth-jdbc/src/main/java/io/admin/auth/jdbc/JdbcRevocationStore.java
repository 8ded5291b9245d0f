package io.admin.auth.jdbc;

import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.spi.RevocationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

/**
 * {@link RevocationStore} in tables {@code admin_auth_revoked_token} and {@code
 * admin_auth_revoked_family}, answered on the verification hot path from a node-local cache.
 *
 * <p><b>How revocations reach other nodes, and how stale a node can be.</b> A revocation is written
 * and, on PostgreSQL, announced with {@code pg_notify} in the same transaction, so every node
 * listening on channel {@value #CHANNEL} receives it right after commit (typically milliseconds;
 * the two-node test measures it against the 1 s target). The node that revoked updates its own
 * cache at once. Every {@code pollInterval} each node also re-reads the whole list, which covers
 * notifications lost while its listener was reconnecting (it also re-reads after every reconnect);
 * H2, a single-process database, relies on this poll alone. So a revocation is seen by every node
 * within {@code pollInterval} plus one query even when notifications fail. If the list has not
 * been refreshed successfully for {@code maxStaleness} (database unreachable), {@link #isRevoked}
 * tries the database itself (one thread at a time, at most once a second) and otherwise throws
 * {@link AuthUnavailableException}: an answer that may be missing a revocation is not given.
 *
 * <p>The SQL, the node cache and the change feed (notifications, polling, staleness) are
 * package-private parts; this class ties them together.
 */
public final class JdbcRevocationStore implements RevocationStore, AutoCloseable {

  /** The PostgreSQL {@code LISTEN}/{@code NOTIFY} channel. */
  public static final String CHANNEL = RevocationNotice.CHANNEL;

  private final RevocationTables tables;
  private final RevocationCache cache = new RevocationCache();
  private final RevocationFeed feed;
  private final int batchSize;

  /**
   * @param nanoTime a monotonic clock for staleness only ({@code System::nanoTime}); it measures
   *     how old this node's copy is, which is about real elapsed time, not token time
   */
  JdbcRevocationStore(Jdbc jdbc, Duration pollInterval, Duration maxStaleness, int batchSize,
      LongSupplier nanoTime) {
    this.tables = new RevocationTables(Objects.requireNonNull(jdbc, "jdbc"));
    this.feed = new RevocationFeed(jdbc, tables, cache, pollInterval, maxStaleness, nanoTime);
    this.batchSize = batchSize;
  }

  /**
   * Loads the list, then (PostgreSQL) starts listening and schedules the poll on {@code
   * scheduler}.
   *
   * @throws AuthUnavailableException when the first load fails
   */
  void start(ScheduledExecutorService scheduler) {
    feed.start(scheduler);
  }

  /** {@inheritDoc} */
  @Override
  public void revokeAccessToken(String jti, Instant keepUntil) {
    revoke(RevocationNotice.Kind.ACCESS_TOKEN, jti, keepUntil, "jti");
  }

  /** {@inheritDoc} */
  @Override
  public void revokeFamily(String familyId, Instant keepUntil) {
    revoke(RevocationNotice.Kind.FAMILY, familyId, keepUntil, "familyId");
  }

  /**
   * {@inheritDoc} Answered from this node's cache, without a database round trip.
   *
   * @throws AuthUnavailableException when the cache is older than {@code maxStaleness} and the
   *     database cannot be read
   */
  @Override
  public boolean isRevoked(String jti, String familyId) {
    feed.ensureFresh();
    return cache.contains(jti, familyId);
  }

  /** {@inheritDoc} Deletes in bounded batches; this node's cache is purged too. */
  @Override
  public int purgeExpired(Instant now) {
    Objects.requireNonNull(now, "now");
    cache.purge(now);
    return tables.purgeExpired(now, batchSize);
  }

  /**
   * Waits until this node listens for notifications (PostgreSQL; {@code true} at once on H2).
   * Revocations committed before that are picked up by the reload that follows {@code LISTEN}.
   */
  boolean awaitListening(Duration timeout) throws InterruptedException {
    return feed.awaitListening(timeout);
  }

  /** Trims this node's cache only (when another node purges the tables). */
  void purgeLocalCache(Instant now) {
    cache.purge(now);
  }

  /**
   * How many entries this node's cache holds (for tests and metrics).
   *
   * @return the number of revoked entries held in this node's memory
   */
  public int cachedEntries() {
    return cache.size();
  }

  /** Stops listening and polling. */
  @Override
  public void close() {
    feed.close();
  }

  /** Re-reads the whole list into the cache. */
  void reload() {
    feed.reload();
  }

  // The writer's own cache is updated at once: it must not wait for its own notification or poll.
  private void revoke(RevocationNotice.Kind kind, String id, Instant keepUntil, String idName) {
    Objects.requireNonNull(id, idName);
    Objects.requireNonNull(keepUntil, "keepUntil");
    RevocationNotice notice = new RevocationNotice(kind, id, keepUntil);
    tables.write(notice);
    notice.applyTo(cache);
  }
}
