package io.admin.auth.core.apikey;

import io.admin.auth.core.spi.ApiKey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.store.memory.InMemoryApiKeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.Test;

class LastUsedRecorderTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final CountingApiKeyStore store = new CountingApiKeyStore(new InMemoryApiKeyStore());

  private void insert(String id) {
    store.insert(new ApiKey(id, "n", "o", Set.of(), T0, null, null, null, "hmac-sha256:x", null, null));
  }

  @Test
  void recordWhenManyUsesOfOneKeyThenOneBatchWriteWithLatest() {
    insert("AAAAAAAAAAAAAAA1");
    LastUsedRecorder recorder = new LastUsedRecorder(store, 10);
    for (int i = 1; i <= 1000; i++) {
      recorder.record("AAAAAAAAAAAAAAA1", T0.plusSeconds(i));
    }
    recorder.record("AAAAAAAAAAAAAAA1", T0.plusSeconds(3));
    assertEquals(0, store.lastUsedWrites.get());
    assertEquals(1, recorder.flush());
    assertEquals(1, store.lastUsedWrites.get());
    assertEquals(T0.plusSeconds(1000), store.findById("AAAAAAAAAAAAAAA1").orElseThrow().lastUsedAt());
    assertEquals(0, recorder.pendingCount());
    assertEquals(0, recorder.flush());
    assertEquals(1, store.lastUsedWrites.get());
  }

  @Test
  void recordWhenMorePendingKeysThanCapThenBoundedAndDropsCounted() {
    LastUsedRecorder recorder = new LastUsedRecorder(store, 3);
    for (int i = 0; i < 10; i++) {
      recorder.record("AAAAAAAAAAAAAA" + (10 + i), T0);
    }
    assertEquals(3, recorder.pendingCount());
    assertEquals(7, recorder.dropped());
  }

  @Test
  void flushWhenStoreFailsThenEntriesKeptForNextFlush() {
    insert("AAAAAAAAAAAAAAA1");
    LastUsedRecorder recorder = new LastUsedRecorder(store, 10);
    recorder.record("AAAAAAAAAAAAAAA1", T0.plusSeconds(7));
    AuthUnavailableException down = new AuthUnavailableException("down");
    store.failLastUsed = down;
    assertSame(down, assertThrows(AuthUnavailableException.class, recorder::flush));
    assertEquals(1, recorder.pendingCount());
    store.failLastUsed = null;
    assertEquals(1, recorder.flush());
    assertEquals(T0.plusSeconds(7), store.findById("AAAAAAAAAAAAAAA1").orElseThrow().lastUsedAt());
    assertTrue(recorder.pending("AAAAAAAAAAAAAAA1").isEmpty());
  }

  @Test
  void scheduleFlushesWhenAFlushFailsThenLaterTicksStillFlush() throws InterruptedException {
    insert("AAAAAAAAAAAAAAA1");
    LastUsedRecorder recorder = new LastUsedRecorder(store, 10);
    store.failLastUsed = new AuthUnavailableException("down");
    recorder.record("AAAAAAAAAAAAAAA1", T0.plusSeconds(42));
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      ScheduledFuture<?> task = recorder.scheduleFlushes(executor, Duration.ofMillis(5));
      store.failLastUsed = null;
      // Wait for an outcome, not for a duration: the assertion is on the store's value.
      for (int i = 0; i < 1000 && store.lastUsedWrites.get() == 0; i++) {
        Thread.sleep(5);
      }
      assertEquals(T0.plusSeconds(42), store.findById("AAAAAAAAAAAAAAA1").orElseThrow().lastUsedAt());
      task.cancel(false);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void constructorWhenCapBelowOneThenIllegalArgumentAndOneIsEnough() {
    assertThrows(IllegalArgumentException.class, () -> new LastUsedRecorder(store, 0));
    LastUsedRecorder one = new LastUsedRecorder(store, 1);
    one.record("AAAAAAAAAAAAAAA1", T0);
    assertEquals(1, one.pendingCount());
  }

  @Test
  void recordWhenCapReachedThenKeysAlreadyPendingStillMoveForward() {
    LastUsedRecorder recorder = new LastUsedRecorder(store, 1);
    recorder.record("AAAAAAAAAAAAAAA1", T0);
    recorder.record("AAAAAAAAAAAAAAA2", T0);
    recorder.record("AAAAAAAAAAAAAAA1", T0.plusSeconds(5));

    assertEquals(Optional.of(T0.plusSeconds(5)), recorder.pending("AAAAAAAAAAAAAAA1"));
    assertEquals(1, recorder.dropped());
  }

  @Test
  void flushWhenStoreFailsWhileUsesArriveThenTheNewestUseOfEachKeyKept() {
    insert("AAAAAAAAAAAAAAA1");
    insert("AAAAAAAAAAAAAAA2");
    LastUsedRecorder recorder = new LastUsedRecorder(store, 10);
    recorder.record("AAAAAAAAAAAAAAA1", T0.plusSeconds(7));
    recorder.record("AAAAAAAAAAAAAAA2", T0.plusSeconds(7));
    store.duringLastUsed = () -> {
      recorder.record("AAAAAAAAAAAAAAA1", T0.plusSeconds(5)); // older than the failed batch's
      recorder.record("AAAAAAAAAAAAAAA2", T0.plusSeconds(9)); // newer
    };
    store.failLastUsed = new AuthUnavailableException("down");

    assertThrows(AuthUnavailableException.class, recorder::flush);

    assertEquals(Optional.of(T0.plusSeconds(7)), recorder.pending("AAAAAAAAAAAAAAA1"));
    assertEquals(Optional.of(T0.plusSeconds(9)), recorder.pending("AAAAAAAAAAAAAAA2"));
  }

  @Test
  void scheduleFlushesWhenIntervalNotPositiveThenIllegalArgument() {
    LastUsedRecorder recorder = new LastUsedRecorder(store, 10);
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      for (Duration bad : new Duration[] {null, Duration.ZERO, Duration.ofMillis(-1)}) {
        assertThrows(IllegalArgumentException.class, () -> recorder.scheduleFlushes(executor, bad));
      }
    } finally {
      executor.shutdownNow();
    }
  }
}
