package io.admin.auth.core.issue;

import io.admin.auth.core.TokenClaims;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.RevocationStore;
import io.admin.auth.core.verify.AccessTokenVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Token revocation (RFC 7009) for an authenticated client. Tokens the client does not own, and
 * anything unknown or malformed, are ignored without a word, as the RFC requires.
 *
 * <p>An access token is remembered as revoked until it would have expired anyway (plus the clock
 * skew verifiers allow). A refresh token takes its whole family with it, and with the family every
 * access token issued from it (RFC 7009 section 2.1 suggests so).
 */
final class TokenRevocation {

  private final AccessTokenVerifier verifier;
  private final RevocationStore revocations;
  private final RefreshGrants refreshGrants;
  private final Duration clockSkew;
  private final Clock clock;
  private final AuditSink audit;

  TokenRevocation(AccessTokenVerifier verifier, RevocationStore revocations,
      RefreshGrants refreshGrants, Duration clockSkew, Clock clock, AuditSink audit) {
    this.verifier = verifier;
    this.revocations = revocations;
    this.refreshGrants = refreshGrants;
    this.clockSkew = clockSkew;
    this.clock = clock;
    this.audit = audit;
  }

  /** Revokes {@code token} if {@code client} owns it; otherwise does nothing. */
  void revoke(OAuthClient client, String token) {
    if (token == null || token.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    if (TokenShape.isJwt(token)) {
      revokeAccessToken(client, token, now);
      return;
    }
    refreshGrants.findOwned(client, token).ifPresent(record -> {
      refreshGrants.revokeFamily(record, now);
      audit.emit(new AuditEvent.TokenRevoked(now, client.clientId(), "refresh_family",
          record.familyId()));
    });
  }

  // Expired tokens are accepted here (no time check): revoking one is harmless and still purges.
  private void revokeAccessToken(OAuthClient client, String token, Instant now) {
    TokenClaims claims = verifier.verifiedClaims(token, false).orElse(null);
    if (claims == null || !claims.clientId().equals(client.clientId())) {
      return;
    }
    Instant keepUntil = claims.expiresAt().plus(clockSkew);
    if (keepUntil.isAfter(now)) {
      revocations.revokeAccessToken(claims.jwtId(), keepUntil);
    }
    revocations.purgeExpired(now);
    audit.emit(new AuditEvent.TokenRevoked(now, client.clientId(), "access_token",
        claims.jwtId()));
  }
}
