package io.admin.auth.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.spi.Consent;
import io.admin.auth.core.spi.ConsentStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ConsentStore} must have: one consent per person and client, and a
 * person never sees another's. Store modules extend this class and implement {@link #newStore()}
 * (an empty store per test).
 */
public abstract class ConsentStoreContract {

  /** For the subclass that supplies the store under test. */
  protected ConsentStoreContract() {}

  /** The instant the fixtures are given at. */
  protected static final Instant T0 = Instant.parse("2025-03-15T10:00:00Z");

  /** A fresh store from {@link #newStore()} for each test. */
  protected ConsentStore store;

  /**
   * A new, empty store.
   *
   * @return a store holding nothing and shared with no other test; called once before each test
   */
  protected abstract ConsentStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  /**
   * A consent given at {@link #T0}, for the tests.
   *
   * @param subject the person who consented
   * @param clientId the third-party client consented to
   * @param scopes the scopes granted; may be empty
   * @return the consent
   */
  protected static Consent consent(String subject, String clientId, Set<String> scopes) {
    return new Consent(subject, clientId, scopes, T0);
  }

  @Test
  void findWhenSavedThenEveryFieldRoundTrips() {
    Consent c = new Consent("alice", "partner-app",
        Set.of("openid", "profile", "email", "offline_access", "users:read"), T0.plusSeconds(3));
    store.save(c);
    assertEquals(c, store.find("alice", "partner-app").orElseThrow());
  }

  @Test
  void findWhenNoScopesThenEmptySet() {
    store.save(consent("alice", "partner-app", Set.of()));
    assertEquals(Set.of(), store.find("alice", "partner-app").orElseThrow().scopes());
  }

  @Test
  void findWhenUnknownOrNullThenEmpty() {
    store.save(consent("alice", "partner-app", Set.of("openid")));
    assertEquals(Optional.empty(), store.find("alice", "other-app"));
    assertEquals(Optional.empty(), store.find(null, "partner-app"));
    assertEquals(Optional.empty(), store.find("alice", null));
  }

  @Test
  void saveWhenSamePersonAndClientThenReplaced() {
    store.save(consent("alice", "partner-app", Set.of("openid", "profile", "email")));
    Consent narrower = new Consent("alice", "partner-app", Set.of("openid"), T0.plusSeconds(60));
    store.save(narrower);
    assertEquals(narrower, store.find("alice", "partner-app").orElseThrow());
    assertEquals(List.of(narrower), store.findBySubject("alice"));
  }

  @Test
  void findBySubjectWhenSeveralClientsThenOrderedByClientId() {
    store.save(consent("alice", "charlie-app", Set.of("openid")));
    store.save(consent("alice", "alpha-app", Set.of("openid")));
    store.save(consent("alice", "bravo-app", Set.of("email")));
    assertEquals(List.of("alpha-app", "bravo-app", "charlie-app"),
        store.findBySubject("alice").stream().map(Consent::clientId).toList());
  }

  /**
   * The order is that of {@link String#compareTo} (every node and store the same, whatever the
   * database's collation): upper case before lower case, punctuation by code point.
   */
  @Test
  void findBySubjectWhenClientIdsDifferInCaseThenOrderedByCodePoint() {
    store.save(consent("alice", "bravo-app", Set.of("openid")));
    store.save(consent("alice", "Zulu-app", Set.of("openid")));
    store.save(consent("alice", "alpha-app", Set.of("openid")));
    store.save(consent("alice", "alpha_app", Set.of("openid")));
    store.save(consent("alice", "alpha.app", Set.of("openid")));
    assertEquals(List.of("Zulu-app", "alpha-app", "alpha.app", "alpha_app", "bravo-app"),
        store.findBySubject("alice").stream().map(Consent::clientId).toList());
  }

  @Test
  void findBySubjectWhenOtherPeopleConsentedThenAForeignSubjectSeesNothing() {
    store.save(consent("alice", "partner-app", Set.of("openid")));
    store.save(consent("alice", "other-app", Set.of("openid")));
    assertEquals(List.of(), store.findBySubject("bob"));
    assertEquals(List.of(), store.findBySubject(null));
    assertTrue(store.find("bob", "partner-app").isEmpty());
    assertFalse(store.delete("bob", "partner-app"));
    assertEquals(2, store.findBySubject("alice").size());
  }

  /** Subjects are compared exactly: {@code Alice} is not {@code alice}. */
  @Test
  void findWhenSubjectDiffersOnlyInCaseThenDistinct() {
    store.save(consent("alice", "partner-app", Set.of("openid")));
    assertTrue(store.find("Alice", "partner-app").isEmpty());
    assertEquals(List.of(), store.findBySubject("Alice"));
    store.save(consent("Alice", "partner-app", Set.of("email")));
    assertEquals(Set.of("openid"), store.find("alice", "partner-app").orElseThrow().scopes());
  }

  @Test
  void deleteWhenPresentThenWithdrawnOnceAndOthersKept() {
    store.save(consent("alice", "partner-app", Set.of("openid")));
    store.save(consent("alice", "other-app", Set.of("openid")));
    store.save(consent("bob", "partner-app", Set.of("openid")));
    assertTrue(store.delete("alice", "partner-app"));
    assertFalse(store.delete("alice", "partner-app"));
    assertFalse(store.delete(null, "partner-app"));
    assertTrue(store.find("alice", "partner-app").isEmpty());
    assertTrue(store.find("alice", "other-app").isPresent());
    assertTrue(store.find("bob", "partner-app").isPresent());
  }

  /** Subjects and client ids up to 255 characters, non-ASCII included, must fit. */
  @Test
  void findWhenLongestIdsThenRoundTrip() {
    Consent c = consent("ü" + "s".repeat(254), "c".repeat(254) + "é", Set.of("openid"));
    store.save(c);
    assertEquals(c, store.find(c.subject(), c.clientId()).orElseThrow());
    assertEquals(List.of(c), store.findBySubject(c.subject()));
  }
}
