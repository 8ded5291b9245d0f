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
 * @param signIn redirect URIs, public or confidential, first or third party ({@link
 *     SignInSettings#NONE} for machine clients; {@code null} means {@code NONE})
 */
public record OAuthClient(
    String clientId,
    String secretHash,
    Set<String> allowedScopes,
    Set<String> grantTypes,
    boolean refreshTokenForClientCredentials,
    Duration accessTokenTtl,
    Duration refreshTokenTtl,
    SignInSettings signIn) {

  /**
   * Requires a non-blank client id and the secret hash and freezes sorted copies of scopes and
   * grant types.
   *
   * @param clientId the {@code client_id}; required, not blank
   * @param secretHash the peppered hash of the client secret (empty for a public client); required
   * @param allowedScopes the scopes the client may request; required, may be empty
   * @param grantTypes the grant types the client may use; required, may be empty
   * @param refreshTokenForClientCredentials whether the client-credentials grant also issues a
   *     refresh token
   * @param accessTokenTtl this client's access-token lifetime, or {@code null} for the service
   *     default
   * @param refreshTokenTtl this client's refresh-token lifetime, or {@code null} for the service
   *     default
   * @param signIn how the client signs people in; {@code null} means {@link SignInSettings#NONE}
   */
  public OAuthClient {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(secretHash, "secretHash");
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("clientId must not be blank");
    }
    signIn = signIn == null ? SignInSettings.NONE : signIn;
    if (signIn.publicClient() != secretHash.isEmpty()) {
      throw new IllegalArgumentException(
          "a public client has an empty secret hash, and only a public client has one");
    }
    allowedScopes = Collections.unmodifiableSortedSet(new TreeSet<>(allowedScopes));
    grantTypes = Collections.unmodifiableSortedSet(new TreeSet<>(grantTypes));
  }

  /**
   * A machine-to-machine client ({@link SignInSettings#NONE}): the constructor before sign-in.
   *
   * @param clientId the {@code client_id}; required, not blank
   * @param secretHash the peppered hash of the client secret; required
   * @param allowedScopes the scopes the client may request; required, may be empty
   * @param grantTypes the grant types the client may use; required, may be empty
   * @param refreshTokenForClientCredentials whether the client-credentials grant also issues a
   *     refresh token
   * @param accessTokenTtl this client's access-token lifetime, or {@code null} for the service
   *     default
   * @param refreshTokenTtl this client's refresh-token lifetime, or {@code null} for the service
   *     default
   */
  public OAuthClient(String clientId, String secretHash, Set<String> allowedScopes,
      Set<String> grantTypes, boolean refreshTokenForClientCredentials, Duration accessTokenTtl,
      Duration refreshTokenTtl) {
    this(clientId, secretHash, allowedScopes, grantTypes, refreshTokenForClientCredentials,
        accessTokenTtl, refreshTokenTtl, SignInSettings.NONE);
  }

  /**
   * Whether this is a public client (no secret; see {@link SignInSettings#publicClient()}).
   *
   * @return {@code true} for a public client
   */
  public boolean isPublic() {
    return signIn.publicClient();
  }

  /**
   * This client with other sign-in settings.
   *
   * @param settings the new sign-in settings
   * @return a copy with those settings; this client is unchanged
   */
  public OAuthClient withSignIn(SignInSettings settings) {
    return new OAuthClient(clientId, secretHash, allowedScopes, grantTypes,
        refreshTokenForClientCredentials, accessTokenTtl, refreshTokenTtl, settings);
  }

  /** Never prints the secret hash. */
  @Override
  public String toString() {
    return "OAuthClient[clientId=" + clientId + ", secretHash=**********, allowedScopes="
        + allowedScopes + ", grantTypes=" + grantTypes + ", refreshTokenForClientCredentials="
        + refreshTokenForClientCredentials + ", accessTokenTtl=" + accessTokenTtl
        + ", refreshTokenTtl=" + refreshTokenTtl + ", signIn=" + signIn + "]";
  }
}
