package io.admin.auth.core.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the grant of each token request: the refresh token while it is certainly unspent,
 * otherwise {@code client_credentials}, which a client of its own may always fall back to (it has
 * a secret and obtained its first token with that grant).
 *
 * <p>A client acting for a person who signed in ({@code authorization_code}) has no such
 * fallback: {@code client_credentials} would give it a token of its own, not the person's. When
 * its refresh token is missing, dead or possibly spent, the request fails with
 * {@link TokenClientException#signInRequired()} set, and the application signs the person in
 * again.
 *
 * <p>A refresh token is sent at most once (docs/http-contract.md section 2.5): when the refresh
 * request may have reached the server and its answer was lost, the token is taken as spent and
 * never sent again, because the server would count a second use as reuse and revoke the family.
 */
final class TokenGrants {

  private static final Logger LOG = LoggerFactory.getLogger(TokenGrants.class);

  private final TokenEndpointClient endpoint;
  private final Duration refreshMargin;
  private final String scope;
  private final boolean clientCredentialsFallback;

  /** The grants of a client of its own: {@code client_credentials} as the fallback. */
  TokenGrants(TokenEndpointClient endpoint, Duration refreshMargin, String scope) {
    this(endpoint, refreshMargin, scope, true);
  }

  private TokenGrants(TokenEndpointClient endpoint, Duration refreshMargin, String scope,
      boolean clientCredentialsFallback) {
    this.endpoint = endpoint;
    this.refreshMargin = refreshMargin;
    this.scope = scope;
    this.clientCredentialsFallback = clientCredentialsFallback;
  }

  /** The grants of a client acting for a signed-in person: refresh only, never a fallback. */
  static TokenGrants forSignedInPerson(TokenEndpointClient endpoint, Duration refreshMargin) {
    return new TokenGrants(endpoint, refreshMargin, null, false);
  }

  /**
   * Redeems an authorization code (RFC 6749 section 4.1.3, RFC 7636 section 4.5). The code is
   * single use, so the request is never resent once it may have arrived.
   *
   * @throws TokenClientException when the server refuses or cannot be reached
   */
  TokenEndpointClient.Answer authorizationCode(
      String code, String redirectUri, String codeVerifier) {
    Map<String, String> grant = new LinkedHashMap<>();
    grant.put("grant_type", "authorization_code");
    grant.put("code", code);
    grant.put("redirect_uri", redirectUri);
    grant.put("code_verifier", codeVerifier);
    return endpoint.answer(grant, refreshMargin, true);
  }

  /**
   * Obtains a new token: by refreshing {@code previous} when it has a refresh token, otherwise (or
   * when the refresh token turns out to be dead or possibly spent) with client credentials.
   *
   * @param previous the token held now, or {@code null}
   * @param spent told the refresh token that must not be sent again, before the fallback request
   * @throws TokenClientException when no token could be obtained
   */
  CachedToken fetch(CachedToken previous, Consumer<String> spent) {
    String refreshToken = previous == null ? null : previous.refreshToken();
    if (refreshToken == null) {
      if (!clientCredentialsFallback) {
        throw TokenClientException.signInRequired(
            "the access token is due and there is no refresh token (offline_access was not"
                + " granted): sign the person in again", null);
      }
      return clientCredentials();
    }
    try {
      return refresh(previous, refreshToken);
    } catch (TokenClientException e) {
      if (!clientCredentialsFallback) {
        if (e.requestMayHaveArrived() || e.error().filter("invalid_grant"::equals).isPresent()) {
          spent.accept(refreshToken);
          throw TokenClientException.signInRequired(
              "the refresh token is spent or was refused: sign the person in again ("
                  + e.getMessage() + ")", e);
        }
        throw e;
      }
      if (e.requestMayHaveArrived()) {
        spent.accept(refreshToken);
        LOG.warn("refresh request may have reached the server ({}); not sending that refresh"
            + " token again, falling back to client_credentials", e.getMessage());
        return clientCredentialsAfterLostRefresh(e);
      }
      if (e.error().filter("invalid_grant"::equals).isEmpty()) {
        throw e;
      }
      // Dead: should the fallback fail too, the next attempt must not present it again.
      spent.accept(refreshToken);
      LOG.info("refresh token rejected ({}); falling back to client_credentials",
          e.code().orElse("invalid_grant"));
    }
    return clientCredentials();
  }

  private CachedToken refresh(CachedToken previous, String refreshToken) {
    Map<String, String> grant = new LinkedHashMap<>();
    grant.put("grant_type", "refresh_token");
    grant.put("refresh_token", refreshToken);
    CachedToken refreshed = endpoint.request(grant, refreshMargin, true);
    // RFC 6749 6: a server that does not rotate leaves the old refresh token valid.
    return refreshed.refreshToken() != null ? refreshed
        : new CachedToken(refreshed.accessToken(), refreshToken, refreshed.refreshAt(),
            refreshed.expiresAt(), refreshed.scope());
  }

  private CachedToken clientCredentialsAfterLostRefresh(TokenClientException lost) {
    try {
      return clientCredentials();
    } catch (TokenClientException e) {
      throw new TokenClientException(e.status(), e.error().orElse(null), e.code().orElse(null),
          "the refresh token was not sent again, because the refresh request may have reached"
              + " the server (" + lost.getMessage() + "), and the client_credentials fallback"
              + " failed: " + e.getMessage(), e);
    }
  }

  private CachedToken clientCredentials() {
    Map<String, String> grant = new LinkedHashMap<>();
    grant.put("grant_type", "client_credentials");
    if (scope != null) {
      grant.put("scope", scope);
    }
    return endpoint.request(grant, refreshMargin, false);
  }
}
