package io.admin.auth.core.internal.jose;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A small lock-free pool of JCA engines ({@code Signature}, {@code Mac}) that are expensive to create
 * and initialise but not thread-safe. A thread takes the engine in "its" slot (chosen by thread id,
 * so threads rarely meet) or gets {@code null} and makes a new one; a returned engine goes back only
 * into an empty slot, so the pool never holds more than its slot count.
 */
public final class EnginePool<T> {

  private final AtomicReferenceArray<T> slots;
  private final int mask;

  /** A pool with a power-of-two number of slots, at least {@code 2 x processors}, at most 64. */
  public EnginePool() {
    int wanted = Math.min(64, Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    int size = Integer.highestOneBit(wanted - 1) << 1;
    this.slots = new AtomicReferenceArray<>(size);
    this.mask = size - 1;
  }

  /** An engine from this thread's slot, or {@code null} when the caller must make one. */
  public T take() {
    return slots.getAndSet(slot(), null);
  }

  /** Gives a healthy engine back; dropped when the slot is taken. */
  public void give(T engine) {
    slots.compareAndSet(slot(), null, engine);
  }

  private int slot() {
    return (int) Thread.currentThread().getId() & mask;
  }
}
