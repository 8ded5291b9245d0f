package io.admin.auth.tck;

import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.spi.SigningKeyStore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.key.SigningKeys;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link SigningKeyStore} must have; store modules extend it. */
public abstract class SigningKeyStoreContract {

  /** For the subclass that supplies the store under test. */
  protected SigningKeyStoreContract() {}

  /** The instant the fixtures are created at. */
  protected static final Instant T0 = Instant.parse("2025-03-15T10:00:00Z");
  private static final SigningKeys KEYS = new SigningKeys(new SecureRandom());

  /** A fresh store from {@link #newStore()} for each test. */
  protected SigningKeyStore store;

  /**
   * A new, empty store.
   *
   * @return a store holding nothing and shared with no other test; called once before each test
   */
  protected abstract SigningKeyStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  void findAllWhenEmptyThenEmpty() {
    assertTrue(store.findAll().isEmpty());
  }

  @Test
  void addWhenNewThenFoundWithSameMaterial() {
    SigningKey k = KEYS.generate(SigningAlgorithm.ES256, KeyState.ACTIVE, T0);
    assertTrue(store.add(k));
    SigningKey back = store.findAll().get(0);
    assertEquals(k.kid(), back.kid());
    assertEquals(KeyState.ACTIVE, back.state());
    assertEquals(T0, back.activatedAt());
    assertArrayEquals(k.encodedSigningKey(), back.encodedSigningKey());
    assertArrayEquals(k.encodedVerificationKey(), back.encodedVerificationKey());
  }

  @Test
  void addWhenKidExistsThenFalse() {
    SigningKey k = KEYS.generate(SigningAlgorithm.HS256, KeyState.NEXT, T0);
    assertTrue(store.add(k));
    assertFalse(store.add(k));
    assertEquals(1, store.findAll().size());
  }

  @Test
  void replaceWhenStateMatchesThenReplaced() {
    SigningKey next = KEYS.generate(SigningAlgorithm.HS256, KeyState.NEXT, T0);
    store.add(next);
    assertTrue(store.replace(next, next.activate(T0.plusSeconds(1))));
    assertEquals(KeyState.ACTIVE, store.findAll().get(0).state());
  }

  @Test
  void replaceWhenStateChangedMeanwhileThenFalseAndUnchanged() {
    SigningKey next = KEYS.generate(SigningAlgorithm.HS256, KeyState.NEXT, T0);
    store.add(next);
    SigningKey active = next.activate(T0.plusSeconds(1));
    assertTrue(store.replace(next, active));
    assertFalse(store.replace(next, next.activate(T0.plusSeconds(2))));
    assertEquals(T0.plusSeconds(1), store.findAll().get(0).activatedAt());
  }

  @Test
  void replaceWhenKidsDifferThenIllegalArgument() {
    SigningKey a = KEYS.generate(SigningAlgorithm.HS256, KeyState.NEXT, T0);
    SigningKey b = KEYS.generate(SigningAlgorithm.HS256, KeyState.NEXT, T0);
    store.add(a);
    assertThrows(IllegalArgumentException.class, () -> store.replace(a, b.activate(T0)));
  }

  @Test
  void removeWhenPresentThenGone() {
    SigningKey k = KEYS.generate(SigningAlgorithm.HS256, KeyState.NEXT, T0);
    store.add(k);
    assertTrue(store.remove(k.kid()));
    assertFalse(store.remove(k.kid()));
    assertTrue(store.findAll().isEmpty());
  }
}
