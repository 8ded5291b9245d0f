package io.admin.auth.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.spi.FailureCount;
import io.admin.auth.core.spi.FailureCountStore;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The per-node store's own promises: its bound, what it forgets or evicts when full (expired
 * states first, then counting ones, never active blocks), and the SPI's rules on keys and on an
 * update that answers {@code null}.
 */
class InMemoryFailureCountStoreTest {

  private static final Instant T0 = Instant.parse("2026-03-15T10:00:00Z");

  private static byte[] key(int i) {
    return ByteBuffer.allocate(FailureCountStore.KEY_LENGTH).putInt(i).array();
  }

  private static FailureCount counting(Instant start) {
    return new FailureCount(1, start, null, start.plus(Duration.ofMinutes(5)));
  }

  private static FailureCount blocked(Instant start) {
    Instant until = start.plus(Duration.ofMinutes(5));
    return new FailureCount(3, start, until, until);
  }

  private static void fill(InMemoryFailureCountStore store, int n, FailureCount state) {
    for (int i = 0; i < n; i++) {
      store.update(key(i), T0, old -> state);
    }
  }

  @Test
  void updateWhenUpdateAnswersNullThenExistingStateKept() {
    InMemoryFailureCountStore store = new InMemoryFailureCountStore(10);
    FailureCount state = counting(T0);
    store.update(key(1), T0, old -> state);

    Optional<FailureCount> after = store.update(key(1), T0, old -> null);

    assertEquals(Optional.of(state), store.read(key(1)));
    assertEquals(Optional.of(state), after);
    assertEquals(Optional.empty(), store.update(key(2), T0, old -> null), "null never inserts");
    assertEquals(1, store.size());
  }

  @Test
  void updateWhenKeyIsNotADigestThenIllegalArgument() {
    InMemoryFailureCountStore store = new InMemoryFailureCountStore(10);

    assertThrows(IllegalArgumentException.class, () -> store.read(null));
    assertThrows(IllegalArgumentException.class, () -> store.read(new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> store.update(new byte[33], T0, old -> old));
    assertEquals(Optional.empty(), store.read(new byte[FailureCountStore.KEY_LENGTH]));
  }

  @Test
  void constructorWhenNoRoomThenIllegalArgumentAndOneKeyIsEnough() {
    assertThrows(IllegalArgumentException.class, () -> new InMemoryFailureCountStore(0));
    InMemoryFailureCountStore one = new InMemoryFailureCountStore(1);

    assertTrue(one.update(key(1), T0, old -> counting(T0)).isPresent());
    assertEquals(1, one.size());
  }

  @Test
  void purgeExpiredWhenSomeExpiredThenOnlyThoseForgottenAndCounted() {
    InMemoryFailureCountStore store = new InMemoryFailureCountStore(10);
    store.update(key(1), T0, old -> counting(T0));
    store.update(key(2), T0, old -> counting(T0.plus(Duration.ofMinutes(1))));
    store.update(key(3), T0, old -> blocked(T0.plus(Duration.ofMinutes(2))));

    assertEquals(1, store.purgeExpired(T0.plus(Duration.ofMinutes(5))));
    assertEquals(2, store.size());
    assertTrue(store.read(key(2)).isPresent());
    assertEquals(0, store.purgeExpired(T0.plus(Duration.ofMinutes(5))));
    assertEquals(2, store.purgeExpired(T0.plus(Duration.ofMinutes(7))));
    assertEquals(0, store.size());
  }

  @Test
  void updateWhenFullOfExpiredStatesThenAllForgottenBeforeAnyEviction() {
    InMemoryFailureCountStore store = new InMemoryFailureCountStore(10);
    fill(store, 10, counting(T0));

    Instant later = T0.plus(Duration.ofMinutes(5));
    assertTrue(store.update(key(99), later, old -> counting(later)).isPresent());

    assertEquals(1, store.size(), "expired states are equivalent to none and all go at once");
  }

  @Test
  void updateWhenFullOfCountingStatesThenNewKeyStoredByEvictingTenPercent() {
    InMemoryFailureCountStore store = new InMemoryFailureCountStore(10);
    fill(store, 10, counting(T0));

    assertTrue(store.update(key(99), T0, old -> counting(T0)).isPresent(),
        "counting states may be evicted (lenient), so a new key is stored");

    assertTrue(store.read(key(99)).isPresent());
    assertEquals(10, store.size(), "evicted down to 90 % of the cap, then the new key");
  }

  @Test
  void updateWhenFullOfActiveBlocksThenNewKeyRefusedAndBlocksKept() {
    InMemoryFailureCountStore store = new InMemoryFailureCountStore(10);
    fill(store, 10, blocked(T0));

    assertEquals(Optional.empty(), store.update(key(99), T0, old -> counting(T0)));

    assertEquals(10, store.size());
    assertFalse(store.read(key(99)).isPresent());
    for (int i = 0; i < 10; i++) {
      assertTrue(store.read(key(i)).orElseThrow().blockedAt(T0), "block " + i + " was evicted");
    }
    assertTrue(store.update(key(3), T0, old -> old).isPresent(), "known keys are still updated");
  }
}
