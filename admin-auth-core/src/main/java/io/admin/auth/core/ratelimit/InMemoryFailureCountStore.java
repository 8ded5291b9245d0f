package io.admin.auth.core.ratelimit;

import io.admin.auth.core.spi.FailureCount;
import io.admin.auth.core.spi.FailureCountStore;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The per-node {@link FailureCountStore}: counts kept in memory, bounded to {@code maxKeys}.
 *
 * <p>When full, a new key first makes room by forgetting expired states, then states that are
 * counting but not blocked (which only makes the limit lenient for them). An active block is
 * never evicted, or flooding distinct names would unblock a targeted one: when only active blocks
 * are left, a new key is refused and {@link #update} answers empty.
 */
public final class InMemoryFailureCountStore implements FailureCountStore {

  private static final HexFormat HEX = HexFormat.of();

  private final BoundedStateMap<FailureCount> states;

  /**
   * A store of at most {@code maxKeys} keys (at least 1).
   *
   * @param maxKeys the most keys held
   */
  public InMemoryFailureCountStore(int maxKeys) {
    this.states = new BoundedStateMap<>(maxKeys);
  }

  @Override
  public Optional<FailureCount> update(byte[] key, Instant now,
      UnaryOperator<FailureCount> update) {
    Objects.requireNonNull(update, "update");
    // A null result keeps an existing state: ConcurrentHashMap would otherwise remove it.
    UnaryOperator<FailureCount> keeping = old -> {
      FailureCount next = update.apply(old);
      return next == null ? old : next;
    };
    return Optional.ofNullable(states.update(name(key), keeping, s -> s.expiredAt(now),
        s -> !s.blockedAt(now)));
  }

  @Override
  public Optional<FailureCount> read(byte[] key) {
    return Optional.ofNullable(states.get(name(key)));
  }

  @Override
  public void delete(byte[] key) {
    states.remove(name(key));
  }

  @Override
  public int purgeExpired(Instant now) {
    return states.removeIf(s -> s.expiredAt(now));
  }

  @Override
  public long size() {
    return states.size();
  }

  /** The keys as stored, for tests of what the store retains. */
  Set<?> storedKeys() {
    return states.storedKeys();
  }

  private static String name(byte[] key) {
    if (key == null || key.length != KEY_LENGTH) {
      throw new IllegalArgumentException("key must be a " + KEY_LENGTH + "-byte digest");
    }
    return HEX.formatHex(key);
  }
}
