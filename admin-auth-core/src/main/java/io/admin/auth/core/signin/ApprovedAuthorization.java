package io.admin.auth.core.signin;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An authorization request that has been validated, whose person has signed in and (where asked)
 * consented: everything an authorization code is bound to. The authorization endpoint builds it
 * and hands it to {@link io.admin.auth.core.issue.TokenService#issueAuthorizationCode}. Immutable.
 *
 * @param clientId the client that asked
 * @param redirectUri the {@code redirect_uri} of the request, exactly as sent (the token request
 *     must repeat this string)
 * @param codeChallenge the PKCE S256 {@code code_challenge} ({@link Pkce#isS256Challenge})
 * @param subject the person's id: {@code sub} of the tokens
 * @param scopes the granted scopes, never empty
 * @param nonce the OpenID Connect {@code nonce}, or {@code null} when none was sent
 * @param authTime when the person authenticated: {@code auth_time} of the ID token
 * @param sessionId an identifier of the person's sign-in session, or {@code null}; stored with the
 *     code, never put in a token, and never the session cookie's secret value
 */
public record ApprovedAuthorization(
    String clientId,
    String redirectUri,
    String codeChallenge,
    String subject,
    Set<String> scopes,
    String nonce,
    Instant authTime,
    String sessionId) {

  /**
   * Checks the approval: client, redirect URI and subject not empty, an S256 challenge, a nonce
   * that is {@code null} or not empty, and freezes a sorted copy of the scopes.
   *
   * @param clientId the client that asked; not empty
   * @param redirectUri the {@code redirect_uri} of the request, exactly as sent; not empty
   * @param codeChallenge the PKCE S256 {@code code_challenge}
   * @param subject the person's id; not blank
   * @param scopes the granted scopes; required
   * @param nonce the OpenID Connect {@code nonce}, or {@code null}
   * @param authTime when the person authenticated; required
   * @param sessionId an identifier of the person's sign-in session, or {@code null}
   */
  public ApprovedAuthorization {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(authTime, "authTime");
    if (clientId.isEmpty() || redirectUri.isEmpty() || subject.isBlank()) {
      throw new IllegalArgumentException("clientId, redirectUri and subject must not be empty");
    }
    if (!Pkce.isS256Challenge(codeChallenge)) {
      throw new IllegalArgumentException("codeChallenge must be an S256 challenge");
    }
    if (nonce != null && nonce.isEmpty()) {
      throw new IllegalArgumentException("nonce must be null or non-empty");
    }
    scopes = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(scopes,
        "scopes")));
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("scopes must not be empty");
    }
  }

  /** Prints neither the nonce nor the challenge. */
  @Override
  public String toString() {
    return "ApprovedAuthorization[clientId=" + clientId + ", redirectUri=" + redirectUri
        + ", subject=" + subject + ", scopes=" + scopes + ", authTime=" + authTime + "]";
  }
}
