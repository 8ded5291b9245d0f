package io.admin.auth.core.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.spi.ApiKey;
import io.admin.auth.core.store.memory.InMemoryApiKeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LastUsedFlushesTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String ID = "AAAAAAAAAAAAAAA1";
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  private final CountingApiKeyStore store = new CountingApiKeyStore(new InMemoryApiKeyStore());

  private ApiKeyService service(Duration interval) {
    store.insert(new ApiKey(ID, "n", "o", Set.of(), T0, null, null, null, "hmac-sha256:x", null,
        null));
    return ApiKeyService.builder().store(store).hasher(SecretHasher.withPepper(new byte[32]))
        .lastUsedFlushInterval(interval).build();
  }

  @Test
  void closeWhenUsesPendingThenWrittenOnceAndThreadEnds() throws Exception {
    ApiKeyService keys = service(Duration.ofHours(1));
    Set<Thread> before = flusherThreads();
    LastUsedFlushes flushes = keys.startLastUsedFlushes();
    Set<Thread> started = flusherThreads();
    started.removeAll(before);
    assertEquals(1, started.size());
    assertTrue(started.iterator().next().isDaemon(), "the flusher must not keep the JVM alive");

    keys.lastUsed().record(ID, T0.plusSeconds(5));
    assertNull(store.findById(ID).orElseThrow().lastUsedAt(), "nothing written before a flush");
    flushes.close();
    flushes.close();

    assertEquals(T0.plusSeconds(5), store.findById(ID).orElseThrow().lastUsedAt());
    assertEquals(1, store.lastUsedWrites.get(), "the second close writes nothing");
    for (Thread t : started) {
      t.join(DEADLINE.toMillis());
      assertFalse(t.isAlive(), "the flusher thread ended");
    }
  }

  @Test
  void startWhenRunningThenUsesReachTheStoreWithoutClose() throws Exception {
    ApiKeyService keys = service(Duration.ofMillis(20));
    try (LastUsedFlushes flushes = keys.startLastUsedFlushes()) {
      keys.lastUsed().record(ID, T0.plusSeconds(9));
      Instant deadline = Instant.now().plus(DEADLINE);
      while (store.findById(ID).orElseThrow().lastUsedAt() == null
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(10);
      }
      assertEquals(T0.plusSeconds(9), store.findById(ID).orElseThrow().lastUsedAt());
    }
  }

  @Test
  void buildWhenFlushIntervalNotPositiveThenRefused() {
    for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1), null}) {
      assertThrows(IllegalStateException.class, () -> ApiKeyService.builder().store(store)
          .hasher(SecretHasher.withPepper(new byte[32])).lastUsedFlushInterval(bad).build());
    }
  }

  private static Set<Thread> flusherThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(LastUsedFlushes.THREAD_NAME)).collect(Collectors.toSet());
  }

  @Test
  void closeWhenCallerInterruptedThenStillFlushesAndInterruptKept() {
    ApiKeyService keys = service(Duration.ofHours(1));
    LastUsedFlushes flushes = keys.startLastUsedFlushes();
    keys.lastUsed().record(ID, T0.plusSeconds(3));

    Thread.currentThread().interrupt();
    try {
      flushes.close();
    } finally {
      assertTrue(Thread.interrupted(), "close swallowed the caller's interrupt");
    }
    assertEquals(T0.plusSeconds(3), store.findById(ID).orElseThrow().lastUsedAt());
  }
}
