package io.admin.auth.core.spi;


import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The stored metadata of one API key. Immutable. Holds only HMACs of secrets (see
 * {@link io.admin.auth.core.crypto.SecretHasher}), and even those are masked in {@link #toString()}.
 *
 * @param id public key id (16 base62 characters, see {@link #isKeyId})
 * @param name a label chosen by the creator, e.g. {@code ci-bot}
 * @param owner the subject (user or client id) that owns the key; becomes the principal's subject
 * @param scopes scopes granted to callers presenting the key (sorted, unmodifiable; each an RFC
 *     6749 section 3.3 scope token, so that none splits in two when joined with spaces)
 * @param createdAt creation instant
 * @param expiresAt when the key stops working, or {@code null} if it never expires
 * @param lastUsedAt last successful use as last flushed to the store (may lag, see
 *     {@link io.admin.auth.core.apikey.LastUsedRecorder}), or {@code null} if never used
 * @param revokedAt when the key was revoked, or {@code null}
 * @param secretHash HMAC of the current secret
 * @param previousSecretHash HMAC of the secret replaced by the last rotation, or {@code null}
 * @param previousSecretExpiresAt end of the rotation grace period of {@code previousSecretHash};
 *     {@code null} exactly when {@code previousSecretHash} is
 */
public record ApiKey(
    String id,
    String name,
    String owner,
    Set<String> scopes,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant revokedAt,
    String secretHash,
    String previousSecretHash,
    Instant previousSecretExpiresAt) {

  /** The fixed, greppable prefix of every key string and of every display prefix. */
  public static final String KEY_PREFIX = "adm_";

  private static final Pattern ID_PATTERN = Pattern.compile("[0-9A-Za-z]{16}");

  /**
   * Checks the key id format, the required fields, and that a previous secret hash comes with its
   * expiry; freezes a sorted copy of the scopes.
   *
   * @param id the key id: 16 base62 characters
   * @param name the display name the owner gave the key; required
   * @param owner the identity of the principal that owns the key; required
   * @param scopes the scopes the key grants; {@code null} means none
   * @param createdAt when the key was created; required
   * @param expiresAt when the key stops working, or {@code null} for never
   * @param lastUsedAt when the key last authenticated a request, or {@code null}
   * @param revokedAt when the key was revoked, or {@code null}
   * @param secretHash the peppered hash of the current secret; required
   * @param previousSecretHash the hash of the secret replaced by a rotation, or {@code null}
   * @param previousSecretExpiresAt until when the previous secret still works; set exactly when
   *     {@code previousSecretHash} is
   */
  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(secretHash, "secretHash");
    if (!isKeyId(id)) {
      throw new IllegalArgumentException("id is not a key id");
    }
    if (owner.isBlank()) {
      throw new IllegalArgumentException("owner must not be blank");
    }
    if ((previousSecretHash == null) != (previousSecretExpiresAt == null)) {
      throw new IllegalArgumentException(
          "previousSecretHash and previousSecretExpiresAt go together");
    }
    scopes = scopes == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
    for (String scope : scopes) {
      if (!isScopeToken(scope)) {
        throw new IllegalArgumentException("scopes must be RFC 6749 scope tokens");
      }
    }
  }

  /**
   * The non-secret display prefix, {@code adm_<id>} (the contract's {@code prefix} field).
   *
   * @return the prefix, e.g. {@code adm_0123456789abcdef}
   */
  public String prefix() {
    return KEY_PREFIX + id;
  }

  /**
   * Whether {@code id} has the shape of a key id: 16 base62 characters. The record owns the rule
   * so that the store SPI needs nothing from the API-key feature package.
   *
   * @param id the candidate; {@code null} is not a key id
   * @return {@code true} when {@code id} is a well-formed key id
   */
  public static boolean isKeyId(String id) {
    return id != null && ID_PATTERN.matcher(id).matches();
  }

  /**
   * Whether the key has been revoked.
   *
   * @return {@code true} once {@code revokedAt} is set
   */
  public boolean revoked() {
    return revokedAt != null;
  }

  /**
   * Whether the key is expired at {@code now} (expiry instant inclusive).
   *
   * @param now the instant to check at
   * @return {@code true} when the key has an expiry at or before {@code now}
   */
  public boolean expiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /**
   * This key with {@code lastUsedAt} moved forward to {@code at} (never backward).
   *
   * @param at when the key was used; {@code null} changes nothing
   * @return the updated key, or this one when {@code at} is not later
   */
  public ApiKey withLastUsedAt(Instant at) {
    if (at == null || (lastUsedAt != null && !at.isAfter(lastUsedAt))) {
      return this;
    }
    return new ApiKey(id, name, owner, scopes, createdAt, expiresAt, at, revokedAt, secretHash,
        previousSecretHash, previousSecretExpiresAt);
  }

  /** Never prints secret hashes. */
  @Override
  public String toString() {
    return "ApiKey[id=" + id + ", name=" + name + ", owner=" + owner + ", scopes=" + scopes
        + ", createdAt=" + createdAt + ", expiresAt=" + expiresAt + ", lastUsedAt=" + lastUsedAt
        + ", revokedAt=" + revokedAt + ", secretHash=**********, previousSecretHash="
        + (previousSecretHash == null ? "null" : "**********")
        + ", previousSecretExpiresAt=" + previousSecretExpiresAt + "]";
  }

  /** RFC 6749 section 3.3: {@code 1*( %x21 / %x23-5B / %x5D-7E )}. */
  private static boolean isScopeToken(String scope) {
    if (scope == null || scope.isEmpty()) {
      return false;
    }
    for (int i = 0; i < scope.length(); i++) {
      char c = scope.charAt(i);
      if (c < 0x21 || c > 0x7E || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }
}
