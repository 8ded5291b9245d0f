package io.admin.auth.core.validation;

import java.util.Objects;

/**
 * Accepts claims whose {@code iss} equals the expected issuer exactly: no case folding, no trailing
 * slash normalisation (RFC 9068 section 4, OpenID Connect Core 1.0 section 3.1.3.7). Reason on
 * rejection: {@code wrong iss}.
 */
public final class IssuerValidator implements TokenValidator<JwtClaims> {

  private final String issuer;
  private final ValidationResult rejected;

  /**
   * Accepts {@code issuer} only.
   *
   * @param issuer the exact {@code iss} accepted
   * @param kind the kind of token, for the wording of rejections
   */
  public IssuerValidator(String issuer, TokenKind kind) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.rejected = ValidationResult.rejected(Objects.requireNonNull(kind, "kind").invalid(),
        "wrong iss");
  }

  @Override
  public ValidationResult validate(JwtClaims claims) {
    return issuer.equals(claims.issuer()) ? ValidationResult.valid() : rejected;
  }
}
