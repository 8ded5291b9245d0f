package io.admin.auth.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.spi.SignInSession;
import io.admin.auth.core.spi.SignInSessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SignInSessionStore} must have. Store modules extend this class and
 * implement {@link #newStore()} (an empty store per test).
 */
public abstract class SignInSessionStoreContract {

  /** For the subclass that supplies the store under test. */
  protected SignInSessionStoreContract() {}

  /** The instant the fixtures sign in at. */
  protected static final Instant T0 = Instant.parse("2025-03-15T10:00:00Z");

  /** A fresh store from {@link #newStore()} for each test. */
  protected SignInSessionStore store;

  /**
   * A new, empty store.
   *
   * @return a store holding nothing and shared with no other test; called once before each test
   */
  protected abstract SignInSessionStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  /**
   * A session of {@code subject} signed in at {@link #T0} with a password, for eight hours.
   *
   * @param idHash the hash of the session id, the key the store finds it by
   * @param subject the person signed in
   * @return the session
   */
  protected static SignInSession session(String idHash, String subject) {
    return new SignInSession(idHash, subject, T0, Set.of("pwd"), T0.plus(Duration.ofHours(8)));
  }

  @Test
  void findWhenSavedThenEveryFieldRoundTrips() {
    SignInSession s = new SignInSession("h1", "alice", T0.minusSeconds(7),
        Set.of("pwd", "otp", "mfa"), T0.plus(Duration.ofHours(8)));
    store.save(s);
    SignInSession found = store.find("h1").orElseThrow();
    assertEquals(s, found);
    assertEquals(Set.of("mfa", "otp", "pwd"), found.authMethods());
  }

  @Test
  void findWhenNoAuthMethodsThenEmptySet() {
    store.save(new SignInSession("h1", "alice", T0, Set.of(), T0.plusSeconds(60)));
    assertEquals(Set.of(), store.find("h1").orElseThrow().authMethods());
  }

  /** Subjects up to 255 characters, any of them non-ASCII, must fit. */
  @Test
  void findWhenLongNonAsciiSubjectThenRoundTrips() {
    SignInSession s = session("h1", "ü" + "s".repeat(253) + "✓");
    store.save(s);
    assertEquals(s, store.find("h1").orElseThrow());
  }

  @Test
  void findWhenUnknownOrNullThenEmpty() {
    store.save(session("h1", "alice"));
    assertEquals(Optional.empty(), store.find("h2"));
    assertEquals(Optional.empty(), store.find(null));
  }

  @Test
  void saveWhenSameIdHashThenReplaced() {
    store.save(session("h1", "alice"));
    SignInSession again = new SignInSession("h1", "alice", T0.plusSeconds(600),
        Set.of("pwd", "mfa"), T0.plus(Duration.ofHours(9)));
    store.save(again);
    assertEquals(again, store.find("h1").orElseThrow());
  }

  @Test
  void saveWhenOtherIdHashThenBothKept() {
    store.save(session("h1", "alice"));
    store.save(session("h2", "bob"));
    assertEquals("alice", store.find("h1").orElseThrow().subject());
    assertEquals("bob", store.find("h2").orElseThrow().subject());
  }

  @Test
  void deleteWhenPresentThenGoneAndOthersKept() {
    store.save(session("h1", "alice"));
    store.save(session("h2", "alice"));
    assertTrue(store.delete("h1"));
    assertFalse(store.delete("h1"));
    assertFalse(store.delete(null));
    assertTrue(store.find("h1").isEmpty());
    assertTrue(store.find("h2").isPresent());
  }

  @Test
  void purgeExpiredWhenCutoffReachesExpiryThenOnlyExpiredSessionsDeleted() {
    store.save(new SignInSession("short", "alice", T0, Set.of("pwd"), T0.plusSeconds(60)));
    store.save(new SignInSession("long", "alice", T0, Set.of("pwd"), T0.plusSeconds(3600)));
    assertEquals(0, store.purgeExpired(T0.plusSeconds(59)));
    assertEquals(1, store.purgeExpired(T0.plusSeconds(60)));
    assertEquals(0, store.purgeExpired(T0.plusSeconds(60)));
    assertTrue(store.find("short").isEmpty());
    assertTrue(store.find("long").isPresent());
  }
}
