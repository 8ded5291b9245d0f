package io.admin.auth.core.spi;

import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A registered OAuth client. Immutable; the secret is held only as a hash.
 *
 * @param clientId public identifier
 * @param secretHash the hashed client secret (see the core's secret hasher); never the secret
 * @param allowedScopes scopes the client may request
 * @param grantTypes grants the client may use, e.g. {@code client_credentials}, {@code refresh_token}
 * @param refreshTokenForClientCredentials whether {@code client_credentials} also returns a refresh
 *     token (on by default, as docs/http-contract.md section 2.7 says; RFC 6749 4.4.3 says it SHOULD
 *     NOT, so it can be switched off)
 * @param accessTokenTtl per-client access token lifetime, or {@code null} for the service default
 * @param refreshTokenTtl per-client refresh token lifetime, or {@code null} for the service default
 */
public record OAuthClient(
    String clientId,
    String secretHash,
    Set<String> allowedScopes,
    Set<String> grantTypes,
    boolean refreshTokenForClientCredentials,
    Duration accessTokenTtl,
    Duration refreshTokenTtl) {

  /**
   * Requires a non-blank client id and the secret hash and freezes sorted copies of scopes and
   * grant types.
   */
  public OAuthClient {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(secretHash, "secretHash");
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("clientId must not be blank");
    }
    allowedScopes = Collections.unmodifiableSortedSet(new TreeSet<>(allowedScopes));
    grantTypes = Collections.unmodifiableSortedSet(new TreeSet<>(grantTypes));
  }

  /** Never prints the secret hash. */
  @Override
  public String toString() {
    return "OAuthClient[clientId=" + clientId + ", secretHash=**********, allowedScopes="
        + allowedScopes + ", grantTypes=" + grantTypes + ", refreshTokenForClientCredentials="
        + refreshTokenForClientCredentials + ", accessTokenTtl=" + accessTokenTtl
        + ", refreshTokenTtl=" + refreshTokenTtl + "]";
  }
}
