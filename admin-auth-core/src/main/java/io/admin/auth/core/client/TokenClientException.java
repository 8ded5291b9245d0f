package io.admin.auth.core.client;

import java.util.Optional;

/**
 * The token client gave up: the token endpoint refused the request (a 4xx with an OAuth error),
 * kept failing (5xx, 429, I/O errors) until the attempts or the allowed wait ran out, or answered
 * with something that is not a token response.
 *
 * <p>It carries the server's {@code error} and {@code code} (docs/http-contract.md section 6) when there was
 * one. Its message never contains the client secret, a token, or the request body.
 */
public final class TokenClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The {@link #status()} when no HTTP response was received (I/O failure, interruption). */
  public static final int NO_RESPONSE = -1;

  /** The HTTP status of the last response, or {@link #NO_RESPONSE}. */
  private final int status;
  /** The OAuth {@code error} of the last response, or {@code null}. */
  private final String error;
  /** The contract's {@code code} of the last response, or {@code null}. */
  private final String code;
  /** Whether the server may have carried out the failed request (see the accessor). */
  private final boolean requestMayHaveArrived;
  /** Whether only a new sign-in of the person can bring a token (see the accessor). */
  private final boolean signInRequired;

  TokenClientException(int status, String error, String code, String message, Throwable cause) {
    this(status, error, code, message, cause, false);
  }

  TokenClientException(int status, String error, String code, String message, Throwable cause,
      boolean requestMayHaveArrived) {
    this(status, error, code, message, cause, requestMayHaveArrived, false);
  }

  private TokenClientException(int status, String error, String code, String message,
      Throwable cause, boolean requestMayHaveArrived, boolean signInRequired) {
    super(message, cause);
    this.status = status;
    this.error = error;
    this.code = code;
    this.requestMayHaveArrived = requestMayHaveArrived;
    this.signInRequired = signInRequired;
  }

  /**
   * The failure of a client acting for a person whose refresh token is missing, refused or
   * possibly spent; {@code cause} is the failed refresh, if there was one.
   */
  static TokenClientException signInRequired(String message, TokenClientException cause) {
    return cause == null
        ? new TokenClientException(NO_RESPONSE, null, null, message, null, false, true)
        : new TokenClientException(cause.status, cause.error, cause.code, message, cause, false,
            true);
  }

  /** The same failure again, thrown in another thread (that waited for this one's request). */
  TokenClientException rethrown() {
    return new TokenClientException(status, error, code, getMessage(), this,
        requestMayHaveArrived, signInRequired);
  }

  /**
   * Whether this client acts for a person (obtained through {@link AuthorizationCodeClient}) and
   * can get no more tokens without a new sign-in: no refresh token was issued, or it was refused
   * or may have been spent. The application then sends the person through the sign-in again.
   * Always false for a client of its own, which falls back to {@code client_credentials}.
   *
   * @return {@code true} when only a new sign-in can get tokens
   */
  public boolean signInRequired() {
    return signInRequired;
  }

  /**
   * Whether the failed request of a single-use grant may have been carried out by the server
   * (a 5xx, a timeout or an I/O error after sending, an unreadable 200): its refresh token must
   * then be taken as spent. False when the server certainly did not act on it.
   */
  boolean requestMayHaveArrived() {
    return requestMayHaveArrived;
  }

  /**
   * The HTTP status of the last response, or {@link #NO_RESPONSE}.
   *
   * @return the status, or {@link #NO_RESPONSE}
   */
  public int status() {
    return status;
  }

  /**
   * The OAuth {@code error} of the last response, e.g. {@code invalid_client}, if it had one.
   *
   * @return the {@code error}, or empty
   */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /**
   * The contract's machine-readable {@code code}, e.g. {@code AUTH_CLIENT_INVALID}, if any.
   *
   * @return the {@code code}, or empty
   */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }
}
