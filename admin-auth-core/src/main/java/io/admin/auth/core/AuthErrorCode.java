package io.admin.auth.core;

/**
 * Every machine-readable failure code of the HTTP contract (section 6), with the OAuth-style
 * {@code error} value and the HTTP status it is rendered with.
 *
 * <p>The code is the stable, documented identifier; the status and {@code error} string are fixed
 * by the contract so that every component renders a given failure the same way.
 */
public enum AuthErrorCode {
  /** No credentials on a protected path. */
  AUTH_CREDENTIALS_MISSING(401, "unauthorized"),
  /** Bearer token past its {@code exp} (plus skew). Details: {@code issued_at}, {@code expired_at}. */
  AUTH_TOKEN_EXPIRED(401, "invalid_token"),
  /** Bearer token whose {@code nbf} lies in the future (beyond skew). */
  AUTH_TOKEN_NOT_YET_VALID(401, "invalid_token"),
  /** Bearer token that was revoked, alone or with its refresh family. */
  AUTH_TOKEN_REVOKED(401, "invalid_token"),
  /** Malformed, bad signature, wrong alg/typ/iss/aud, unknown kid, forbidden header, too large. */
  AUTH_TOKEN_INVALID(401, "invalid_token"),
  /** API key unknown, malformed or with a wrong secret. */
  AUTH_API_KEY_INVALID(401, "invalid_api_key"),
  /** API key past its expiry. */
  AUTH_API_KEY_EXPIRED(401, "invalid_api_key"),
  /** API key revoked. */
  AUTH_API_KEY_REVOKED(401, "invalid_api_key"),
  /** Basic credentials rejected; the same for an unknown user and a wrong password. */
  AUTH_BASIC_INVALID(401, "invalid_credentials"),
  /** Client authentication failed at the token, revocation or introspection endpoint. */
  AUTH_CLIENT_INVALID(401, "invalid_client"),
  /** Refresh token unknown, malformed, or not the presenting client's. */
  AUTH_REFRESH_TOKEN_INVALID(400, "invalid_grant"),
  /** Refresh token past its expiry. */
  AUTH_REFRESH_TOKEN_EXPIRED(400, "invalid_grant"),
  /** A refresh token that was already used: the whole family has been revoked. */
  AUTH_REFRESH_TOKEN_REUSED(400, "invalid_grant"),
  /**
   * An authorization code that is unknown, expired, already used (then every token issued from it
   * has been revoked), issued to another client or for another redirect URI, or whose PKCE
   * verifier does not match; one answer for all, so that it does not say which check failed.
   */
  AUTH_AUTHORIZATION_CODE_INVALID(400, "invalid_grant"),
  /** A malformed token request. */
  AUTH_REQUEST_INVALID(400, "invalid_request"),
  /** A grant type that is not supported, or not allowed for this client. */
  AUTH_GRANT_UNSUPPORTED(400, "unsupported_grant_type"),
  /** Requested scope is not a subset of what the client (or the refresh grant) allows. */
  AUTH_SCOPE_INVALID(400, "invalid_scope"),
  /** Authenticated, but without the scopes the resource needs. Details: {@code required_scopes}. */
  AUTH_INSUFFICIENT_SCOPE(403, "insufficient_scope"),
  /**
   * A request authenticated by the browser-session cookie with an unsafe method, or a POST to the
   * session endpoints, without a valid CSRF proof: no or a wrong {@code X-CSRF-Token}, or an
   * {@code Origin} / {@code Sec-Fetch-Site} that is not same origin (docs/http-contract.md,
   * "Browser apps").
   */
  AUTH_CSRF_INVALID(403, "invalid_request"),
  /** Too many requests. Details: {@code retry_after_seconds}; rendered with {@code Retry-After}. */
  AUTH_RATE_LIMITED(429, "rate_limited");

  private final int httpStatus;
  private final String error;

  AuthErrorCode(int httpStatus, String error) {
    this.httpStatus = httpStatus;
    this.error = error;
  }

  /**
   * The HTTP status the contract renders this failure with.
   *
   * @return the status, e.g. 401 or 403
   */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * The OAuth-style {@code error} value of the JSON body (and of {@code WWW-Authenticate}).
   *
   * @return the {@code error} value, e.g. {@code invalid_token}
   */
  public String error() {
    return error;
  }
}
