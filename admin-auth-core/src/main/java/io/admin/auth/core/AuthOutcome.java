package io.admin.auth.core;

import java.util.Objects;

/**
 * The three answers an authentication step can give: the credential is good, the credential is
 * bad, or the credential is not of a kind this step handles (so the next step should look).
 *
 * <p>Bad credentials are a value, never an exception. Only "could not check" (a store is down)
 * is thrown, as {@link AuthUnavailableException}.
 */
public sealed interface AuthOutcome
    permits AuthOutcome.Authenticated, AuthOutcome.Rejected, AuthOutcome.NotApplicable {

  /** The credential was verified. */
  record Authenticated(AuthPrincipal principal) implements AuthOutcome {
    /**
     * Requires the principal.
     *
     * @param principal the authenticated caller; required
     */
    public Authenticated {
      Objects.requireNonNull(principal, "principal");
    }
  }

  /** The credential was examined and refused. */
  record Rejected(AuthError error) implements AuthOutcome {
    /**
     * Requires the error.
     *
     * @param error why the credentials were refused; required
     */
    public Rejected {
      Objects.requireNonNull(error, "error");
    }
  }

  /** This step does not handle the credential presented; another may. */
  record NotApplicable() implements AuthOutcome {}

  /**
   * Shorthand for {@code new Authenticated(principal)}.
   *
   * @param principal the authenticated caller; required
   * @return an {@link Authenticated} outcome
   */
  static AuthOutcome authenticated(AuthPrincipal principal) {
    return new Authenticated(principal);
  }

  /**
   * Shorthand for {@code new Rejected(error)}.
   *
   * @param error why the credentials were refused; required
   * @return a {@link Rejected} outcome
   */
  static AuthOutcome rejected(AuthError error) {
    return new Rejected(error);
  }

  /**
   * Shorthand for {@code new Rejected(AuthError.of(code, message))}.
   *
   * @param code the contract's error code; required
   * @param message the text of the JSON body; required, never a secret
   * @return a {@link Rejected} outcome without details
   */
  static AuthOutcome rejected(AuthErrorCode code, String message) {
    return new Rejected(AuthError.of(code, message));
  }

  /**
   * The shared "not mine" answer.
   *
   * @return the one {@link NotApplicable} instance
   */
  static AuthOutcome notApplicable() {
    return NotApplicableHolder.INSTANCE;
  }

  /** Holder so the interface does not expose a mutable-looking constant. */
  final class NotApplicableHolder {
    private static final NotApplicable INSTANCE = new NotApplicable();

    private NotApplicableHolder() {}
  }
}
