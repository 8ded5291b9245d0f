package io.admin.auth.core.spi;

import java.util.List;

/**
 * Persists signing keys (with their private material) and their lifecycle state. Several nodes may
 * share one store; every write is conditional so that concurrent rotations cannot corrupt it.
 *
 * <p>Implementations are thread-safe and throw {@link io.admin.auth.core.AuthUnavailableException}
 * only when the backing store cannot be reached. Private key material must be stored as a secret
 * (see {@link SigningKey#encodedSigningKey()}).
 */
public interface SigningKeyStore {

  /**
   * Every stored key, in any order.
   *
   * @return the keys, of every state; empty when there is none
   */
  List<SigningKey> findAll();

  /**
   * Stores a new key; {@code false} (and nothing changes) when its kid already exists.
   *
   * @param key the new key
   * @return {@code true} when it was stored
   */
  boolean add(SigningKey key);

  /**
   * Replaces {@code expected} by {@code replacement} (same kid) only if the stored key's state is
   * still {@code expected.state()}: a conditional update ({@code UPDATE ... WHERE kid=? AND
   * state=?}). {@code false} when another writer got there first or the key is gone.
   *
   * @param expected the key as the caller read it
   * @param replacement the key to store in its place
   * @return {@code true} when the replacement was stored
   * @throws IllegalArgumentException when the kids differ
   */
  boolean replace(SigningKey expected, SigningKey replacement);

  /**
   * Deletes a key; {@code false} when it did not exist.
   *
   * @param kid the key id
   * @return {@code true} when a key was deleted
   */
  boolean remove(String kid);
}
