package io.admin.auth.tck;

import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.spi.OAuthClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ClientStore} must have; store modules extend it. */
public abstract class ClientStoreContract {

  /** For the subclass that supplies the store under test. */
  protected ClientStoreContract() {}

  /** A fresh store from {@link #newStore()} for each test. */
  protected ClientStore store;

  /** A new, empty store. */
  protected abstract ClientStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  /**
   * A client for the tests.
   *
   * @param id the client id
   * @param scopes the scopes it may ask for
   * @return the client
   */
  protected static OAuthClient client(String id, Set<String> scopes) {
    return new OAuthClient(id, "hmac-sha256:abc", scopes,
        Set.of("client_credentials", "refresh_token"), true, Duration.ofMinutes(5), null);
  }

  @Test
  void findByIdWhenSavedThenEqual() {
    OAuthClient c = client("a", Set.of("users:read"));
    store.save(c);
    assertEquals(c, store.findById("a").orElseThrow());
  }

  @Test
  void findByIdWhenUnknownThenEmpty() {
    assertTrue(store.findById("zzz").isEmpty());
  }

  @Test
  void saveWhenSameIdThenReplaced() {
    store.save(client("a", Set.of("users:read")));
    store.save(client("a", Set.of("users:write")));
    assertEquals(Set.of("users:write"), store.findById("a").orElseThrow().allowedScopes());
    assertEquals(1, store.findAll().size());
  }

  @Test
  void deleteWhenPresentThenGone() {
    store.save(client("a", Set.of()));
    assertTrue(store.delete("a"));
    assertFalse(store.delete("a"));
    assertTrue(store.findById("a").isEmpty());
  }
}
