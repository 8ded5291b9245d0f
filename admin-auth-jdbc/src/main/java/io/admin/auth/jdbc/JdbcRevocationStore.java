package io.admin.auth.jdbc;

import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.spi.RevocationStore;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 */
public final class JdbcRevocationStore implements RevocationStore, AutoCloseable {

  /** The PostgreSQL {@code LISTEN}/{@code NOTIFY} channel. */
  public static final String CHANNEL = "admin_auth_revocation";

  private static final Logger LOG = LoggerFactory.getLogger(JdbcRevocationStore.class);
  private static final Duration RETRY_GAP = Duration.ofSeconds(1);

  private final Jdbc jdbc;
  private final Duration pollInterval;
  private final Duration maxStaleness;
  private final int batchSize;
  private final LongSupplier nanoTime;
  private final RevocationCache cache = new RevocationCache();
  private final String upsertJti;
  private final String upsertFamily;
  private final ReentrantLock reloadLock = new ReentrantLock();
  private volatile long lastFailedRefreshNanos;
  private volatile long lastSyncNanos;
  private volatile boolean synced;
  private PgNotifications listener;
  private ScheduledFuture<?> poll;

  /**
   * @param nanoTime a monotonic clock for staleness only ({@code System::nanoTime}); it measures
   *     how old this node's copy is, which is about real elapsed time, not token time
   */
  JdbcRevocationStore(Jdbc jdbc, Duration pollInterval, Duration maxStaleness, int batchSize,
      LongSupplier nanoTime) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.pollInterval = positive(pollInterval, "pollInterval");
    this.maxStaleness = positive(maxStaleness, "maxStaleness");
    this.batchSize = batchSize;
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.upsertJti = upsertKeepingLatest("admin_auth_revoked_token", "jti");
    this.upsertFamily = upsertKeepingLatest("admin_auth_revoked_family", "family_id");
  }

  /**
   * Loads the list, then (PostgreSQL) starts listening and schedules the poll on {@code
   * scheduler}.
   *
   * @throws AuthUnavailableException when the first load fails
   */
  synchronized void start(ScheduledExecutorService scheduler) {
    reload();
    if (jdbc.dialect() == Dialect.POSTGRESQL) {
      listener = new PgNotifications(jdbc.dataSource(), CHANNEL, this::apply, this::reloadQuietly,
          Duration.ofSeconds(1));
      listener.start();
    }
    long millis = pollInterval.toMillis();
    poll = scheduler.scheduleWithFixedDelay(this::reloadQuietly, millis, millis,
        TimeUnit.MILLISECONDS);
  }

  /** {@inheritDoc} */
  @Override
  public void revokeAccessToken(String jti, Instant keepUntil) {
    Objects.requireNonNull(jti, "jti");
    Objects.requireNonNull(keepUntil, "keepUntil");
    write("revoking an access token", upsertJti, "j", jti, keepUntil);
    cache.addJti(jti, keepUntil);
  }

  /** {@inheritDoc} */
  @Override
  public void revokeFamily(String familyId, Instant keepUntil) {
    Objects.requireNonNull(familyId, "familyId");
    Objects.requireNonNull(keepUntil, "keepUntil");
    write("revoking a token family", upsertFamily, "f", familyId, keepUntil);
    cache.addFamily(familyId, keepUntil);
  }

  /**
   * {@inheritDoc} Answered from this node's cache, without a database round trip.
   *
   * @throws AuthUnavailableException when the cache is older than {@code maxStaleness} and the
   *     database cannot be read
   */
  @Override
  public boolean isRevoked(String jti, String familyId) {
    if (stale()) {
      refreshBeforeAnswering();
    }
    return cache.contains(jti, familyId);
  }

  /** {@inheritDoc} Deletes in bounded batches; this node's cache is purged too. */
  @Override
  public int purgeExpired(Instant now) {
    Objects.requireNonNull(now, "now");
    cache.purge(now);
    return Purges.inBatches(jdbc, "admin_auth_revoked_token", "jti", "keep_until < ?", now,
        batchSize, Integer.MAX_VALUE)
        + Purges.inBatches(jdbc, "admin_auth_revoked_family", "family_id", "keep_until < ?", now,
        batchSize, Integer.MAX_VALUE);
  }

  /**
   * Waits until this node listens for notifications (PostgreSQL; {@code true} at once on H2).
   * Revocations committed before that are picked up by the reload that follows {@code LISTEN}.
   */
  boolean awaitListening(Duration timeout) throws InterruptedException {
    PgNotifications l;
    synchronized (this) {
      l = listener;
    }
    return l == null || l.awaitListening(timeout);
  }

  /** Trims this node's cache only (when another node purges the tables). */
  void purgeLocalCache(Instant now) {
    cache.purge(now);
  }

  /** How many entries this node's cache holds (for tests and metrics). */
  public int cachedEntries() {
    return cache.size();
  }

  /** Stops listening and polling. */
  @Override
  public synchronized void close() {
    if (poll != null) {
      poll.cancel(false);
    }
    if (listener != null) {
      listener.close();
    }
  }

  /** Re-reads the whole list into the cache. */
  void reload() {
    long started = nanoTime.getAsLong();
    jdbc.withConnection("reading the revocation list", c -> {
      for (Object[] row : Jdbc.query(c, "SELECT jti, keep_until FROM admin_auth_revoked_token",
          rs -> new Object[] {rs.getString(1), Jdbc.instant(rs, "keep_until")})) {
        cache.addJti((String) row[0], (Instant) row[1]);
      }
      for (Object[] row : Jdbc.query(c, "SELECT family_id, keep_until FROM admin_auth_revoked_family",
          rs -> new Object[] {rs.getString(1), Jdbc.instant(rs, "keep_until")})) {
        cache.addFamily((String) row[0], (Instant) row[1]);
      }
      return null;
    });
    // The copy is as fresh as the moment the read began, not when it ended.
    lastSyncNanos = started;
    synced = true;
  }

  private boolean stale() {
    return !synced || nanoTime.getAsLong() - lastSyncNanos > maxStaleness.toNanos();
  }

  // One request thread tries the database; the others, and every request within RETRY_GAP of a
  // failed try, answer "unavailable" at once instead of queueing behind a dead connection.
  private void refreshBeforeAnswering() {
    long failedAt = lastFailedRefreshNanos;
    if (failedAt != 0 && nanoTime.getAsLong() - failedAt < RETRY_GAP.toNanos()) {
      throw staleUnavailable();
    }
    if (!reloadLock.tryLock()) {
      throw staleUnavailable();
    }
    try {
      if (stale()) {
        reload();
      }
      lastFailedRefreshNanos = 0;
    } catch (AuthUnavailableException e) {
      lastFailedRefreshNanos = nanoTime.getAsLong();
      throw e;
    } finally {
      reloadLock.unlock();
    }
  }

  private AuthUnavailableException staleUnavailable() {
    return new AuthUnavailableException("revocation list not refreshed for longer than "
        + maxStaleness + " and the database is unavailable");
  }

  private void reloadQuietly() {
    try {
      reload();
    } catch (RuntimeException e) {
      LOG.warn("could not refresh the revocation list; retrying in {}", pollInterval, e);
    }
  }

  private void write(String what, String upsert, String kind, String id, Instant keepUntil) {
    jdbc.inTransaction(what, c -> {
      Jdbc.update(c, upsert, id, keepUntil);
      if (jdbc.dialect() == Dialect.POSTGRESQL) {
        // NOTIFY is transactional: delivered on commit, never for a rolled-back revocation.
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
          ps.setString(1, CHANNEL);
          ps.setString(2, kind + " " + keepUntil + " " + id);
          ps.execute();
        }
      }
      return null;
    });
  }

  // Payload: "<j|f> <keepUntil ISO-8601> <id>"; the id is last because it is the free-form part.
  private void apply(String payload) {
    String[] parts = payload == null ? new String[0] : payload.split(" ", 3);
    try {
      if (parts.length == 3 && parts[0].equals("j")) {
        cache.addJti(parts[2], Instant.parse(parts[1]));
        return;
      }
      if (parts.length == 3 && parts[0].equals("f")) {
        cache.addFamily(parts[2], Instant.parse(parts[1]));
        return;
      }
    } catch (DateTimeParseException e) {
      // Falls through to the warning; the next poll picks the row up from the table.
    }
    LOG.warn("ignoring a malformed revocation notification on {}; the next poll covers it", CHANNEL);
  }

  private String upsertKeepingLatest(String table, String key) {
    if (jdbc.dialect() == Dialect.POSTGRESQL) {
      return "INSERT INTO " + table + " (" + key + ", keep_until) VALUES (?, ?) ON CONFLICT (" + key
          + ") DO UPDATE SET keep_until = GREATEST(" + table + ".keep_until, EXCLUDED.keep_until)";
    }
    return "MERGE INTO " + table + " t USING (VALUES (CAST(? AS VARCHAR(255)),"
        + " CAST(? AS TIMESTAMP WITH TIME ZONE))) s(k, u) ON t." + key + " = s.k"
        + " WHEN MATCHED AND s.u > t.keep_until THEN UPDATE SET keep_until = s.u"
        + " WHEN NOT MATCHED THEN INSERT (" + key + ", keep_until) VALUES (s.k, s.u)";
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return d;
  }
}
