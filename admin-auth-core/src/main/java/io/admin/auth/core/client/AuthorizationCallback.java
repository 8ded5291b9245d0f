package io.admin.auth.core.client;

import java.util.Objects;
import java.util.Optional;

/**
 * What the redirect back from the authorization endpoint says, once checked by
 * {@link AuthorizationCodeClient#callback}: a code to exchange, the server's refusal, or a
 * redirect that must not be trusted.
 */
public sealed interface AuthorizationCallback {

  /** The server issued a code; {@code state} and {@code iss} were as expected. */
  record Code(String code) implements AuthorizationCallback {
    /**
     * Requires the code.
     *
     * @param code the authorization code, to exchange at once; required
     */
    public Code {
      Objects.requireNonNull(code, "code");
    }

    /** Never prints the code. */
    @Override
    public String toString() {
      return "Code[**********]";
    }
  }

  /**
   * The server answered with an error (RFC 6749 section 4.1.2.1), for example {@code
   * access_denied} when the person declined, or {@code login_required} after {@code prompt=none};
   * {@code state} and {@code iss} were as expected.
   *
   * @param error the OAuth {@code error}
   * @param description the {@code error_description}, if any: for logs, not for the person
   */
  record Refused(String error, Optional<String> description) implements AuthorizationCallback {
    /**
     * Requires the error and the (possibly empty) description.
     *
     * @param error the OAuth {@code error}; required
     * @param description the {@code error_description}, if any; required
     */
    public Refused {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(description, "description");
    }
  }

  /**
   * The redirect cannot be trusted or used: its {@code state} is not this sign-in's (a forged or
   * replayed redirect, RFC 6749 section 10.12), its {@code iss} names another server (a mix-up,
   * RFC 9207), it lacks a required {@code iss}, or it carries neither a code nor an error. Nothing
   * in it may be used; start the sign-in again.
   *
   * @param reason what was wrong, for logs; it contains no parameter value
   */
  record Invalid(String reason) implements AuthorizationCallback {
    /**
     * Requires the reason.
     *
     * @param reason what was wrong, for logs; required
     */
    public Invalid {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
