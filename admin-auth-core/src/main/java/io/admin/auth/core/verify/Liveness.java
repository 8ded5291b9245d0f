package io.admin.auth.core.verify;

import io.admin.auth.core.internal.jose.ParsedClaims;
import io.admin.auth.core.spi.RevocationStore;
import io.admin.auth.core.validation.JwtClaims;
import io.admin.auth.core.validation.TokenValidator;
import io.admin.auth.core.validation.ValidationResult;

/**
 * What can change after a token was verified: its lifetime ({@code exp}, {@code nbf}, {@code iat}
 * through the kind's lifetime rules) and the revocation store. Checked on every verification, cache
 * hits included.
 */
final class Liveness {

  private final TokenValidator<JwtClaims> lifetime;
  private final RevocationStore revocations;
  private final VerificationAudit audit;

  Liveness(TokenValidator<JwtClaims> lifetime, RevocationStore revocations,
      VerificationAudit audit) {
    this.lifetime = lifetime;
    this.revocations = revocations;
    this.audit = audit;
  }

  /**
   * {@code null} while the token is live, else its audited rejection: expired, not yet valid, or
   * revoked.
   *
   * @throws io.admin.auth.core.AuthUnavailableException when the revocation store is unreachable
   */
  Checked check(ParsedClaims claims, String token) {
    ValidationResult time = lifetime.validate(claims);
    if (!time.isValid()) {
      return audit.reject((ValidationResult.Rejected) time, token, claims.jwtId());
    }
    if (revocations.isRevoked(claims.jwtId(), claims.familyId())) {
      return audit.revoked(token, claims.jwtId());
    }
    return null;
  }
}
