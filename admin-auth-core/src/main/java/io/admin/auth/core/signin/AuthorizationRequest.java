package io.admin.auth.core.signin;

import io.admin.auth.core.spi.OAuthClient;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An authorization request that passed every check of {@code docs/http-contract.md} ("Signing
 * people in", authorization request). Immutable. The constructor re-checks the invariants the
 * rest of the flow relies on, so an instance always holds a redirect URI registered for its
 * client, scopes within the client's and a well-formed S256 challenge, however it was made.
 *
 * @param client the client, as the client store returned it
 * @param redirectUri the {@code redirect_uri} exactly as sent (the token request must repeat this
 *     string; for a loopback URI the port may differ from the registered one)
 * @param responseMode how the response travels back
 * @param scopes the requested scopes, a non-empty subset of the client's allowed scopes
 * @param state the client's {@code state}, returned unchanged, or {@code null}
 * @param nonce the OpenID Connect {@code nonce} for the ID token, or {@code null}
 * @param codeChallenge the PKCE {@code S256} challenge
 * @param prompts the {@code prompt} values; empty when none was sent; {@link Prompt#NONE} alone
 * @param maxAge the {@code max_age}, or {@code null} when none was sent
 */
public record AuthorizationRequest(
    OAuthClient client,
    String redirectUri,
    ResponseMode responseMode,
    Set<String> scopes,
    String state,
    String nonce,
    String codeChallenge,
    Set<Prompt> prompts,
    Duration maxAge) {

  /** The scope that asks for an ID token. */
  public static final String OPENID = "openid";

  /**
   * Checks the request against its client: a registered redirect URI, a non-empty subset of the
   * client's scopes, an S256 challenge, {@code prompt=none} alone, a {@code max_age} not negative;
   * freezes copies of the sets.
   *
   * @param client the client, as the client store returned it; required
   * @param redirectUri the {@code redirect_uri} exactly as sent; registered for the client
   * @param responseMode how the response travels back; required
   * @param scopes the requested scopes; required
   * @param state the client's {@code state}, or {@code null}
   * @param nonce the OpenID Connect {@code nonce}, or {@code null}
   * @param codeChallenge the PKCE S256 challenge
   * @param prompts the {@code prompt} values; required, may be empty
   * @param maxAge the {@code max_age}, or {@code null}
   */
  public AuthorizationRequest {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(responseMode, "responseMode");
    if (RedirectUris.match(client.signIn().redirectUris(), redirectUri).isEmpty()) {
      throw new IllegalArgumentException("redirectUri is not registered for the client");
    }
    scopes = Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
    if (scopes.isEmpty() || !client.allowedScopes().containsAll(scopes)) {
      throw new IllegalArgumentException("scopes must be a non-empty subset of the client's");
    }
    if (!CodeChallenge.isS256(codeChallenge)) {
      throw new IllegalArgumentException("codeChallenge is not an S256 challenge");
    }
    prompts = prompts.isEmpty()
        ? Collections.unmodifiableSet(EnumSet.noneOf(Prompt.class))
        : Collections.unmodifiableSet(EnumSet.copyOf(prompts));
    if (prompts.contains(Prompt.NONE) && prompts.size() > 1) {
      throw new IllegalArgumentException("prompt none must stand alone");
    }
    if (maxAge != null && maxAge.isNegative()) {
      throw new IllegalArgumentException("maxAge must not be negative");
    }
  }

  /**
   * Whether {@code openid} was requested, so an ID token is wanted.
   *
   * @return {@code true} when {@code openid} is among the scopes
   */
  public boolean openid() {
    return scopes.contains(OPENID);
  }

  /**
   * Whether the request carries {@code prompt} value {@code p}.
   *
   * @param p the prompt value to look for
   * @return {@code true} when the request carries it
   */
  public boolean hasPrompt(Prompt p) {
    return prompts.contains(p);
  }

  /**
   * An error to send back to this request's redirect URI, with its mode and state.
   *
   * @param error the OAuth error code, e.g. {@code access_denied}
   * @param description a fixed sentence; never request input
   * @return the error, addressed to this request's redirect URI
   */
  public AuthorizationRequestResult.RedirectError error(String error, String description) {
    return new AuthorizationRequestResult.RedirectError(
        redirectUri, responseMode, error, description, state);
  }

  /** Neither the state, the nonce nor the challenge: they may be correlatable secrets. */
  @Override
  public String toString() {
    return "AuthorizationRequest[client=" + client.clientId() + ", redirectUri=" + redirectUri
        + ", responseMode=" + responseMode + ", scopes=" + scopes + ", prompts=" + prompts
        + ", maxAge=" + maxAge + "]";
  }
}
