package io.admin.auth.core.store.memory;

import io.admin.auth.core.spi.ApiKey;
import io.admin.auth.core.spi.ApiKeyStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ApiKeyStore} in a {@link ConcurrentHashMap}: for tests, the dev server and single-node
 * deployments that accept losing keys on restart. Every mutation is one atomic map operation.
 * Not bounded: it holds every key created.
 */
public final class InMemoryApiKeyStore implements ApiKeyStore {

  private static final Comparator<ApiKey> ORDER =
      Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id);

  private final ConcurrentHashMap<String, ApiKey> keys = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryApiKeyStore() {}

  @Override
  public boolean insert(ApiKey key) {
    Objects.requireNonNull(key, "key");
    return keys.putIfAbsent(key.id(), key) == null;
  }

  @Override
  public Optional<ApiKey> findById(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(keys.get(id));
  }

  @Override
  public List<ApiKey> findByOwner(String owner) {
    return keys.values().stream().filter(k -> k.owner().equals(owner)).sorted(ORDER).toList();
  }

  @Override
  public List<ApiKey> findAll() {
    return keys.values().stream().sorted(ORDER).toList();
  }

  @Override
  public Optional<ApiKey> rotate(String id, String newSecretHash, Instant previousValidUntil) {
    Objects.requireNonNull(newSecretHash, "newSecretHash");
    return Optional.ofNullable(keys.computeIfPresent(id, (k, old) -> old.revoked()
        ? old
        : new ApiKey(old.id(), old.name(), old.owner(), old.scopes(), old.createdAt(),
            old.expiresAt(), old.lastUsedAt(), null, newSecretHash,
            previousValidUntil == null ? null : old.secretHash(), previousValidUntil)))
        .filter(k -> !k.revoked());
  }

  @Override
  public boolean revoke(String id, Instant at) {
    Objects.requireNonNull(at, "at");
    return keys.computeIfPresent(id, (k, old) -> old.revoked()
        ? old
        : new ApiKey(old.id(), old.name(), old.owner(), old.scopes(), old.createdAt(),
            old.expiresAt(), old.lastUsedAt(), at, old.secretHash(), old.previousSecretHash(),
            old.previousSecretExpiresAt())) != null;
  }

  @Override
  public void recordLastUsed(Map<String, Instant> lastUsedById) {
    lastUsedById.forEach((id, at) -> keys.computeIfPresent(id, (k, old) -> old.withLastUsedAt(at)));
  }
}
