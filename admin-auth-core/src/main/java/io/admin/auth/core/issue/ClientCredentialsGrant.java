package io.admin.auth.core.issue;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.SigningKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code client_credentials} grant (RFC 6749 section 4.4) for an already authenticated client:
 * checks the grant type and scope, issues an access token and, when the client is set up for it,
 * the first refresh token of a new family.
 */
final class ClientCredentialsGrant {

  private final AccessTokenIssuer tokenIssuer;
  private final Supplier<SigningKey> activeKey;
  private final RefreshGrants refreshGrants;
  private final TokenLifetimes lifetimes;
  private final Clock clock;
  private final AuditSink audit;

  ClientCredentialsGrant(AccessTokenIssuer tokenIssuer, Supplier<SigningKey> activeKey,
      RefreshGrants refreshGrants, TokenLifetimes lifetimes, Clock clock, AuditSink audit) {
    this.tokenIssuer = tokenIssuer;
    this.activeKey = activeKey;
    this.refreshGrants = refreshGrants;
    this.lifetimes = lifetimes;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * Tokens for {@code client}, or {@code AUTH_GRANT_UNSUPPORTED} / {@code AUTH_SCOPE_INVALID}.
   *
   * @param scope the space-separated {@code scope} parameter; empty grants every allowed scope
   */
  TokenResult issue(OAuthClient client, Optional<String> scope) {
    if (!client.grantTypes().contains(DefaultTokenService.GRANT_CLIENT_CREDENTIALS)) {
      return failed(AuthErrorCode.AUTH_GRANT_UNSUPPORTED,
          "The client is not allowed to use this grant type.");
    }
    Optional<Set<String>> requested = Scopes.parse(scope.orElse(null));
    if (requested.isEmpty() || !client.allowedScopes().containsAll(requested.get())) {
      return failed(AuthErrorCode.AUTH_SCOPE_INVALID,
          "The requested scope is invalid or exceeds the client's scope.");
    }
    Set<String> granted = requested.get().isEmpty() ? client.allowedScopes() : requested.get();
    boolean withRefresh = client.refreshTokenForClientCredentials()
        && client.grantTypes().contains(DefaultTokenService.GRANT_REFRESH_TOKEN);
    String family = withRefresh ? refreshGrants.newFamilyId() : null;
    Duration ttl = lifetimes.accessFor(client);
    AccessTokenIssuer.IssuedAccessToken access = tokenIssuer.issue(activeKey.get(),
        client.clientId(), client.clientId(), granted, ttl, family);
    String refresh = withRefresh
        ? refreshGrants.issue(family, client, client.clientId(), granted,
            lifetimes.refreshFor(client))
        : null;
    audit.emit(new AuditEvent.TokenIssued(clock.instant(),
        DefaultTokenService.GRANT_CLIENT_CREDENTIALS, client.clientId(), client.clientId(),
        access.claims().jwtId(), granted, family));
    return new TokenResult.Issued(new TokenResponse(access.token(), TokenResponse.BEARER,
        ttl.toSeconds(), refresh, granted));
  }

  private static TokenResult failed(AuthErrorCode code, String message) {
    return new TokenResult.Failed(AuthError.of(code, message));
  }
}
