package io.admin.auth.core.issue;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.signin.ApprovedAuthorization;
import io.admin.auth.core.signin.IssuedCode;
import io.admin.auth.core.signin.LogoutHint;
import io.admin.auth.core.signin.PendingAuthorization;
import io.admin.auth.core.signin.UserInfoResult;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.verify.BearerTokenVerifier;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The one facade the servlet module (or any other transport) calls: client authentication, the
 * {@code client_credentials}, {@code refresh_token} and {@code authorization_code} grants,
 * authorization codes, UserInfo and logout hints (see {@code docs/http-contract.md}, "Signing
 * people in"), revocation (RFC 7009), introspection (RFC 7662), access-token verification (RFC
 * 9068) and the public JWK Set.
 *
 * <p>The sign-in methods have defaults that refuse (an implementation that does not sign people
 * in answers {@code unsupported_grant_type}, {@code invalid_client} or an invalid token), so an
 * implementation written before them keeps compiling.
 *
 * <p>Every method answers bad input with a value ({@link TokenResult.Failed},
 * {@link AuthOutcome.Rejected}, an inactive {@link Introspection}); only a store that cannot be
 * reached throws {@link io.admin.auth.core.AuthUnavailableException}. Implementations are
 * thread-safe.
 */
public interface TokenService extends BearerTokenVerifier {

  /**
   * Checks a client's id and secret (client_secret_basic or client_secret_post). Takes the same
   * time whether the client is unknown or the secret is wrong, and answers both with the same
   * {@code AUTH_CLIENT_INVALID} error.
   *
   * @param clientId the presented {@code client_id}
   * @param clientSecret the presented secret, in plain text
   * @return the authenticated client, or the error to answer with
   */
  ClientAuthentication authenticateClient(String clientId, String clientSecret);

  /**
   * Authenticates a public client ({@code token_endpoint_auth_method} {@code none}) by its {@code
   * client_id} alone, as the token endpoint does when a request carries no secret. Succeeds only
   * for a registered public client: an unknown id and a confidential client (which must prove
   * itself with its secret) get the same {@code AUTH_CLIENT_INVALID}. A public client is in turn
   * never authenticated by {@link #authenticateClient}, whatever secret is sent.
   *
   * @param clientId the presented {@code client_id}
   * @return the authenticated public client, or the error to answer with
   */
  default ClientAuthentication authenticatePublicClient(String clientId) {
    return new ClientAuthentication.Failed(
        AuthError.of(AuthErrorCode.AUTH_CLIENT_INVALID, "Client authentication failed."));
  }

  /**
   * Issues an authorization code for an approved authorization request (RFC 6749 section 4.1.2):
   * at least 128 random bits, stored only as a keyed hash, redeemable once within at most 60
   * seconds, bound to everything in {@code approved}. The caller has validated the request (client,
   * redirect URI, PKCE challenge, scopes) and the person's sign-in and consent.
   *
   * @param approved the request the person approved
   * @return the code to hand the client, and when it expires
   * @throws IllegalArgumentException when {@code approved} does not fit its client (a caller bug)
   * @throws UnsupportedOperationException when this service does not sign people in
   */
  default IssuedCode issueAuthorizationCode(ApprovedAuthorization approved) {
    throw new UnsupportedOperationException("this token service does not sign people in");
  }

  /**
   * The {@code authorization_code} grant (RFC 6749 section 4.1.3, RFC 7636 section 4.6): the code
   * must exist, be unexpired and unused, belong to {@code client}, have been issued for exactly
   * {@code redirectUri}, and {@code codeVerifier} must hash (S256) to its challenge. Any failure
   * is {@code AUTH_AUTHORIZATION_CODE_INVALID} and spends the code; a code presented again also
   * revokes every token issued from it. A missing parameter is {@code AUTH_REQUEST_INVALID}, a
   * client not registered for the grant {@code AUTH_GRANT_UNSUPPORTED}. The answer carries an
   * {@code id_token} when {@code openid} was granted, and a refresh token when {@code
   * offline_access} was.
   *
   * @param client an authenticated client (confidential, or public by {@link
   *     #authenticatePublicClient})
   * @param code the {@code code} parameter, or {@code null} when absent
   * @param redirectUri the {@code redirect_uri} parameter, or {@code null} when absent
   * @param codeVerifier the {@code code_verifier} parameter, or {@code null} when absent
   * @return the tokens, or the error to answer with
   */
  default TokenResult authorizationCode(OAuthClient client, String code, String redirectUri,
      String codeVerifier) {
    return new TokenResult.Failed(AuthError.of(AuthErrorCode.AUTH_GRANT_UNSUPPORTED,
        "The grant type is not supported."));
  }

  /**
   * The OpenID Connect UserInfo claims (Core 1.0 section 5.3) for a principal verified from one of
   * this service's access tokens: {@code sub} and the claims its scopes release, or a refusal:
   * {@code AUTH_INSUFFICIENT_SCOPE} without {@code openid}, {@code AUTH_TOKEN_INVALID} for a
   * principal this service did not issue.
   *
   * @param principal a principal this service's verifier produced
   * @return the claims to release, or why not
   */
  default UserInfoResult userInfo(AuthPrincipal principal) {
    return new UserInfoResult.Refused(AuthError.of(AuthErrorCode.AUTH_TOKEN_INVALID,
        "The access token was not issued by this server."));
  }

