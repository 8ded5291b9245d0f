package io.admin.auth.core.issue;

import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A client to register, with its plain secret; {@link DefaultTokenService#registerClient} hashes
 * the secret and stores an {@link io.admin.auth.core.spi.OAuthClient}. {@link #toString()} masks the secret.
 *
 * @param clientId public identifier (1 to 255 visible ASCII characters)
 * @param clientSecret the plain secret, at least {@value #MIN_SECRET_LENGTH} characters; it is
 *     hashed with a fast keyed hash, so it must be high-entropy (generate it, e.g. with
 *     {@link io.admin.auth.core.crypto.RandomTokens#secret()})
 * @param allowedScopes scopes the client may request (RFC 6749 3.3 scope-tokens)
 * @param grantTypes {@code client_credentials} and/or {@code refresh_token}
 * @param refreshTokenForClientCredentials whether {@code client_credentials} also returns a refresh token
 * @param accessTokenTtl per-client access-token lifetime (at most 1 hour), or {@code null}
 * @param refreshTokenTtl per-client refresh-token lifetime, or {@code null}
 */
public record ClientRegistration(
    String clientId,
    String clientSecret,
    Set<String> allowedScopes,
    Set<String> grantTypes,
    boolean refreshTokenForClientCredentials,
    Duration accessTokenTtl,
    Duration refreshTokenTtl) {

  /** Minimum secret length accepted. */
  public static final int MIN_SECRET_LENGTH = 16;
  /** The grant types this library supports. */
  public static final Set<String> SUPPORTED_GRANTS =
      Set.of(DefaultTokenService.GRANT_CLIENT_CREDENTIALS, DefaultTokenService.GRANT_REFRESH_TOKEN);

  /**
   * Checks the client id (1-255 visible ASCII characters), the secret length, the scopes and the
   * grant types, and freezes sorted copies.
   */
  public ClientRegistration {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    if (clientId.isEmpty() || clientId.length() > 255 || !clientId.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
      throw new IllegalArgumentException("clientId must be 1-255 visible ASCII characters");
    }
    if (clientSecret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "clientSecret must have at least " + MIN_SECRET_LENGTH + " characters");
    }
    allowedScopes = Collections.unmodifiableSortedSet(new TreeSet<>(allowedScopes));
    for (String s : allowedScopes) {
      if (!Scopes.isValidToken(s)) {
        throw new IllegalArgumentException("invalid scope: " + s);
      }
    }
    grantTypes = Collections.unmodifiableSortedSet(new TreeSet<>(grantTypes));
    if (grantTypes.isEmpty() || !SUPPORTED_GRANTS.containsAll(grantTypes)) {
      throw new IllegalArgumentException("grantTypes must be a non-empty subset of " + SUPPORTED_GRANTS);
    }
    if (accessTokenTtl != null && (accessTokenTtl.isNegative() || accessTokenTtl.isZero()
        || accessTokenTtl.compareTo(DefaultTokenService.MAX_ACCESS_TOKEN_TTL) > 0)) {
      throw new IllegalArgumentException("accessTokenTtl must be positive and at most 1 hour");
    }
    if (refreshTokenTtl != null && (refreshTokenTtl.isNegative() || refreshTokenTtl.isZero())) {
      throw new IllegalArgumentException("refreshTokenTtl must be positive");
    }
  }

  /**
   * A registration with both grants, a refresh token for {@code client_credentials} and the
   * service's default lifetimes.
   */
  public static ClientRegistration of(String clientId, String clientSecret, Set<String> scopes) {
    return new ClientRegistration(clientId, clientSecret, scopes, SUPPORTED_GRANTS, true, null,
        null);
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "ClientRegistration[clientId=" + clientId + ", clientSecret=**********, allowedScopes="
        + allowedScopes + ", grantTypes=" + grantTypes + ", refreshTokenForClientCredentials="
        + refreshTokenForClientCredentials + ", accessTokenTtl=" + accessTokenTtl
        + ", refreshTokenTtl=" + refreshTokenTtl + "]";
  }
}
