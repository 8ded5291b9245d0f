package io.admin.auth.core.password;

import io.admin.auth.core.AuthUnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A bound on concurrent password hashes. Each Argon2id computation allocates its whole memory
 * cost (19 MiB with the OWASP parameters), so without a bound a few hundred concurrent login
 * attempts need gigabytes of heap. At most {@link #maxConcurrent()} hashes run at once; an
 * attempt that finds no free slot within a short wait fails fast with {@link
 * AuthUnavailableException} (503 at the filter: the credentials could not be checked, which
 * says nothing about whether they are good) instead of queueing without limit.
 *
 * <p>Thread-safe. Share one gate per process, or per memory budget: its size times the memory
 * cost is the most heap hashing can take.
 */
public final class HashingGate {

  /** The default wait for a free slot: long enough for a few hashes ahead, short under a flood. */
  public static final Duration DEFAULT_WAIT = Duration.ofMillis(250);

  private final Semaphore slots;
  private final int maxConcurrent;
  private final long waitNanos;

  private HashingGate(int maxConcurrent, Duration wait) {
    this.slots = new Semaphore(maxConcurrent, true);
    this.maxConcurrent = maxConcurrent;
    this.waitNanos = wait.toNanos();
  }

  /**
   * A gate admitting {@code maxConcurrent} hashes at once, each caller waiting at most {@code
   * wait} for a slot.
   *
   * @param maxConcurrent the most hashes at once; at least 1
   * @param wait the longest wait for a slot; not negative
   * @return the gate
   * @throws IllegalArgumentException for a bound below 1 or a negative wait
   */
  public static HashingGate of(int maxConcurrent, Duration wait) {
    Objects.requireNonNull(wait, "wait");
    if (maxConcurrent < 1 || wait.isNegative()) {
      throw new IllegalArgumentException("maxConcurrent >= 1 and a non-negative wait required");
    }
    return new HashingGate(maxConcurrent, wait);
  }

  /**
   * A gate with one slot per available processor (hashing is CPU-bound) and the default wait.
   *
   * @return the gate
   */
  public static HashingGate forAvailableProcessors() {
    return of(Math.max(1, Runtime.getRuntime().availableProcessors()), DEFAULT_WAIT);
  }

  /**
   * The most hashes that run at once.
   *
   * @return the bound, at least 1
   */
  public int maxConcurrent() {
    return maxConcurrent;
  }

  /**
   * Runs {@code hashing} once a slot is free, and frees the slot afterwards.
   *
   * @param <T> the type of the result
   * @param hashing the hash computation, run at most once
   * @return what {@code hashing} returns
   * @throws AuthUnavailableException when no slot became free within the wait, or the wait was
   *     interrupted (the interrupt flag is kept)
   */
  public <T> T run(Supplier<T> hashing) {
    boolean acquired;
    try {
      acquired = slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuthUnavailableException("interrupted while waiting to hash a password", e);
    }
    if (!acquired) {
      throw new AuthUnavailableException("too many password hashes in progress");
    }
    try {
      return hashing.get();
    } finally {
      slots.release();
    }
  }

  @Override
  public String toString() {
    return "HashingGate[maxConcurrent=" + maxConcurrent + ", waitNanos=" + waitNanos + "]";
  }
}
