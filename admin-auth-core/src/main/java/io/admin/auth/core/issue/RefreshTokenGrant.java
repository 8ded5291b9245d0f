package io.admin.auth.core.issue;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.RefreshTokenRecord;
import io.admin.auth.core.spi.SigningKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The {@code refresh_token} grant (RFC 6749 section 6) for an already authenticated client:
 * consumes the presented token through {@link RefreshGrants} (rotation and reuse detection live
 * there) and issues an access token plus the next refresh token of the same family.
 *
 * <p>A requested scope narrows only the access token; the new refresh token keeps the grant's
 * scope, minus any scope the client has since lost.
 */
final class RefreshTokenGrant {

  private final AccessTokenIssuer tokenIssuer;
  private final Supplier<SigningKey> activeKey;
  private final RefreshGrants refreshGrants;
  private final TokenLifetimes lifetimes;
  private final Clock clock;
  private final AuditSink audit;

  RefreshTokenGrant(AccessTokenIssuer tokenIssuer, Supplier<SigningKey> activeKey,
      RefreshGrants refreshGrants, TokenLifetimes lifetimes, Clock clock, AuditSink audit) {
    this.tokenIssuer = tokenIssuer;
    this.activeKey = activeKey;
    this.refreshGrants = refreshGrants;
    this.lifetimes = lifetimes;
    this.clock = clock;
    this.audit = audit;
  }

  /** New tokens for {@code refreshToken}, or the grant, scope or refresh-token error. */
  TokenResult exchange(OAuthClient client, String refreshToken, Optional<String> scope) {
    if (!client.grantTypes().contains(DefaultTokenService.GRANT_REFRESH_TOKEN)) {
      return failed(AuthErrorCode.AUTH_GRANT_UNSUPPORTED,
          "The client is not allowed to use this grant type.");
    }
    Optional<Set<String>> requested = Scopes.parse(scope.orElse(null));
    if (requested.isEmpty()) {
      return failed(AuthErrorCode.AUTH_SCOPE_INVALID, "The requested scope is invalid.");
    }
    RefreshGrants.Exchange exchange = refreshGrants.exchange(client, refreshToken, requested.get());
    if (exchange.error() != null) {
      return new TokenResult.Failed(exchange.error());
    }
    RefreshTokenRecord used = exchange.consumed();
    Set<String> grantScopes = new TreeSet<>(used.scopes());
    grantScopes.retainAll(client.allowedScopes());
    Set<String> accessScopes = requested.get().isEmpty() ? grantScopes : requested.get();
    Duration ttl = lifetimes.accessFor(client);
    AccessTokenIssuer.IssuedAccessToken access = tokenIssuer.issue(activeKey.get(),
        used.subject(), client.clientId(), accessScopes, ttl, used.familyId());
    String refresh = refreshGrants.issue(used.familyId(), client, used.subject(), grantScopes,
        lifetimes.refreshFor(client));
    audit.emit(new AuditEvent.TokenRefreshed(clock.instant(), client.clientId(), used.familyId(),
        access.claims().jwtId()));
    return new TokenResult.Issued(new TokenResponse(access.token(), TokenResponse.BEARER,
        ttl.toSeconds(), refresh, accessScopes));
  }

  private static TokenResult failed(AuthErrorCode code, String message) {
    return new TokenResult.Failed(AuthError.of(code, message));
  }
}
