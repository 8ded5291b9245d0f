package io.admin.auth.tck;

import io.admin.auth.core.spi.ApiKey;
import io.admin.auth.core.spi.ApiKeyStore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ApiKeyStore} must have. A JDBC module extends this with its own
 * {@link #newStore()} (a fresh, empty store per test).
 */
public abstract class ApiKeyStoreContract {

  /** For the subclass that supplies the store under test. */
  protected ApiKeyStoreContract() {}

  /** The instant the fixtures are created at. */
  protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** A fresh store from {@link #newStore()} for each test. */
  protected ApiKeyStore store;

  /**
   * A fresh, empty store.
   *
   * @return a store holding nothing and shared with no other test; called once before each test
   */
  protected abstract ApiKeyStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  /**
   * A valid key without expiry or previous secret, for the tests.
   *
   * @param id the key id (16 alphanumerics)
   * @param owner its owner
   * @param createdAt its creation instant
   * @return the key
   */
  protected static ApiKey key(String id, String owner, Instant createdAt) {
    return new ApiKey(id, "name-" + id, owner, Set.of("users:read", "b"), createdAt,
        createdAt.plusSeconds(3600), null, null, "hmac-sha256:h-" + id, null, null);
  }

  @Test
  void insertWhenNewThenFoundByIdWithAllFields() {
    ApiKey k = key("AAAAAAAAAAAAAAA1", "alice", T0);
    assertTrue(store.insert(k));
    assertEquals(k, store.findById("AAAAAAAAAAAAAAA1").orElseThrow());
  }

  @Test
  void insertWhenDuplicateIdThenFalseAndOriginalKept() {
    ApiKey k = key("AAAAAAAAAAAAAAA1", "alice", T0);
    store.insert(k);
    assertFalse(store.insert(key("AAAAAAAAAAAAAAA1", "mallory", T0)));
    assertEquals("alice", store.findById("AAAAAAAAAAAAAAA1").orElseThrow().owner());
  }

  @Test
  void findByIdWhenUnknownThenEmpty() {
    assertTrue(store.findById("AAAAAAAAAAAAAAA9").isEmpty());
  }

  @Test
  void findByOwnerWhenSeveralOwnersThenOnlyTheirsInCreationOrder() {
    store.insert(key("AAAAAAAAAAAAAAA2", "alice", T0.plusSeconds(2)));
    store.insert(key("AAAAAAAAAAAAAAA1", "alice", T0.plusSeconds(1)));
    store.insert(key("AAAAAAAAAAAAAAA3", "bob", T0));
    assertEquals(List.of("AAAAAAAAAAAAAAA1", "AAAAAAAAAAAAAAA2"),
        store.findByOwner("alice").stream().map(ApiKey::id).toList());
    assertEquals(List.of("AAAAAAAAAAAAAAA3", "AAAAAAAAAAAAAAA1", "AAAAAAAAAAAAAAA2"),
        store.findAll().stream().map(ApiKey::id).toList());
    assertTrue(store.findByOwner("carol").isEmpty());
  }

  @Test
  void rotateWhenGraceThenCurrentBecomesPrevious() {
    store.insert(key("AAAAAAAAAAAAAAA1", "alice", T0));
    ApiKey rotated = store.rotate("AAAAAAAAAAAAAAA1", "hmac-sha256:new", T0.plusSeconds(60)).orElseThrow();
    assertEquals("hmac-sha256:new", rotated.secretHash());
    assertEquals("hmac-sha256:h-AAAAAAAAAAAAAAA1", rotated.previousSecretHash());
    assertEquals(T0.plusSeconds(60), rotated.previousSecretExpiresAt());
    assertEquals(rotated, store.findById("AAAAAAAAAAAAAAA1").orElseThrow());
  }

  @Test
  void rotateWhenNoGraceThenPreviousDropped() {
    store.insert(key("AAAAAAAAAAAAAAA1", "alice", T0));
    store.rotate("AAAAAAAAAAAAAAA1", "hmac-sha256:new", T0.plusSeconds(60));
    ApiKey rotated = store.rotate("AAAAAAAAAAAAAAA1", "hmac-sha256:newer", null).orElseThrow();
    assertEquals("hmac-sha256:newer", rotated.secretHash());
    assertNull(rotated.previousSecretHash());
    assertNull(rotated.previousSecretExpiresAt());
  }

  @Test
  void rotateWhenRevokedOrUnknownThenEmptyAndUnchanged() {
    store.insert(key("AAAAAAAAAAAAAAA1", "alice", T0));
    store.revoke("AAAAAAAAAAAAAAA1", T0.plusSeconds(5));
    assertTrue(store.rotate("AAAAAAAAAAAAAAA1", "hmac-sha256:new", null).isEmpty());
    assertEquals("hmac-sha256:h-AAAAAAAAAAAAAAA1", store.findById("AAAAAAAAAAAAAAA1").orElseThrow().secretHash());
    assertTrue(store.rotate("AAAAAAAAAAAAAAA9", "hmac-sha256:new", null).isEmpty());
  }

  @Test
  void revokeWhenRepeatedThenFirstInstantKept() {
    store.insert(key("AAAAAAAAAAAAAAA1", "alice", T0));
    assertTrue(store.revoke("AAAAAAAAAAAAAAA1", T0.plusSeconds(5)));
    assertTrue(store.revoke("AAAAAAAAAAAAAAA1", T0.plusSeconds(9)));
    assertEquals(T0.plusSeconds(5), store.findById("AAAAAAAAAAAAAAA1").orElseThrow().revokedAt());
    assertFalse(store.revoke("AAAAAAAAAAAAAAA9", T0));
  }

  @Test
  void recordLastUsedWhenBatchThenMovesForwardOnlyAndIgnoresUnknown() {
    store.insert(key("AAAAAAAAAAAAAAA1", "alice", T0));
    store.insert(key("AAAAAAAAAAAAAAA2", "alice", T0));
    store.recordLastUsed(Map.of("AAAAAAAAAAAAAAA1", T0.plusSeconds(10),
        "AAAAAAAAAAAAAAA2", T0.plusSeconds(20), "AAAAAAAAAAAAAAA9", T0));
    store.recordLastUsed(Map.of("AAAAAAAAAAAAAAA1", T0.plusSeconds(5)));
    assertEquals(T0.plusSeconds(10), store.findById("AAAAAAAAAAAAAAA1").orElseThrow().lastUsedAt());
    assertEquals(T0.plusSeconds(20), store.findById("AAAAAAAAAAAAAAA2").orElseThrow().lastUsedAt());
    assertTrue(store.findById("AAAAAAAAAAAAAAA9").isEmpty());
  }
}
