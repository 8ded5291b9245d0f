package io.admin.auth.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.spi.FailureCount;
import io.admin.auth.core.spi.FailureCountStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link FailureCountStore} must have; store modules extend it. */
public abstract class FailureCountStoreContract {

  /** For the subclass that supplies the store under test. */
  protected FailureCountStoreContract() {}

  /** The instant the tests start at. */
  protected static final Instant T0 = Instant.parse("2025-03-15T10:00:00Z");

  /** A fresh store from {@link #newStore()} for each test. */
  protected FailureCountStore store;

  /**
   * A new, empty store.
   *
   * @return a store holding nothing and shared with no other test; called once before each test
   */
  protected abstract FailureCountStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  /**
   * A distinct valid key per {@code n}.
   *
   * @param n which key; keys of {@code n} from 0 to 65535 all differ
   * @return a new array of {@link FailureCountStore#KEY_LENGTH} bytes, the caller's to change
   */
  protected static byte[] key(int n) {
    byte[] k = new byte[FailureCountStore.KEY_LENGTH];
    k[0] = (byte) n;
    k[31] = (byte) (n >> 8);
    return k;
  }

  private static final UnaryOperator<FailureCount> INCREMENT = old -> old == null
      ? new FailureCount(1, T0, null, T0.plusSeconds(300))
      : new FailureCount(old.count() + 1, old.windowStart(), old.blockedUntil(), old.expiresAt());

  @Test
  void readWhenNothingStoredThenEmpty() {
    assertEquals(Optional.empty(), store.read(key(1)));
    assertEquals(0, store.size());
  }

  @Test
  void updateWhenAbsentThenStoresAndReturnsTheNewState() {
    FailureCount state = new FailureCount(1, T0, T0.plusSeconds(60), T0.plusSeconds(300));
    assertEquals(Optional.of(state), store.update(key(1), T0, old -> state));
    assertEquals(Optional.of(state), store.read(key(1)));
    assertEquals(Optional.empty(), store.read(key(2)));
    assertEquals(1, store.size());
  }

  @Test
  void updateWhenPresentThenSeesTheStoredState() {
    store.update(key(1), T0, INCREMENT);
    store.update(key(1), T0, INCREMENT);
    assertEquals(3, store.update(key(1), T0, INCREMENT).orElseThrow().count());
    assertEquals(3, store.read(key(1)).orElseThrow().count());
  }

  @Test
  void updateWhenResultNullThenNothingChanges() {
    assertEquals(Optional.empty(), store.update(key(1), T0, old -> null));
    assertEquals(Optional.empty(), store.read(key(1)));
    store.update(key(2), T0, INCREMENT);
    store.update(key(2), T0, old -> null);
    assertEquals(1, store.read(key(2)).orElseThrow().count());
  }

  @Test
  void updateWhenBlockLiftedThenBlockedUntilCleared() {
    store.update(key(1), T0, old -> new FailureCount(5, T0, T0.plusSeconds(60), T0.plusSeconds(300)));
    store.update(key(1), T0, old -> new FailureCount(4, old.windowStart(), null, old.expiresAt()));
    FailureCount read = store.read(key(1)).orElseThrow();
    assertEquals(4, read.count());
    assertFalse(read.blockedAt(T0));
  }

  @Test
  void deleteThenForgotten() {
    store.update(key(1), T0, INCREMENT);
    store.update(key(2), T0, INCREMENT);
    store.delete(key(1));
    store.delete(key(3));
    assertEquals(Optional.empty(), store.read(key(1)));
    assertTrue(store.read(key(2)).isPresent());
  }

  @Test
  void purgeExpiredWhenExpiresAtReachedThenForgotten() {
    store.update(key(1), T0, old -> new FailureCount(1, T0, null, T0.plusSeconds(60)));
    store.update(key(2), T0, old -> new FailureCount(5, T0, T0.plusSeconds(120), T0.plusSeconds(120)));
    assertEquals(0, store.purgeExpired(T0.plusSeconds(59)));
    assertEquals(1, store.purgeExpired(T0.plusSeconds(60)));
    assertEquals(Optional.empty(), store.read(key(1)));
    assertTrue(store.read(key(2)).orElseThrow().blockedAt(T0.plusSeconds(119)));
    assertEquals(1, store.purgeExpired(T0.plusSeconds(120)));
    assertEquals(0, store.size());
  }

  @Test
  void updateWhenKeyNotADigestThenRejected() {
    assertThrows(IllegalArgumentException.class, () -> store.update(new byte[5], T0, INCREMENT));
    assertThrows(IllegalArgumentException.class, () -> store.read(null));
  }

  /** Concurrent failures on one key, from as many threads as a busy node has: none is lost. */
  @Test
  void updateWhenManyThreadsOnOneKeyThenEveryUpdateCounted() throws Exception {
    int threads = 8;
    int each = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < each; i++) {
            store.update(key(7), T0, INCREMENT);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(threads * each, store.read(key(7)).orElseThrow().count());
  }
}
