package io.admin.auth.tck;

import io.admin.auth.core.spi.User;
import io.admin.auth.core.spi.UserStore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link UserStore} must have. A JDBC module extends this with its own
 * {@link #newStore()} (a fresh, empty store per test).
 */
public abstract class UserStoreContract {

  /** For the subclass that supplies the store under test. */
  protected UserStoreContract() {}

  /** A fresh store from {@link #newStore()} for each test. */
  protected UserStore store;

  /**
   * A fresh, empty store.
   *
   * @return a store holding nothing and shared with no other test; called once before each test
   */
  protected abstract UserStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  void saveWhenNewThenFoundWithAllFields() {
    User u = new User("alice", "$argon2id$h1", Set.of("users:read", "x"), false);
    store.save(u);
    assertEquals(u, store.find("alice").orElseThrow());
    assertTrue(store.find("bob").isEmpty());
  }

  @Test
  void saveWhenExistingThenReplaced() {
    store.save(new User("alice", "$argon2id$h1", Set.of(), false));
    store.save(new User("alice", "$argon2id$h2", Set.of("a"), true));
    User u = store.find("alice").orElseThrow();
    assertEquals("$argon2id$h2", u.passwordHash());
    assertTrue(u.disabled());
    assertEquals(Set.of("a"), u.scopes());
  }

  @Test
  void findWhenNameDiffersInCaseThenEmpty() {
    store.save(new User("alice", "$argon2id$h1", Set.of(), false));
    assertTrue(store.find("Alice").isEmpty());
  }

  @Test
  void replacePasswordHashWhenExpectedMatchesThenReplaced() {
    store.save(new User("alice", "$2a$old", Set.of("s"), false));
    assertTrue(store.replacePasswordHash("alice", "$2a$old", "$argon2id$new"));
    User u = store.find("alice").orElseThrow();
    assertEquals("$argon2id$new", u.passwordHash());
    assertEquals(Set.of("s"), u.scopes());
  }

  @Test
  void replacePasswordHashWhenChangedMeanwhileThenNotReplaced() {
    store.save(new User("alice", "$argon2id$changed", Set.of(), false));
    assertFalse(store.replacePasswordHash("alice", "$2a$old", "$argon2id$new"));
    assertEquals("$argon2id$changed", store.find("alice").orElseThrow().passwordHash());
    assertFalse(store.replacePasswordHash("nobody", "$2a$old", "$argon2id$new"));
  }

  @Test
  void deleteWhenPresentThenGoneAndSecondDeleteFalse() {
    store.save(new User("alice", "$argon2id$h1", Set.of(), false));
    assertTrue(store.delete("alice"));
    assertTrue(store.find("alice").isEmpty());
    assertFalse(store.delete("alice"));
  }
}
