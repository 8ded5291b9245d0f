package io.admin.auth.jdbc;

import io.admin.auth.core.AuthUnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a node's {@link RevocationCache} in step with the tables, and says when it is too old to
 * answer from.
 *
 * <p>Three ways in: on PostgreSQL, every {@code NOTIFY} on {@link RevocationNotice#CHANNEL} is
 * merged as it arrives (and the whole list re-read after each (re)connect of the listener, to
 * cover what was sent while nobody listened); on every dialect, the whole list is re-read every
 * {@code pollInterval}. The copy is fresh as of the start of the last successful full read. Once
 * that is older than {@code maxStaleness}, {@link #ensureFresh()} lets one caller at a time, at
 * most once a second, try the database itself, and makes everyone else fail fast with
 * {@link AuthUnavailableException} rather than answer from a copy that may miss a revocation.
 */
final class RevocationFeed implements AutoCloseable {

  // The store's category, as before the feed was split out of it: log settings still apply.
  private static final Logger LOG = LoggerFactory.getLogger(JdbcRevocationStore.class);
  private static final Duration RETRY_GAP = Duration.ofSeconds(1);
  private static final Duration LISTEN_RETRY = Duration.ofSeconds(1);

  private final Jdbc jdbc;
  private final RevocationTables tables;
  private final RevocationCache cache;
  private final Duration pollInterval;
  private final Duration maxStaleness;
  private final LongSupplier nanoTime;
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
  RevocationFeed(Jdbc jdbc, RevocationTables tables, RevocationCache cache,
      Duration pollInterval, Duration maxStaleness, LongSupplier nanoTime) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.tables = Objects.requireNonNull(tables, "tables");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.pollInterval = positive(pollInterval, "pollInterval");
    this.maxStaleness = positive(maxStaleness, "maxStaleness");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
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
      listener = new PgNotifications(jdbc.dataSource(), RevocationNotice.CHANNEL, this::apply,
          this::reloadQuietly, LISTEN_RETRY);
      listener.start();
    }
    long millis = pollInterval.toMillis();
    poll = scheduler.scheduleWithFixedDelay(this::reloadQuietly, millis, millis,
        TimeUnit.MILLISECONDS);
  }

  /** Re-reads the whole list into the cache. */
  void reload() {
    long started = nanoTime.getAsLong();
    tables.readAll().forEach(n -> n.applyTo(cache));
    // The copy is as fresh as the moment the read began, not when it ended.
    lastSyncNanos = started;
    synced = true;
  }

  /**
   * Returns when the cache may be answered from: it is younger than {@code maxStaleness}, or this
   * caller has just reloaded it.
   *
   * @throws AuthUnavailableException when it is older and the database cannot be read now
   */
  void ensureFresh() {
    if (stale()) {
      refreshBeforeAnswering();
    }
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

  private void apply(String payload) {
    RevocationNotice.parse(payload).ifPresentOrElse(n -> n.applyTo(cache), () -> LOG.warn(
        "ignoring a malformed revocation notification on {}; the next poll covers it",
        RevocationNotice.CHANNEL));
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return d;
  }
}
