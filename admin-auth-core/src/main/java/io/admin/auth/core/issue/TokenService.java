package io.admin.auth.core.issue;

import io.admin.auth.core.verify.BearerTokenVerifier;
import io.admin.auth.core.spi.OAuthClient;

import io.admin.auth.core.AuthOutcome;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one facade the servlet module (or any other transport) calls: client authentication, the
 * {@code client_credentials} and {@code refresh_token} grants, revocation (RFC 7009),
 * introspection (RFC 7662), access-token verification (RFC 9068) and the public JWK Set.
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
   */
  ClientAuthentication authenticateClient(String clientId, String clientSecret);

  /**
   * The {@code client_credentials} grant (RFC 6749 section 4.4).
   *
   * @param client an authenticated client
   * @param scope the space-separated {@code scope} parameter, or empty for all allowed scopes
   */
  TokenResult clientCredentials(OAuthClient client, Optional<String> scope);

  /**
   * The {@code refresh_token} grant (RFC 6749 section 6) with rotation: the presented token dies,
   * a new one is returned; a token presented again is reuse and revokes its whole family.
   */
  TokenResult refresh(OAuthClient client, String refreshToken, Optional<String> scope);

  /**
   * Revokes an access or refresh token the client owns (RFC 7009). Unknown, malformed or foreign
   * tokens are silently ignored, as the RFC requires.
   *
   * @param tokenTypeHint {@code access_token}, {@code refresh_token}, or empty
   */
  void revoke(OAuthClient client, String token, Optional<String> tokenTypeHint);

  /** RFC 7662 introspection; anything not currently valid is {@link Introspection#inactive()}. */
  Introspection introspect(OAuthClient client, String token, Optional<String> tokenTypeHint);

  /** Verifies a bearer access token issued by this service: {@code Authenticated} or {@code Rejected}, never throws for bad input. */
  @Override
  AuthOutcome verify(String accessToken);

  /** The public JWK Set document (RFC 7517) as JSON: public keys only, never symmetric secrets. */
  String jwkSetJson();

  /** The {@code iss} of issued tokens. */
  String issuer();

  /** The JWS algorithms this service signs and verifies with, e.g. {@code ["ES256"]}. */
  List<String> signingAlgorithms();

  /** Every scope some registered client may request (for the metadata document). */
  Set<String> scopesSupported();
}
