package io.admin.auth.core.validation;

import io.admin.auth.core.AuthError;
import java.util.Objects;

/**
 * What a {@link TokenValidator} answers: {@link #valid()}, one shared constant, or a
 * {@link Rejected} with the error to return to the caller. Immutable.
 */
public sealed interface ValidationResult permits ValidationResult.Valid, ValidationResult.Rejected {

  /**
   * The answer for a token that passed; always the same instance, so passing allocates nothing.
   *
   * @return the passing answer
   */
  static ValidationResult valid() {
    return Valid.INSTANCE;
  }

  /**
   * A rejection.
   *
   * @param error what the caller answers (code, safe message, details)
   * @param reason a short description of the failed check for the audit log, e.g. {@code wrong iss}
   * @return the rejection
   */
  static Rejected rejected(AuthError error, String reason) {
    return new Rejected(error, reason);
  }

  /**
   * Whether the token passed.
   *
   * @return {@code true} for {@link #valid()}, {@code false} for a rejection
   */
  default boolean isValid() {
    return this == Valid.INSTANCE;
  }

  /** The only "valid" answer. */
  enum Valid implements ValidationResult {
    /** The shared instance returned by {@link ValidationResult#valid()}. */
    INSTANCE
  }

  /**
   * A failed check.
   *
   * @param error the error to return: contract code, message safe to show, details
   * @param reason the failed check in a few words, safe to log (never a token or claim value)
   */
  record Rejected(AuthError error, String reason) implements ValidationResult {
    /**
     * Requires the error and the reason.
     *
     * @param error what the caller answers; required
     * @param reason a short description of the failed check for the audit log; required
     */
    public Rejected {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
