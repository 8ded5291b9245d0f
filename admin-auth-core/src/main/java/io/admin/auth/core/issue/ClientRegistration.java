package io.admin.auth.core.issue;

import io.admin.auth.core.signin.RedirectUris;
import io.admin.auth.core.spi.SignInSettings;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A client to register, with its plain secret; {@link DefaultTokenService#registerClient} hashes
 * the secret and stores an {@link io.admin.auth.core.spi.OAuthClient}. {@link #toString()} masks
 * the secret.
 *
 * @param clientId public identifier (1 to 255 visible ASCII characters)
 * @param clientSecret the plain secret, at least {@value #MIN_SECRET_LENGTH} characters; it is
 *     hashed with a fast keyed hash, so it must be high-entropy (generate it, e.g. with
 *     {@link io.admin.auth.core.crypto.RandomTokens#secret()}); {@code null} for a public client,
 *     and only for one
 * @param allowedScopes scopes the client may request (RFC 6749 3.3 scope-tokens)
 * @param grantTypes a non-empty subset of {@link #SUPPORTED_GRANTS}; never {@code
 *     client_credentials} for a public client, which has no secret to prove who it is
 * @param refreshTokenForClientCredentials whether {@code client_credentials} also returns a refresh token
 * @param accessTokenTtl per-client access-token lifetime (at most 1 hour), or {@code null}
 * @param refreshTokenTtl per-client refresh-token lifetime, or {@code null}
 * @param signIn public or confidential, redirect URIs and post-logout redirect URIs (each must be
 *     {@linkplain RedirectUris#problem registrable}), first or third party; {@code null} means
 *     {@link SignInSettings#NONE} (a machine client)
 */
public record ClientRegistration(
    String clientId,
    String clientSecret,
    Set<String> allowedScopes,
    Set<String> grantTypes,
    boolean refreshTokenForClientCredentials,
    Duration accessTokenTtl,
    Duration refreshTokenTtl,
    SignInSettings signIn) {

  /** Minimum secret length accepted. */
  public static final int MIN_SECRET_LENGTH = 16;
  /** The {@code authorization_code} grant type (RFC 6749 4.1). */
  public static final String GRANT_AUTHORIZATION_CODE = "authorization_code";
  /** The grant types this library supports. */
  public static final Set<String> SUPPORTED_GRANTS = Set.of(GRANT_AUTHORIZATION_CODE,
      DefaultTokenService.GRANT_CLIENT_CREDENTIALS, DefaultTokenService.GRANT_REFRESH_TOKEN);
  /** The grants of a machine client: {@code client_credentials} and {@code refresh_token}. */
  public static final Set<String> MACHINE_GRANTS =
      Set.of(DefaultTokenService.GRANT_CLIENT_CREDENTIALS, DefaultTokenService.GRANT_REFRESH_TOKEN);
  /** The grants of a client that signs people in: {@code authorization_code}, {@code refresh_token}. */
  public static final Set<String> SIGN_IN_GRANTS =
      Set.of(GRANT_AUTHORIZATION_CODE, DefaultTokenService.GRANT_REFRESH_TOKEN);

  /**
   * Checks the client id (1-255 visible ASCII characters), the secret length, the scopes and the
   * grant types, and freezes sorted copies.
   *
   * @param clientId the {@code client_id}: 1-255 visible ASCII characters
   * @param clientSecret the plain secret, or {@code null} for a public client
   * @param allowedScopes the scopes the client may request
   * @param grantTypes the grant types the client may use
   * @param refreshTokenForClientCredentials whether the client-credentials grant also issues a
   *     refresh token
   * @param accessTokenTtl this client's access-token lifetime, or {@code null} for the service
   *     default
   * @param refreshTokenTtl this client's refresh-token lifetime, or {@code null} for the service
   *     default
   * @param signIn how the client signs people in; {@code null} means {@link SignInSettings#NONE}
   */
  public ClientRegistration {
    Objects.requireNonNull(clientId, "clientId");
    signIn = signIn == null ? SignInSettings.NONE : signIn;
    if (clientId.isEmpty() || clientId.length() > 255 || !clientId.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
      throw new IllegalArgumentException("clientId must be 1-255 visible ASCII characters");
    }
    if (signIn.publicClient()) {
      if (clientSecret != null) {
        throw new IllegalArgumentException("a public client has no clientSecret");
      }
    } else {
      Objects.requireNonNull(clientSecret, "clientSecret");
      if (clientSecret.length() < MIN_SECRET_LENGTH) {
        throw new IllegalArgumentException(
            "clientSecret must have at least " + MIN_SECRET_LENGTH + " characters");
      }
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
    if (signIn.publicClient()
        && grantTypes.contains(DefaultTokenService.GRANT_CLIENT_CREDENTIALS)) {
      throw new IllegalArgumentException("a public client cannot use client_credentials");
    }
    if (accessTokenTtl != null && (accessTokenTtl.isNegative() || accessTokenTtl.isZero()
        || accessTokenTtl.compareTo(DefaultTokenService.MAX_ACCESS_TOKEN_TTL) > 0)) {
      throw new IllegalArgumentException("accessTokenTtl must be positive and at most 1 hour");
    }
    if (refreshTokenTtl != null && (refreshTokenTtl.isNegative() || refreshTokenTtl.isZero())) {
      throw new IllegalArgumentException("refreshTokenTtl must be positive");
    }
    RedirectUris.requireRegistrable(signIn.redirectUris(), "redirect URI");
    RedirectUris.requireRegistrable(signIn.postLogoutRedirectUris(), "post-logout redirect URI");
  }

  /**
   * A machine client ({@link SignInSettings#NONE}): the constructor before sign-in.
   *
   * @param clientId the {@code client_id}: 1-255 visible ASCII characters
   * @param clientSecret the plain secret, at least {@value #MIN_SECRET_LENGTH} characters
   * @param allowedScopes the scopes the client may request
   * @param grantTypes the grant types the client may use
   * @param refreshTokenForClientCredentials whether the client-credentials grant also issues a
   *     refresh token
   * @param accessTokenTtl this client's access-token lifetime, or {@code null} for the service
   *     default
   * @param refreshTokenTtl this client's refresh-token lifetime, or {@code null} for the service
   *     default
   */
  public ClientRegistration(String clientId, String clientSecret, Set<String> allowedScopes,
      Set<String> grantTypes, boolean refreshTokenForClientCredentials, Duration accessTokenTtl,
      Duration refreshTokenTtl) {
    this(clientId, clientSecret, allowedScopes, grantTypes, refreshTokenForClientCredentials,
        accessTokenTtl, refreshTokenTtl, SignInSettings.NONE);
  }

  /**
   * A machine client with {@link #MACHINE_GRANTS}, a refresh token for {@code
   * client_credentials} and the service's default lifetimes.
   *
   * @param clientId the {@code client_id}: 1-255 visible ASCII characters
   * @param clientSecret the plain secret, at least {@value #MIN_SECRET_LENGTH} characters
   * @param scopes the scopes the client may request
   * @return the registration, checked
   */
  public static ClientRegistration of(String clientId, String clientSecret, Set<String> scopes) {
    return new ClientRegistration(clientId, clientSecret, scopes, MACHINE_GRANTS, true, null,
        null);
  }

  /**
   * A client that signs people in, with {@link #SIGN_IN_GRANTS} and the service's default
   * lifetimes: public when {@code signIn.publicClient()} (then {@code clientSecret} is {@code
   * null}), confidential otherwise.
   *
   * @param clientId the {@code client_id}: 1-255 visible ASCII characters
   * @param clientSecret the plain secret, or {@code null} for a public client
   * @param scopes the scopes the client may request
   * @param signIn the redirect URIs and other sign-in settings; required
   * @return the registration, checked
   */
  public static ClientRegistration signingIn(String clientId, String clientSecret,
      Set<String> scopes, SignInSettings signIn) {
    return new ClientRegistration(clientId, clientSecret, scopes, SIGN_IN_GRANTS, false, null,
        null, Objects.requireNonNull(signIn, "signIn"));
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "ClientRegistration[clientId=" + clientId + ", clientSecret="
        + (clientSecret == null ? "null" : "**********") + ", allowedScopes="
        + allowedScopes + ", grantTypes=" + grantTypes + ", refreshTokenForClientCredentials="
        + refreshTokenForClientCredentials + ", accessTokenTtl=" + accessTokenTtl
        + ", refreshTokenTtl=" + refreshTokenTtl + ", signIn=" + signIn + "]";
  }
}
