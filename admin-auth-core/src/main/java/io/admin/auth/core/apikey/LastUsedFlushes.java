package io.admin.auth.core.apikey;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LastUsedRecorder#flush()} running every interval on a daemon thread of its own (named
 * {@value #THREAD_NAME}), as started by {@link ApiKeyService#startLastUsedFlushes()}.
 *
 * <p>{@link #close()} stops the thread and flushes once more on the caller's thread, so that the
 * uses recorded since the last tick reach the store too. Close it when the application stops (the
 * servlet filter does when its container takes it out of service); until then the thread keeps
 * the recorder bounded, since a recorder that is never flushed stops recording new keys once it
 * holds its maximum. Thread-safe; {@code close} is idempotent.
 */
public final class LastUsedFlushes implements AutoCloseable {

  /** The name of the flushing thread. */
  public static final String THREAD_NAME = "admin-auth-api-key-last-used";

  private static final Logger LOG = LoggerFactory.getLogger(LastUsedFlushes.class);
  // A flush in progress is one batched write; past this the store is taken to be hanging.
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private final LastUsedRecorder recorder;
  private final ScheduledExecutorService executor;
  private final AtomicBoolean closed = new AtomicBoolean();

  LastUsedFlushes(LastUsedRecorder recorder, Duration interval) {
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, THREAD_NAME);
      t.setDaemon(true);
      return t;
    });
    try {
      recorder.scheduleFlushes(executor, interval);
    } catch (RuntimeException e) {
      executor.shutdownNow();
      throw e;
    }
  }

  /**
   * Stops the schedule (waiting up to 10 s for a flush in progress), then flushes what is still
   * pending. Never throws: a final flush that fails is logged with how many keys it lost.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // Periodic tasks are cancelled by shutdown(); a flush already running is let finish.
    executor.shutdown();
    awaitQuietly(executor);
    try {
      recorder.flush();
    } catch (RuntimeException e) {
      LOG.warn("Final flush of API key last-used times failed; {} keys keep their older value:"
          + " {}", recorder.pendingCount(), e.toString());
    }
  }

  private static void awaitQuietly(ExecutorService executor) {
    try {
      if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("A flush of API key last-used times did not end within {}; interrupting it",
            STOP_WAIT);
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
