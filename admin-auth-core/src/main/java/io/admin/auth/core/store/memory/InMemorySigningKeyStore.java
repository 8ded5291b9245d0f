package io.admin.auth.core.store.memory;

import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.spi.SigningKeyStore;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link SigningKeyStore} in memory: keys are lost on restart (tokens signed by them stop verifying). */
public final class InMemorySigningKeyStore implements SigningKeyStore {

  private final ConcurrentMap<String, SigningKey> keys = new ConcurrentHashMap<>();

  /** {@inheritDoc} */
  @Override
  public List<SigningKey> findAll() {
    return List.copyOf(keys.values());
  }

  /** {@inheritDoc} */
  @Override
  public boolean add(SigningKey key) {
    Objects.requireNonNull(key, "key");
    return keys.putIfAbsent(key.kid(), key) == null;
  }

  /** {@inheritDoc} */
  @Override
  public boolean replace(SigningKey expected, SigningKey replacement) {
    if (!expected.kid().equals(replacement.kid())) {
      throw new IllegalArgumentException("kids differ");
    }
    boolean[] done = new boolean[1];
    keys.computeIfPresent(expected.kid(), (kid, current) -> {
      if (current.state() == expected.state()) {
        done[0] = true;
        return replacement;
      }
      return current;
    });
    return done[0];
  }

  /** {@inheritDoc} */
  @Override
  public boolean remove(String kid) {
    return keys.remove(kid) != null;
  }
}
