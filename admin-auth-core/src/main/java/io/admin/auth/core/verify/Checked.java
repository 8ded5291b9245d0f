package io.admin.auth.core.verify;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.TokenClaims;
import io.admin.auth.core.internal.jose.ParsedClaims;
import io.admin.auth.core.VerificationKey;
import java.util.Map;

/**
 * What one verification found: the verified claims with the answer and the key that verified them,
 * or the error.
 */
record Checked(ParsedClaims parsed, AuthOutcome.Authenticated outcome, VerificationKey key,
    AuthError error) {

  /** A rejection. */
  static Checked failed(AuthError error) {
    return new Checked(null, null, null, error);
  }

  /**
   * A verified token: the bearer principal built from its typed claims and its whole payload; the
   * typed claims then hold the principal's (immutable) scope set rather than their own.
   */
  static Checked verified(ParsedClaims claims, Map<String, Object> payload, VerificationKey key) {
    AuthPrincipal principal = new AuthPrincipal(claims.subject(), claims.clientId(),
        claims.scopes(), claims.issuer(), claims.expiresAt(), AuthMethod.BEARER, payload);
    return new Checked(claims.sharing(claims.audience(), principal.scopes()),
        new AuthOutcome.Authenticated(principal), key, null);
  }

  /** The verified claims as the public record (built on demand), or {@code null} on error. */
  TokenClaims claims() {
    return parsed == null ? null : parsed.toTokenClaims(outcome.principal().claims());
  }
}
