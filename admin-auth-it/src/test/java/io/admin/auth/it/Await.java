package io.admin.auth.it;

import java.time.Duration;
import java.util.function.IntSupplier;

/** Bounded polling: every wait in these tests ends by itself. */
final class Await {

  private Await() {}

  /**
   * Polls {@code status} until it answers {@code expected}.
   *
   * @return how long it took
   * @throws AssertionError with the last answer when {@code limit} passes first
   */
  static Duration status(IntSupplier status, int expected, Duration limit) {
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    int last;
    do {
      last = status.getAsInt();
      if (last == expected) {
        return Duration.ofNanos(System.nanoTime() - start);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    } while (System.nanoTime() < deadline);
    throw new AssertionError("expected " + expected + " within " + limit + ", last " + last);
  }
}
