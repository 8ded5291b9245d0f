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
    /** Requires the principal. */
    public Authenticated {
      Objects.requireNonNull(principal, "principal");
    }
  }

  /** The credential was examined and refused. */
  record Rejected(AuthError error) implements AuthOutcome {
    /** Requires the error. */
    public Rejected {
      Objects.requireNonNull(error, "error");
    }
  }

  /** This step does not handle the credential presented; another may. */
  record NotApplicable() implements AuthOutcome {}

  /** Shorthand for {@code new Authenticated(principal)}. */
  static AuthOutcome authenticated(AuthPrincipal principal) {
    return new Authenticated(principal);
  }

  /** Shorthand for {@code new Rejected(error)}. */
  static AuthOutcome rejected(AuthError error) {
    return new Rejected(error);
  }

  /** Shorthand for {@code new Rejected(AuthError.of(code, message))}. */
  static AuthOutcome rejected(AuthErrorCode code, String message) {
    return new Rejected(AuthError.of(code, message));
  }

  /** The shared "not mine" answer. */
  static AuthOutcome notApplicable() {
    return NotApplicableHolder.INSTANCE;
  }

  /** Holder so the interface does not expose a mutable-looking constant. */
  final class NotApplicableHolder {
    private static final NotApplicable INSTANCE = new NotApplicable();

    private NotApplicableHolder() {}
  }
}
