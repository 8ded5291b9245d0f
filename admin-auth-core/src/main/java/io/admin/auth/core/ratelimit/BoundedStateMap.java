package io.admin.auth.core.ratelimit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Per-key state with a hard cap on the number of keys, so a flood of distinct keys (spoofed
 * addresses, random client ids, made-up user names) cannot exhaust memory.
 *
 * <p>Keys are stored as their SHA-256 digest: an entry costs the same whatever the key's length
 * (a user name can be kilobytes), and no raw name or address is retained.
 *
 * <p>Updates of existing keys are lock-free; inserting a new key takes a lock, which is what
 * makes the cap strict. When full, an insert first forgets every state that is equivalent to
 * having none (a full bucket, an expired window): that loses nothing. If that is not enough,
 * states the owner marks evictable are dropped down to 90% of the cap, which makes the limit
 * lenient for those keys (never stricter). States that are not evictable (an active block) are
 * never dropped: if only those are left, the insert is refused and the caller decides.
 */
final class BoundedStateMap<S> {

  private final ConcurrentHashMap<Digest, S> states = new ConcurrentHashMap<>();
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
   * non-null result, evicting any state if room is needed.
   */
  S update(String key, UnaryOperator<S> update, Predicate<S> forgettable) {
    return update(key, update, forgettable, s -> true);
  }

  /**
   * Applies {@code update} to the state of {@code key} ({@code null} if none) and stores the
   * non-null result.
   *
   * @return the stored state, or {@code null} when the key is new and the map is full of states
   *     that are neither forgettable nor evictable
   */
  S update(String key, UnaryOperator<S> update, Predicate<S> forgettable,
      Predicate<S> evictable) {
    Digest d = Digest.of(key);
    S updated = states.computeIfPresent(d, (k, old) -> update.apply(old));
    if (updated != null) {
      return updated;
    }
    synchronized (insertLock) {
      if (!states.containsKey(d) && states.size() >= maxEntries
          && !makeRoom(forgettable, evictable)) {
        return null;
      }
      return states.compute(d, (k, old) -> update.apply(old));
    }
  }

  S get(String key) {
    return states.get(Digest.of(key));
  }

  void remove(String key) {
    states.remove(Digest.of(key));
  }

  /** Removes every state matching {@code drop}; how many were removed. */
  int removeIf(Predicate<S> drop) {
    int before = states.size();
    states.values().removeIf(drop);
    return Math.max(0, before - states.size());
  }

  int size() {
    return states.size();
  }

  /** The keys as stored, for tests of what the map retains. */
  Set<?> storedKeys() {
    return Set.copyOf(states.keySet());
  }

  /** Whether there is room for one more key after forgetting and evicting what may go. */
  private boolean makeRoom(Predicate<S> forgettable, Predicate<S> evictable) {
    states.values().removeIf(forgettable);
    int target = maxEntries - Math.max(1, maxEntries / 10);
    Iterator<S> it = states.values().iterator();
    while (states.size() > target && it.hasNext()) {
      if (evictable.test(it.next())) {
        it.remove();
      }
    }
    return states.size() < maxEntries;
  }

  /** A key's SHA-256: fixed size, and the raw key is not kept. */
  private record Digest(long a, long b, long c, long d) {

    static Digest of(String key) {
      Objects.requireNonNull(key, "key");
      MessageDigest sha256;
      try {
        sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is required of every Java platform", e);
      }
      ByteBuffer h = ByteBuffer.wrap(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
      return new Digest(h.getLong(), h.getLong(), h.getLong(), h.getLong());
    }

    @Override
    public String toString() {
      return "Digest[" + Long.toHexString(a) + "...]";
    }
  }
}
