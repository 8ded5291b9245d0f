package io.admin.auth.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persists API key metadata. Implementations must be thread-safe, and every mutating method must
 * be atomic per key (one {@code UPDATE ... WHERE id = ?} in SQL), so that a rotation racing a
 * revocation cannot resurrect a revoked key. Stores hold only secret hashes, never secrets.
 *
 * <p>Every method throws {@link io.admin.auth.core.AuthUnavailableException} when the store cannot
 * be reached; "not found" is an ordinary return value.
 */
public interface ApiKeyStore {

  /**
   * Stores a new key.
   *
   * @param key the new key, as built by the API-key service
   * @return {@code false} (and changes nothing) when a key with the same id exists
   */
  boolean insert(ApiKey key);

  /**
   * The key with {@code id}, or empty. Called on every authentication: make it an index lookup.
   *
   * @param id the key id, as parsed from the presented key
   * @return the key, revoked or expired ones included, or empty when unknown
   */
  Optional<ApiKey> findById(String id);

  /**
   * The keys owned by {@code owner}, revoked ones included, ordered by creation, then id.
   *
   * @param owner the owner's identity
   * @return the keys; empty when the owner has none
   */
  List<ApiKey> findByOwner(String owner);

  /**
   * Every key, revoked ones included, ordered by creation, then id (for admin listings).
   *
   * @return the keys; empty when there are none
   */
  List<ApiKey> findAll();

  /**
   * Atomically replaces the current secret hash of a key that is not revoked: the current hash
   * becomes the previous one, valid until {@code previousValidUntil}; when that is {@code null}
   * the previous hash is dropped instead (rotation without grace).
   *
   * @param id the 16-character key id (not the full key)
   * @param newSecretHash the peppered hash of the new secret
   * @param previousValidUntil the end of the grace period of the old secret, or {@code null} for
   *     none
   * @return the updated key, or empty when the key does not exist or is revoked
   */
  Optional<ApiKey> rotate(String id, String newSecretHash, Instant previousValidUntil);

  /**
   * Marks the key revoked at {@code at} if it is not revoked yet (the first revocation instant is
   * kept).
   *
   * @param id the 16-character key id (not the full key)
   * @param at the revocation instant
   * @return {@code true} if the key exists (revoked now or before), {@code false} if unknown
   */
  boolean revoke(String id, Instant at);

  /**
   * Batch update of {@code last_used_at}: each entry moves the key's value forward to the given
   * instant, never backward. Unknown ids are ignored.
   *
   * @param lastUsedById the newest use per key id; may be empty
   */
  void recordLastUsed(Map<String, Instant> lastUsedById);
}
