package io.admin.auth.core.issue;

import io.admin.auth.core.TokenClaims;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.verify.AccessTokenVerifier;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Token introspection (RFC 7662) for an authenticated client. Only a currently valid token issued
 * to that client is active; everything else gets the same {@link Introspection#inactive()}, so
 * the answer never tells a caller why a token is not valid, nor that another client's token
 * exists.
 */
final class TokenIntrospection {

  private final AccessTokenVerifier verifier;
  private final RefreshGrants refreshGrants;
  private final String issuer;
  private final String audience;
  private final Clock clock;

  TokenIntrospection(AccessTokenVerifier verifier, RefreshGrants refreshGrants, String issuer,
      String audience, Clock clock) {
    this.verifier = verifier;
    this.refreshGrants = refreshGrants;
    this.issuer = issuer;
    this.audience = audience;
    this.clock = clock;
  }

  Introspection introspect(OAuthClient client, String token) {
    if (token == null || token.isEmpty()) {
      return Introspection.inactive();
    }
    if (TokenShape.isJwt(token)) {
      TokenClaims c = verifier.verifiedClaims(token, true).orElse(null);
      if (c == null || !c.clientId().equals(client.clientId())) {
        return Introspection.inactive();
      }
      return new Introspection(true, "access_token", c.scopes(), c.clientId(), c.subject(),
          c.issuer(), c.audience(), c.issuedAt(), c.notBefore(), c.expiresAt(), c.jwtId());
    }
    Instant now = clock.instant();
    return refreshGrants.findOwned(client, token).filter(r -> r.isActive(now))
        .map(r -> new Introspection(true, "refresh_token", r.scopes(), r.clientId(), r.subject(),
            issuer, List.of(audience), r.issuedAt(), null, r.expiresAt(), null))
        .orElse(Introspection.inactive());
  }
}
