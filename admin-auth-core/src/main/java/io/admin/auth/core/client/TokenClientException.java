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

  TokenClientException(int status, String error, String code, String message, Throwable cause) {
    this(status, error, code, message, cause, false);
  }

  TokenClientException(int status, String error, String code, String message, Throwable cause,
      boolean requestMayHaveArrived) {
    super(message, cause);
    this.status = status;
    this.error = error;
    this.code = code;
    this.requestMayHaveArrived = requestMayHaveArrived;
  }

  /**
   * Whether the failed request of a single-use grant may have been carried out by the server
   * (a 5xx, a timeout or an I/O error after sending, an unreadable 200): its refresh token must
   * then be taken as spent. False when the server certainly did not act on it.
   */
  boolean requestMayHaveArrived() {
    return requestMayHaveArrived;
  }

  /** The HTTP status of the last response, or {@link #NO_RESPONSE}. */
  public int status() {
    return status;
  }

  /** The OAuth {@code error} of the last response, e.g. {@code invalid_client}, if it had one. */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /** The contract's machine-readable {@code code}, e.g. {@code AUTH_CLIENT_INVALID}, if any. */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }
}
