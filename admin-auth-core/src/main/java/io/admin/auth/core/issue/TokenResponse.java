package io.admin.auth.core.issue;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A successful token response (RFC 6749 section 5.1; see {@code docs/http-contract.md}).
 *
 * @param accessToken the signed JWT
 * @param tokenType always {@code Bearer}
 * @param expiresIn access token lifetime in seconds
 * @param refreshToken the opaque refresh token, or {@code null} when none is issued
 * @param scopes the granted scopes
 * @param idToken the OpenID Connect ID token, or {@code null} when {@code openid} was not granted
 */
public record TokenResponse(
    String accessToken, String tokenType, long expiresIn, String refreshToken, Set<String> scopes,
    String idToken) {

  /** The only token type this library issues (RFC 6750). */
  static final String BEARER = "Bearer";

  /**
   * Requires the access token and its type and freezes a sorted copy of the scopes.
   *
   * @param accessToken the {@code access_token}; required
   * @param tokenType the {@code token_type}, {@code Bearer}; required
   * @param expiresIn the {@code expires_in}, in seconds
   * @param refreshToken the {@code refresh_token}, or {@code null} when none is issued
   * @param scopes the granted scopes; required
   * @param idToken the {@code id_token}, or {@code null} when none is issued
   */
  public TokenResponse {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(tokenType, "tokenType");
    scopes = Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
  }

  /**
   * A response without an ID token (every grant but {@code authorization_code} with openid).
   *
   * @param accessToken the {@code access_token}; required
   * @param tokenType the {@code token_type}, {@code Bearer}; required
   * @param expiresIn the {@code expires_in}, in seconds
   * @param refreshToken the {@code refresh_token}, or {@code null} when none is issued
   * @param scopes the granted scopes; required
   */
  public TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
      Set<String> scopes) {
    this(accessToken, tokenType, expiresIn, refreshToken, scopes, null);
  }

  /**
   * The granted scopes, space separated, as the {@code scope} response field.
   *
   * @return the {@code scope} value; empty when no scope was granted
   */
  public String scope() {
    return String.join(" ", scopes);
  }

  /** Never prints the tokens. */
  @Override
  public String toString() {
    return "TokenResponse[accessToken=**********, tokenType=" + tokenType + ", expiresIn="
        + expiresIn + ", refreshToken=" + (refreshToken == null ? "null" : "**********")
        + ", scopes=" + scopes + ", idToken=" + (idToken == null ? "null" : "**********") + "]";
  }
}
