package io.admin.auth.core.apikey;

import io.admin.auth.core.spi.ApiKeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects {@code last_used_at} of API keys in memory and writes them to the store in batches, so
 * that authentication never writes to the store.
 *
 * <p>Staleness bound: with {@link #scheduleFlushes} every {@code I}, the store's value lags the
 * true last use by at most {@code I} plus the duration of one flush, as long as fewer than
 * {@code maxPending} distinct keys are used per interval. Past that cap, uses of keys not already
 * pending are dropped (counted by {@link #dropped()}) until the next flush; such a key is
 * recorded on its first use after it. Memory is bounded by {@code maxPending} entries (plus at
 * most one per thread recording at the same instant: the check is not locked, to keep the hot
 * path lock-free). A failed
 * flush puts its entries back, so they are retried by the next one.
 *
 * <p>Thread-safe.
 */
public final class LastUsedRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(LastUsedRecorder.class);

  private final ApiKeyStore store;
  private final int maxPending;
  private final ConcurrentHashMap<String, Instant> pending = new ConcurrentHashMap<>();
  private final AtomicLong dropped = new AtomicLong();

  /**
   * @param store where flushes write to
   * @param maxPending the most distinct keys held between flushes (at least 1)
   */
  public LastUsedRecorder(ApiKeyStore store, int maxPending) {
    this.store = Objects.requireNonNull(store, "store");
    if (maxPending < 1) {
      throw new IllegalArgumentException("maxPending must be positive");
    }
    this.maxPending = maxPending;
  }

  /**
   * Notes that key {@code id} was used at {@code at}. Never touches the store.
   *
   * @param id the 16-character key id (not the full key)
   * @param at when the key was used
   */
  public void record(String id, Instant at) {
    Instant previous = pending.get(id);
    if (previous == null && pending.size() >= maxPending) {
      dropped.incrementAndGet();
      return;
    }
    if (previous == null || at.isAfter(previous)) {
      pending.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
    }
  }

  /**
   * The not-yet-flushed last use of key {@code id}, if any.
   *
   * @param id the 16-character key id (not the full key)
   * @return the newest use not yet written, or empty
   */
  public Optional<Instant> pending(String id) {
    return Optional.ofNullable(pending.get(id));
  }

  /**
   * How many distinct keys are waiting for the next flush.
   *
   * @return the number of keys, at least 0
   */
  public int pendingCount() {
    return pending.size();
  }

  /**
   * How many uses were not recorded because {@code maxPending} was reached.
   *
   * @return the number of dropped uses since this recorder was made
   */
  public long dropped() {
    return dropped.get();
  }

  /**
   * Writes every pending entry to the store in one batch.
   *
   * @return the number of keys written
   * @throws io.admin.auth.core.AuthUnavailableException when the store fails; entries are kept
   */
  public int flush() {
    if (pending.isEmpty()) {
      return 0;
    }
    Map<String, Instant> batch = new HashMap<>(pending);
    // Remove only what we took: a newer use recorded meanwhile stays pending.
    batch.forEach(pending::remove);
    try {
      store.recordLastUsed(batch);
    } catch (RuntimeException e) {
      batch.forEach((id, at) -> pending.merge(id, at, (a, b) -> a.isAfter(b) ? a : b));
      throw e;
    }
    return batch.size();
  }

  /**
   * Flushes every {@code interval} on {@code executor} (owned by the caller, who also shuts it
   * down). A failing flush is logged and retried at the next tick rather than cancelling the
   * schedule.
   *
   * @param executor where the flushes run
   * @param interval the time between two flushes; positive
   * @return the scheduled task; cancel it and call {@link #flush()} once more on shutdown
   */
  public ScheduledFuture<?> scheduleFlushes(ScheduledExecutorService executor, Duration interval) {
    Objects.requireNonNull(executor, "executor");
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
    long millis = Math.max(1, interval.toMillis());
    return executor.scheduleWithFixedDelay(() -> {
      try {
        flush();
      } catch (RuntimeException e) {
        LOG.warn("Flushing API key last-used times failed; will retry: {}", e.toString());
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
  }
}
