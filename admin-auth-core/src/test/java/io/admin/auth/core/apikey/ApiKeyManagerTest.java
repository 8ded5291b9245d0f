package io.admin.auth.core.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.spi.ApiKey;
import io.admin.auth.core.store.memory.InMemoryApiKeyStore;
import io.admin.auth.core.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Management alone: what it writes to a real store and what it hands out. */
class ApiKeyManagerTest {

  private static final Instant T0 = Instant.parse("2026-03-15T10:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();
  private final SecretHasher hasher = SecretHasher.withPepper(new byte[32]);
  private final LastUsedRecorder lastUsed = new LastUsedRecorder(store, 100);
  private final ApiKeyManager manager =
      new ApiKeyManager(store, hasher, clock, new SecureRandom(), lastUsed);

  private static String secretOf(IssuedApiKey issued) {
    return ApiKeyFormat.parse(issued.key()).orElseThrow().secret();
  }

  @Test
  void createWhenValidThenStoredWithHashOfTheSecretInTheReturnedKey() {
    IssuedApiKey issued = manager.create("alice", "ci", Set.of("a"), Duration.ofDays(1));

    ApiKey stored = store.findById(issued.metadata().id()).orElseThrow();
    assertEquals(issued.metadata(), stored);
    assertTrue(hasher.matches(secretOf(issued), stored.secretHash()));
    assertEquals(T0.plus(Duration.ofDays(1)), stored.expiresAt());
    assertThrows(IllegalArgumentException.class,
        () -> manager.create("alice", "x".repeat(201), Set.of(), null));
  }

  @Test
  void rotateWhenGraceThenOldHashKeptUntilGraceEndAndZeroGraceDropsIt() {
    IssuedApiKey issued = manager.create("alice", "ci", Set.of(), null);
    String id = issued.metadata().id();

    IssuedApiKey rotated = manager.rotate(id, Duration.ofMinutes(5)).orElseThrow();
    ApiKey stored = store.findById(id).orElseThrow();
    assertNotEquals(secretOf(issued), secretOf(rotated));
    assertTrue(hasher.matches(secretOf(issued), stored.previousSecretHash()));
    assertEquals(T0.plus(Duration.ofMinutes(5)), stored.previousSecretExpiresAt());

    manager.rotate(id, Duration.ZERO).orElseThrow();
    assertNull(store.findById(id).orElseThrow().previousSecretHash());
    assertThrows(IllegalArgumentException.class, () -> manager.rotate(id, Duration.ofSeconds(-1)));
  }

  @Test
  void rotateWhenRevokedOrMalformedIdThenEmpty() {
    String id = manager.create("alice", "ci", Set.of(), null).metadata().id();
    assertTrue(manager.revoke(id));

    assertEquals(Optional.empty(), manager.rotate(id, Duration.ZERO));
    assertEquals(Optional.empty(), manager.rotate("not an id", Duration.ZERO));
    assertFalse(manager.revoke("not an id"));
  }

  @Test
  void getAndListsWhenUsePendingThenPendingLastUseMergedIn() {
    String id = manager.create("alice", "ci", Set.of(), null).metadata().id();
    lastUsed.record(id, T0.plusSeconds(7));

    assertNull(store.findById(id).orElseThrow().lastUsedAt());
    assertEquals(T0.plusSeconds(7), manager.get(id).orElseThrow().lastUsedAt());
    assertEquals(T0.plusSeconds(7), manager.listByOwner("alice").get(0).lastUsedAt());
    assertEquals(T0.plusSeconds(7), manager.listAll().get(0).lastUsedAt());
    assertEquals(Optional.empty(), manager.get("../etc"));
  }
}
