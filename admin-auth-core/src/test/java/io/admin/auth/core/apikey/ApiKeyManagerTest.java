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

  /** A JDK SecureRandom with a fixed, repeatable output: two of them draw the same ids. */
  private static SecureRandom repeatable() {
    return new SecureRandom() {
      private int next;

      @Override
      public void nextBytes(byte[] out) {
        for (int i = 0; i < out.length; i++) {
          out[i] = (byte) (next++ * 7 + 3);
        }
      }
    };
  }

  @Test
  void createWhenOwnerNullOrNameOverTwoHundredCharactersThenIllegalArgument() {
    assertThrows(IllegalArgumentException.class, () -> manager.create(null, "ci", Set.of(), null));
    assertThrows(IllegalArgumentException.class,
        () -> manager.create("alice", "n".repeat(201), Set.of(), null));
    assertEquals("n".repeat(200),
        manager.create("alice", "n".repeat(200), Set.of(), null).metadata().name());
  }

  @Test
  void createWhenDrawnIdAlreadyTakenThenAnotherIdAndTheTakenKeyUntouched() {
    String taken = ApiKeyFormat.newId(repeatable());
    store.insert(new ApiKey(taken, "other", "bob", Set.of(), T0, null, null, null,
        "hmac-sha256:x", null, null));
    ApiKeyManager colliding = new ApiKeyManager(store, hasher, clock, repeatable(), lastUsed);

    IssuedApiKey issued = colliding.create("alice", "ci", Set.of(), null);

    assertNotEquals(taken, issued.metadata().id());
    assertEquals(issued.metadata(), store.findById(issued.metadata().id()).orElseThrow());
    assertEquals("bob", store.findById(taken).orElseThrow().owner());
  }

  @Test
  void createWhenEveryDrawnIdTakenThenIllegalStateAfterFiveInserts() {
    SecureRandom constant = new SecureRandom() {
      @Override
      public void nextBytes(byte[] out) {
        java.util.Arrays.fill(out, (byte) 5);
      }
    };
    CountingApiKeyStore counting = new CountingApiKeyStore(store);
    ApiKeyManager stuck = new ApiKeyManager(counting, hasher, clock, constant, lastUsed);
    stuck.create("alice", "first", Set.of(), null);

    assertThrows(IllegalStateException.class, () -> stuck.create("alice", "second", Set.of(), null));
    assertEquals(1 + 5, counting.inserts.get());
  }

  @Test
  void getWhenNotAKeyIdThenEmptyWithoutStoreLookup() {
    CountingApiKeyStore counting = new CountingApiKeyStore(store);
    ApiKeyManager m = new ApiKeyManager(counting, hasher, clock, new SecureRandom(), lastUsed);

    assertEquals(Optional.empty(), m.get("../etc/passwd"));
    assertEquals(0, counting.lookups.get());
  }

  @Test
  void rotateWhenGracePeriodNullThenIllegalArgument() {
    String id = manager.create("alice", "ci", Set.of(), null).metadata().id();

    assertThrows(IllegalArgumentException.class, () -> manager.rotate(id, null));
  }
}
