package io.admin.auth.core.spi;

import java.time.Instant;

/**
 * Remembers revoked access tokens (by {@code jti}) and revoked refresh-token families (by family id,
 * which access tokens carry in a private claim), each until a given instant after which no token it
 * covers can verify any more; then {@link #purgeExpired} forgets it, so the store stays bounded.
 * Thread-safe; throws {@link io.admin.auth.core.AuthUnavailableException} only when the backing store
 * cannot be reached.
 */
public interface RevocationStore {

  /**
   * Revokes one access token until {@code keepUntil} (its {@code exp} plus clock skew).
   *
   * @param jti the token's {@code jti}
   * @param keepUntil until when the revocation must be remembered
   */
  void revokeAccessToken(String jti, Instant keepUntil);

  /**
   * Revokes every access token issued from a refresh-token family until {@code keepUntil} (when the
   * last of them has expired). A later call with a later instant extends it.
   *
   * @param familyId the {@code fid} the tokens carry
   * @param keepUntil until when the revocation must be remembered
   */
  void revokeFamily(String familyId, Instant keepUntil);

  /**
   * Whether the access token {@code jti}, or its family {@code familyId} ({@code null} when the
   * token has none), is revoked. One call so that a SQL store needs one round trip.
   *
   * @param jti the token's {@code jti}
   * @param familyId the token's {@code fid}, or {@code null}
   * @return {@code true} when either is revoked
   */
  boolean isRevoked(String jti, String familyId);

  /**
   * Forgets entries whose {@code keepUntil} is before {@code now}; returns how many.
   *
   * @param now the caller's clock reading
   * @return how many entries were forgotten
   */
  int purgeExpired(Instant now);
}
