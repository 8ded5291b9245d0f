package io.admin.auth.core.spi;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One issued authorization code. The code itself is never stored, only its keyed hash (the key).
 * Everything the token request must match is bound here (see {@code docs/http-contract.md},
 * "Signing people in"). Immutable.
 *
 * @param codeHash the keyed hash of the code (see {@link io.admin.auth.core.crypto.SecretHasher});
 *     primary key
 * @param clientId the client the code was issued to
 * @param redirectUri the exact {@code redirect_uri} of the authorization request (the token
 *     request must send the same string)
 * @param codeChallenge the PKCE S256 {@code code_challenge}
 * @param subject the person's id ({@code sub} of the tokens)
 * @param scopes the granted scopes
 * @param nonce the OpenID Connect {@code nonce}, or {@code null}
 * @param authTime when the person authenticated ({@code auth_time} of the ID token)
 * @param sessionId the id of the sign-in session ({@code sid}), or {@code null}
 * @param grantId the id stamped as {@code fid} on every token issued from this code (and the
 *     refresh-token family): replaying the code revokes everything it issued through it
 * @param issuedAt when the code was issued
 * @param expiresAt when it stops being redeemable (at most 60 seconds after {@code issuedAt})
 * @param redeemedAt when it was redeemed, or {@code null}
 */
public record AuthorizationCode(
    String codeHash,
    String clientId,
    String redirectUri,
    String codeChallenge,
    String subject,
    Set<String> scopes,
    String nonce,
    Instant authTime,
    String sessionId,
    String grantId,
    Instant issuedAt,
    Instant expiresAt,
    Instant redeemedAt) {

  /**
   * Requires every field but {@code scopes}, {@code nonce}, {@code sessionId} and
   * {@code redeemedAt}, and freezes a sorted copy of the scopes.
   *
   * @param codeHash the keyed hash of the code; required
   * @param clientId the client the code was issued to; required
   * @param redirectUri the exact {@code redirect_uri} of the authorization request; required
   * @param codeChallenge the PKCE S256 {@code code_challenge}; required
   * @param subject the person's id; required
   * @param scopes the granted scopes; {@code null} means none
   * @param nonce the OpenID Connect {@code nonce}, or {@code null}
   * @param authTime when the person authenticated; required
   * @param sessionId the id of the sign-in session, or {@code null}
   * @param grantId the id stamped as {@code fid} on every token issued from this code; required
   * @param issuedAt when the code was issued; required
   * @param expiresAt when it stops being redeemable; required
   * @param redeemedAt when it was redeemed, or {@code null}
   */
  public AuthorizationCode {
    Objects.requireNonNull(codeHash, "codeHash");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(codeChallenge, "codeChallenge");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(authTime, "authTime");
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    scopes = scopes == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
  }

  /**
   * The same code marked redeemed at {@code at}.
   *
   * @param at the redemption instant
   * @return a copy with {@code redeemedAt} set; this one is unchanged
   */
  public AuthorizationCode withRedeemedAt(Instant at) {
    return new AuthorizationCode(codeHash, clientId, redirectUri, codeChallenge, subject, scopes,
        nonce, authTime, sessionId, grantId, issuedAt, expiresAt, at);
  }

  /** Prints only a short prefix of the hash, and neither the nonce nor the challenge. */
  @Override
  public String toString() {
    return "AuthorizationCode[codeHash=" + codeHash.substring(0, Math.min(12, codeHash.length()))
        + "..., clientId=" + clientId + ", redirectUri=" + redirectUri + ", subject=" + subject
        + ", scopes=" + scopes + ", grantId=" + grantId + ", issuedAt=" + issuedAt
        + ", expiresAt=" + expiresAt + ", redeemedAt=" + redeemedAt + "]";
  }
}
