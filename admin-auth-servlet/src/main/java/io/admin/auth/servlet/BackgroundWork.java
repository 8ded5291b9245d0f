package io.admin.auth.servlet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link AdminAuthFilter} runs while its container keeps it in service: each starter is
 * called on {@code init}, and what it returned is closed on {@code destroy}, in reverse order.
 * The container's filter lifecycle is the one hook every way of registering the filter shares
 * (code, {@code web.xml} listener, initializer), so nothing outlives the application context.
 * Thread-safe.
 */
final class BackgroundWork {

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);

  private final List<Supplier<? extends AutoCloseable>> starters;
  private final List<AutoCloseable> running = new ArrayList<>();

  BackgroundWork(List<Supplier<? extends AutoCloseable>> starters) {
    this.starters = List.copyOf(starters);
  }

  /**
   * Starts every piece of work not yet running. When a starter fails, what already started is
   * stopped again and the failure is thrown, so the container refuses the filter.
   */
  synchronized void start() {
    if (!running.isEmpty()) {
      return;
    }
    try {
      for (Supplier<? extends AutoCloseable> starter : starters) {
        running.add(starter.get());
      }
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  /** Stops everything started, newest first; a failure is logged and the others still stop. */
  synchronized void stop() {
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        LOG.warn("Stopping admin-auth background work failed", e);
      }
    }
    running.clear();
  }
}
