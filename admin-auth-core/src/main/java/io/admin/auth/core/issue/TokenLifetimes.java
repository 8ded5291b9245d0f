package io.admin.auth.core.issue;

import io.admin.auth.core.spi.OAuthClient;
import java.time.Duration;

/**
 * The lifetimes of issued tokens: a client's own setting if it has one, otherwise the service
 * default; an access token never lives longer than {@link DefaultTokenService#MAX_ACCESS_TOKEN_TTL}
 * whatever a stored client says.
 *
 * @param defaultAccess the service's access-token lifetime
 * @param defaultRefresh the service's refresh-token lifetime
 */
record TokenLifetimes(Duration defaultAccess, Duration defaultRefresh) {

  Duration accessFor(OAuthClient client) {
    Duration ttl = client.accessTokenTtl() == null ? defaultAccess : client.accessTokenTtl();
    return ttl.compareTo(DefaultTokenService.MAX_ACCESS_TOKEN_TTL) > 0
        ? DefaultTokenService.MAX_ACCESS_TOKEN_TTL : ttl;
  }

  Duration refreshFor(OAuthClient client) {
    return client.refreshTokenTtl() == null ? defaultRefresh : client.refreshTokenTtl();
  }
}
