package io.admin.auth.tck;

import io.admin.auth.core.spi.RevocationStore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link RevocationStore} must have; store modules extend it. */
public abstract class RevocationStoreContract {

  /** For the subclass that supplies the store under test. */
  protected RevocationStoreContract() {}

  /** The instant the tests start at. */
  protected static final Instant T0 = Instant.parse("2025-03-15T10:00:00Z");

  /** A fresh store from {@link #newStore()} for each test. */
  protected RevocationStore store;

  /**
   * A new, empty store.
   *
   * @return a store holding nothing and shared with no other test; called once before each test
   */
  protected abstract RevocationStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  void isRevokedWhenNothingRevokedThenFalse() {
    assertFalse(store.isRevoked("j1", "f1"));
    assertFalse(store.isRevoked("j1", null));
  }

  @Test
  void isRevokedWhenJtiRevokedThenTrue() {
    store.revokeAccessToken("j1", T0.plusSeconds(60));
    assertTrue(store.isRevoked("j1", null));
    assertTrue(store.isRevoked("j1", "other"));
    assertFalse(store.isRevoked("j2", null));
  }

  @Test
  void isRevokedWhenFamilyRevokedThenTrueForAnyJtiOfIt() {
    store.revokeFamily("f1", T0.plusSeconds(60));
    assertTrue(store.isRevoked("any", "f1"));
    assertFalse(store.isRevoked("any", "f2"));
  }

  @Test
  void purgeExpiredWhenKeepUntilPassedThenForgotten() {
    store.revokeAccessToken("j1", T0.plusSeconds(60));
    store.revokeFamily("f1", T0.plusSeconds(120));
    assertEquals(0, store.purgeExpired(T0.plusSeconds(60)));
    assertTrue(store.isRevoked("j1", null));
    assertEquals(1, store.purgeExpired(T0.plusSeconds(61)));
    assertFalse(store.isRevoked("j1", null));
    assertTrue(store.isRevoked("x", "f1"));
    assertEquals(1, store.purgeExpired(T0.plusSeconds(121)));
    assertFalse(store.isRevoked("x", "f1"));
  }

  @Test
  void revokeFamilyWhenRepeatedWithLaterInstantThenExtended() {
    store.revokeFamily("f1", T0.plusSeconds(60));
    store.revokeFamily("f1", T0.plusSeconds(600));
    store.purgeExpired(T0.plusSeconds(61));
    assertTrue(store.isRevoked("x", "f1"));
  }

  @Test
  void revokeAccessTokenWhenRepeatedWithEarlierInstantThenLaterKept() {
    store.revokeAccessToken("j1", T0.plusSeconds(600));
    store.revokeAccessToken("j1", T0.plusSeconds(60));
    store.purgeExpired(T0.plusSeconds(61));
    assertTrue(store.isRevoked("j1", null));
  }
}
