package io.admin.auth.core.issue;

import io.admin.auth.core.spi.OAuthClient;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.crypto.RandomTokens;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.spi.RefreshTokenRecord;
import io.admin.auth.core.spi.RefreshTokenStore;
import io.admin.auth.core.spi.RevocationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Refresh-token issuing, rotation with reuse detection (RFC 9700 section 4.14), lookup and family
 * revocation. Tokens are 256 random bits; only their keyed hash is stored.
 */
final class RefreshGrants {

  private static final int MAX_TOKEN_CHARS = 512;
  private static final int FAMILY_ID_BYTES = 16;

  private final RefreshTokenStore store;
  private final RevocationStore revocations;
  private final SecretHasher hasher;
  private final RandomTokens random;
  private final Clock clock;
  private final Duration accessTokenHorizon;
  private final Consumer<AuditEvent> audit;

  /**
   * @param accessTokenHorizon the longest an access token can stay valid after issuing (max
   *     lifetime plus skew): a revoked family is remembered that long, so every access token it
   *     issued is rejected until it expires anyway
   */
  RefreshGrants(RefreshTokenStore store, RevocationStore revocations, SecretHasher hasher,
      RandomTokens random, Clock clock, Duration accessTokenHorizon, Consumer<AuditEvent> audit) {
    this.store = store;
    this.revocations = revocations;
    this.hasher = hasher;
    this.random = random;
    this.clock = clock;
    this.accessTokenHorizon = accessTokenHorizon;
    this.audit = audit;
  }

  String newFamilyId() {
    return random.next(FAMILY_ID_BYTES);
  }

  /** Issues a new refresh token in {@code familyId} and returns the plain token. */
  String issue(String familyId, OAuthClient client, String subject, Set<String> scopes,
      Duration ttl) {
    String token = random.secret();
    Instant now = clock.instant();
    store.save(new RefreshTokenRecord(hasher.hash(token), familyId, client.clientId(), subject,
        scopes, now, now.plus(ttl), null, null));
    return token;
  }

  /**
   * Consumes {@code token} for {@code client}: the consumed record, or the error. Checks before
   * consuming (ownership, expiry, scope) do not burn the token; reuse revokes the family.
   *
   * @param requested narrowed scopes, or empty for the grant's scopes
   */
  Exchange exchange(OAuthClient client, String token, Set<String> requested) {
    Optional<RefreshTokenRecord> found = findOwned(client, token);
    if (found.isEmpty()) {
      return failed(AuthErrorCode.AUTH_REFRESH_TOKEN_INVALID, "The refresh token is invalid.");
    }
    RefreshTokenRecord record = found.get();
    Instant now = clock.instant();
    if (record.usedAt() == null && record.revokedAt() == null && !now.isBefore(record.expiresAt())) {
      return failed(AuthErrorCode.AUTH_REFRESH_TOKEN_EXPIRED, "The refresh token has expired.");
    }
    if (!record.scopes().containsAll(requested)
        || !client.allowedScopes().containsAll(requested)) {
      return failed(AuthErrorCode.AUTH_SCOPE_INVALID,
          "The requested scope exceeds the scope of the grant.");
    }
    RefreshTokenStore.ConsumeResult result = store.consume(record.tokenHash(), now);
    if (result instanceof RefreshTokenStore.Consumed c) {
      return new Exchange(c.record(), null);
    }
    if (result instanceof RefreshTokenStore.AlreadyUsed used) {
      revokeFamily(used.record(), now);
      audit.accept(new AuditEvent.RefreshTokenReuseDetected(now, client.clientId(),
          used.record().familyId()));
      return failed(AuthErrorCode.AUTH_REFRESH_TOKEN_REUSED,
          "The refresh token was already used; its grant has been revoked.");
    }
    return failed(AuthErrorCode.AUTH_REFRESH_TOKEN_INVALID, "The refresh token is invalid.");
  }

  /** The record of {@code token} if it exists and belongs to {@code client}. */
  Optional<RefreshTokenRecord> findOwned(OAuthClient client, String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      return Optional.empty();
    }
    return store.find(hasher.hash(token))
        .filter(r -> r.clientId().equals(client.clientId()));
  }

  /** Revokes the record's whole family and every access token issued from it. */
  void revokeFamily(RefreshTokenRecord record, Instant now) {
    revokeFamily(record.familyId(), now);
  }

  /**
   * Revokes family {@code familyId}: its refresh tokens, including any saved later (a rotation or
   * a code exchange still under way), and every access token stamped with it.
   */
  void revokeFamily(String familyId, Instant now) {
    store.revokeFamily(familyId, now);
    revocations.revokeFamily(familyId, now.plus(accessTokenHorizon));
    revocations.purgeExpired(now);
  }

  private static Exchange failed(AuthErrorCode code, String message) {
    return new Exchange(null, AuthError.of(code, message));
  }

  /** Either the consumed record or an error. */
  record Exchange(RefreshTokenRecord consumed, AuthError error) {}
}
