package io.admin.auth.core.client;

import java.time.Duration;

/**
 * Waits between token request attempts. A seam so that tests can record the waits the client
 * asks for instead of sleeping for real.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Blocks the calling thread for {@code duration}.
   *
   * @param duration how long to block; not negative
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * The real thing: {@link Thread#sleep(long)}.
   *
   * @return a sleeper that blocks the calling thread
   */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
