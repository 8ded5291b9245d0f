package io.admin.auth.core.ratelimit;

import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Per-key state with a hard cap on the number of keys, so a flood of distinct keys (spoofed
 * addresses, random client ids) cannot exhaust memory.
 *
 * <p>Updates of existing keys are lock-free; inserting a new key takes a lock, which is what
 * makes the cap strict. When full, an insert first forgets every state that is equivalent to
 * having none (a full bucket, an expired window): that loses nothing. Only if that is not enough,
 * arbitrary states are dropped down to 90% of the cap, which makes the limit lenient for those
 * keys (never stricter): under a flood, memory wins over exactness.
 */
final class BoundedStateMap<S> {

  private final ConcurrentHashMap<String, S> states = new ConcurrentHashMap<>();
  private final int maxEntries;
  private final Object insertLock = new Object();

  BoundedStateMap(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive");
    }
    this.maxEntries = maxEntries;
  }

  /**
   * Applies {@code update} to the state of {@code key} ({@code null} if none) and stores the
   * non-null result.
   */
  S update(String key, UnaryOperator<S> update, Predicate<S> forgettable) {
    Objects.requireNonNull(key, "key");
    S updated = states.computeIfPresent(key, (k, old) -> update.apply(old));
    if (updated != null) {
      return updated;
    }
    synchronized (insertLock) {
      if (!states.containsKey(key) && states.size() >= maxEntries) {
        evict(forgettable);
      }
      return states.compute(key, (k, old) -> update.apply(old));
    }
  }

  S get(String key) {
    return states.get(key);
  }

  void remove(String key) {
    states.remove(key);
  }

  int size() {
    return states.size();
  }

  private void evict(Predicate<S> forgettable) {
    states.values().removeIf(forgettable);
    int target = maxEntries - Math.max(1, maxEntries / 10);
    Iterator<S> it = states.values().iterator();
    while (states.size() > target && it.hasNext()) {
      it.next();
      it.remove();
    }
  }
}
