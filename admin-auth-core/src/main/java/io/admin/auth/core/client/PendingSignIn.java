package io.admin.auth.core.client;

import java.net.URI;
import java.util.Objects;

/**
 * One sign-in in progress, from the authorization request to the code exchange: what the
 * application keeps (typically in the person's server-side session) between sending the browser
 * to {@link #authorizationUri()} and receiving the redirect. Made by
 * {@link AuthorizationCodeClient#start()}; immutable. The verifier, state and nonce are secrets
 * of this sign-in: never put them in a URL other than the one built here, nor in a log.
 *
 * @param authorizationUri where to send the browser: the authorization endpoint with every
 *     request parameter
 * @param state the {@code state} sent, which the redirect must bring back (CSRF defence, RFC
 *     6749 section 10.12)
 * @param codeVerifier the PKCE verifier (RFC 7636), sent only with the code exchange
 * @param nonce the OpenID Connect {@code nonce} the ID token must carry, or {@code null} when
 *     {@code openid} was not asked for
 * @param redirectUri the {@code redirect_uri} sent, repeated in the code exchange
 */
public record PendingSignIn(
    URI authorizationUri, String state, String codeVerifier, String nonce, String redirectUri) {

  /**
   * Requires every field but the nonce.
   *
   * @param authorizationUri where to send the browser; required
   * @param state the {@code state} sent; required
   * @param codeVerifier the PKCE verifier; required
   * @param nonce the OpenID Connect {@code nonce}, or {@code null}
   * @param redirectUri the {@code redirect_uri} sent; required
   */
  public PendingSignIn {
    Objects.requireNonNull(authorizationUri, "authorizationUri");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(codeVerifier, "codeVerifier");
    Objects.requireNonNull(redirectUri, "redirectUri");
  }

  /** Prints neither the verifier, the state nor the nonce. */
  @Override
  public String toString() {
    return "PendingSignIn[redirectUri=" + redirectUri + ", nonce="
        + (nonce == null ? "none" : "**********") + "]";
  }
}
