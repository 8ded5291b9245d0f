package io.admin.auth.core.apikey;

import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.spi.ApiKey;
import io.admin.auth.core.spi.ApiKeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * API-key management: create, list, get, rotate and revoke. Secrets are generated here and stored
 * only as keyed hashes; metadata handed out carries the not-yet-flushed last-use time from the
 * {@link LastUsedRecorder}, so a listing is never older than the last authentication.
 */
final class ApiKeyManager {

  private static final int MAX_NAME_LENGTH = 200;
  private static final int MAX_ID_ATTEMPTS = 5;

  private final ApiKeyStore store;
  private final SecretHasher hasher;
  private final Clock clock;
  private final SecureRandom random;
  private final LastUsedRecorder lastUsed;

  ApiKeyManager(ApiKeyStore store, SecretHasher hasher, Clock clock, SecureRandom random,
      LastUsedRecorder lastUsed) {
    this.store = store;
    this.hasher = hasher;
    this.clock = clock;
    this.random = random;
    this.lastUsed = lastUsed;
  }

  /** See {@link ApiKeyService#create}. */
  IssuedApiKey create(String owner, String name, Set<String> scopes, Duration expiresIn) {
    if (owner == null || owner.isBlank()) {
      throw new IllegalArgumentException("owner must not be blank");
    }
    if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("name must be 1 to " + MAX_NAME_LENGTH + " characters");
    }
    if (expiresIn != null && (expiresIn.isNegative() || expiresIn.isZero())) {
      throw new IllegalArgumentException("expires_in must be positive");
    }
    Objects.requireNonNull(scopes, "scopes");
    Instant now = clock.instant();
    for (int attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
      String id = ApiKeyFormat.newId(random);
      String secret = ApiKeyFormat.newSecret(random);
      ApiKey key = new ApiKey(id, name, owner, scopes, now,
          expiresIn == null ? null : now.plus(expiresIn), null, null, hasher.hash(secret), null,
          null);
      // 95-bit random ids do not collide in practice; the retry covers a broken SecureRandom.
      if (store.insert(key)) {
        return new IssuedApiKey(key, ApiKeyFormat.format(id, secret));
      }
    }
    throw new IllegalStateException("could not allocate a unique API key id");
  }

  List<ApiKey> listByOwner(String owner) {
    return store.findByOwner(owner).stream().map(this::withPendingLastUse).toList();
  }

  List<ApiKey> listAll() {
    return store.findAll().stream().map(this::withPendingLastUse).toList();
  }

  Optional<ApiKey> get(String id) {
    if (!ApiKeyFormat.isKeyId(id)) {
      return Optional.empty();
    }
    return store.findById(id).map(this::withPendingLastUse);
  }

  /** See {@link ApiKeyService#rotate(String, Duration)}. */
  Optional<IssuedApiKey> rotate(String id, Duration gracePeriod) {
    if (gracePeriod == null || gracePeriod.isNegative()) {
      throw new IllegalArgumentException("grace_period must not be negative");
    }
    Instant now = clock.instant();
    Optional<ApiKey> current = get(id);
    if (current.isEmpty() || current.get().revoked() || current.get().expiredAt(now)) {
      return Optional.empty();
    }
    String secret = ApiKeyFormat.newSecret(random);
    Instant previousValidUntil = gracePeriod.isZero() ? null : now.plus(gracePeriod);
    return store.rotate(id, hasher.hash(secret), previousValidUntil)
        .map(k -> new IssuedApiKey(withPendingLastUse(k), ApiKeyFormat.format(id, secret)));
  }

  boolean revoke(String id) {
    return ApiKeyFormat.isKeyId(id) && store.revoke(id, clock.instant());
  }

  private ApiKey withPendingLastUse(ApiKey key) {
    return lastUsed.pending(key.id()).map(key::withLastUsedAt).orElse(key);
  }
}
