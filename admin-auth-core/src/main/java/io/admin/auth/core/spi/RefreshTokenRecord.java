package io.admin.auth.core.spi;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One stored refresh token. The token itself is never stored, only its hash (the key).
 *
 * @param tokenHash the hashed token (see {@link io.admin.auth.core.crypto.SecretHasher}); primary key
 * @param familyId id shared by every token rotated from the same grant (RFC 9700 section 4.14)
 * @param clientId the client the token was issued to
 * @param subject the {@code sub} of access tokens issued from it
 * @param scopes the scopes of the grant (a refresh keeps them; access tokens may narrow them)
 * @param issuedAt when it was issued
 * @param expiresAt when it stops being usable
 * @param usedAt when it was consumed by a refresh, or {@code null} if it is unused
 * @param revokedAt when its family was revoked, or {@code null}
 */
public record RefreshTokenRecord(
    String tokenHash,
    String familyId,
    String clientId,
    String subject,
    Set<String> scopes,
    Instant issuedAt,
    Instant expiresAt,
    Instant usedAt,
    Instant revokedAt) {

  /**
   * Requires the hash, family, client, subject and instants and freezes a sorted copy of the
   * scopes.
   *
   * @param tokenHash the hashed token; required
   * @param familyId the id shared by every token rotated from the same grant; required
   * @param clientId the client the token was issued to; required
   * @param subject the {@code sub} of access tokens issued from it; required
   * @param scopes the scopes of the grant; {@code null} means none
   * @param issuedAt when it was issued; required
   * @param expiresAt when it stops being usable; required
   * @param usedAt when it was consumed by a refresh, or {@code null}
   * @param revokedAt when its family was revoked, or {@code null}
   */
  public RefreshTokenRecord {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(familyId, "familyId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    scopes = scopes == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
  }

  /**
   * The same record marked used at {@code at}.
   *
   * @param at the instant of use
   * @return a copy with {@code usedAt} set; this record is unchanged
   */
  public RefreshTokenRecord withUsedAt(Instant at) {
    return new RefreshTokenRecord(tokenHash, familyId, clientId, subject, scopes, issuedAt,
        expiresAt, at, revokedAt);
  }

  /**
   * The same record marked revoked at {@code at}.
   *
   * @param at the revocation instant
   * @return a copy with {@code revokedAt} set; this record is unchanged
   */
  public RefreshTokenRecord withRevokedAt(Instant at) {
    return new RefreshTokenRecord(tokenHash, familyId, clientId, subject, scopes, issuedAt,
        expiresAt, usedAt, at);
  }

  /**
   * Whether it can still be exchanged at {@code now}: unused, not revoked, not expired.
   *
   * @param now the instant to check at
   * @return {@code true} when it can still be exchanged
   */
  public boolean isActive(Instant now) {
    return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
  }

  /** Prints only a short prefix of the hash. */
  @Override
  public String toString() {
    return "RefreshTokenRecord[tokenHash=" + tokenHash.substring(0, Math.min(20, tokenHash.length()))
        + "..., familyId=" + familyId + ", clientId=" + clientId + ", subject=" + subject
        + ", scopes=" + scopes + ", issuedAt=" + issuedAt + ", expiresAt=" + expiresAt
        + ", usedAt=" + usedAt + ", revokedAt=" + revokedAt + "]";
  }
}
