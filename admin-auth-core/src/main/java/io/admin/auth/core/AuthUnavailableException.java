package io.admin.auth.core;

/**
 * Thrown when a credential could not be checked at all, for example because a store is down.
 *
 * <p>This is never used for credentials that are wrong: those are {@link AuthOutcome.Rejected}.
 * The servlet filter renders it as 503, never as 401, so an outage does not look like a bad
 * credential and a client does not throw away a good token.
 */
public class AuthUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A check that could not be made, and why.
   *
   * @param message what could not be checked, safe to log
   * @param cause the failure of the store or service behind it
   */
  public AuthUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * A check that could not be made.
   *
   * @param message what could not be checked, safe to log
   */
  public AuthUnavailableException(String message) {
    super(message);
  }
}