  /**
   * Checks an {@code id_token_hint} of RP-Initiated Logout: an ID token of this service (its
   * signature and {@code iss}; it may have expired) for a registered client. The answer names the
   * client and the person, and says which {@code post_logout_redirect_uri} may be used.
   *
   * @param idTokenHint the {@code id_token_hint} parameter as sent
   * @return the client and person it names, or why it is invalid
   */
  default LogoutHint checkLogoutHint(String idTokenHint) {
    return new LogoutHint.Invalid(AuthError.of(AuthErrorCode.AUTH_TOKEN_INVALID,
        "The ID token hint is malformed or invalid."));
  }

  /**
   * The registered client with this id, as the client store holds it (the authorization endpoint
   * checks requests against it), or empty.
   *
   * @param clientId the {@code client_id} of the request
   * @return the client, or empty when unknown
   * @throws io.admin.auth.core.AuthUnavailableException when the client store cannot be reached
   */
  default Optional<OAuthClient> findClient(String clientId) {
    return Optional.empty();
  }

  /**
   * Ends every grant {@code clientId} holds for {@code subject}, as withdrawing the person's
   * consent requires: each refresh-token family of that client and person is revoked, and with it
   * every access token issued from the family (they carry its {@code fid}). An access token issued
   * from a code without {@code offline_access} belongs to no stored family and lives out its
   * (short) lifetime.
   *
   * @param subject the person's id
   * @param clientId the client whose grants end
   * @return how many grants were revoked, or empty when the refresh-token store cannot list a
   *     person's grants (see {@link io.admin.auth.core.spi.RefreshTokenStore#familiesOf}), and for
   *     a service that does not sign people in
   */
  default OptionalInt revokeGrants(String subject, String clientId) {
    return OptionalInt.empty();
  }

  /**
   * Signs a pending authorization request into a compact handle the browser carries over the
   * login and consent pages: readable by every node sharing this service's key ring, tamper-proof
   * (its parameters and {@code requestedAt} cannot be changed), valid ten minutes from
   * {@code requestedAt}, and of its own {@code typ} {@code admin-auth-signin+jwt}, so it never
   * passes as an access or ID token. Not a secret: it holds only the request's parameters.
   *
   * @param pending the validated request to carry
   * @return the compact signed handle
   * @throws UnsupportedOperationException when this service does not sign people in
   */
  default String signPendingAuthorization(PendingAuthorization pending) {
    throw new UnsupportedOperationException("this token service does not sign people in");
  }

  /**
   * The pending request of a handle made by {@link #signPendingAuthorization}, or empty when the
   * handle is malformed, forged, signed by a key no longer in the ring, or expired. Never throws
   * for bad input.
   *
   * @param handle the handle the browser sent back
   * @return the request, or empty when the handle is not valid now
   */
  default Optional<PendingAuthorization> openPendingAuthorization(String handle) {
    return Optional.empty();
  }

  /**
   * The JWS algorithms of ID tokens, for the metadata document; empty when none are issued.
   *
   * @return the {@code alg} names, e.g. {@code ["RS256"]}
   */
  default List<String> idTokenSigningAlgorithms() {
    return List.of();
  }

  /**
   * The {@code client_credentials} grant (RFC 6749 section 4.4).
   *
   * @param client an authenticated client
   * @param scope the space-separated {@code scope} parameter, or empty for all allowed scopes
   * @return the tokens, or the error to answer with
   */
  TokenResult clientCredentials(OAuthClient client, Optional<String> scope);

  /**
   * The {@code refresh_token} grant (RFC 6749 section 6) with rotation: the presented token dies,
   * a new one is returned; a token presented again is reuse and revokes its whole family.
   *
   * @param client an authenticated client
   * @param refreshToken the presented {@code refresh_token}
   * @param scope the space-separated {@code scope} parameter, or empty to keep the grant's scopes
   * @return the new tokens, or the error to answer with
   */
  TokenResult refresh(OAuthClient client, String refreshToken, Optional<String> scope);

  /**
   * Revokes an access or refresh token the client owns (RFC 7009). Unknown, malformed or foreign
   * tokens are silently ignored, as the RFC requires.
   *
   * @param tokenTypeHint {@code access_token}, {@code refresh_token}, or empty
   * @param client an authenticated client
   * @param token the token to revoke, as presented
   */
  void revoke(OAuthClient client, String token, Optional<String> tokenTypeHint);

  /**
   * RFC 7662 introspection; anything not currently valid is {@link Introspection#inactive()}.
   *
   * @param client an authenticated client
   * @param token the token to inspect, as presented
   * @param tokenTypeHint {@code access_token}, {@code refresh_token}, or empty
   * @return the introspection answer; never {@code null}
   */
  Introspection introspect(OAuthClient client, String token, Optional<String> tokenTypeHint);

  /** Verifies a bearer access token issued by this service: {@code Authenticated} or {@code Rejected}, never throws for bad input. */
  @Override
  AuthOutcome verify(String accessToken);

  /**
   * The public JWK Set document (RFC 7517) as JSON: public keys only, never symmetric secrets.
   *
   * @return the JWK Set JSON
   */
  String jwkSetJson();

  /**
   * The {@code iss} of issued tokens.
   *
   * @return the issuer URL
   */
  String issuer();

  /**
   * The JWS algorithms this service signs and verifies with, e.g. {@code ["ES256"]}.
   *
   * @return the {@code alg} names; never empty
   */
  List<String> signingAlgorithms();

  /**
   * Every scope some registered client may request (for the metadata document).
   *
   * @return the scopes, sorted; empty when no client is registered
   */
  Set<String> scopesSupported();
}
