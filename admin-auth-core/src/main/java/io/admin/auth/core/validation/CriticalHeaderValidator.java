package io.admin.auth.core.validation;

import io.admin.auth.core.ClaimNames;
import java.util.Objects;

/**
 * Rejects a header that has a {@code crit} member. RFC 7515 section 4.1.11 requires rejecting a
 * token whose {@code crit} lists an extension the recipient does not understand, and this library
 * understands none (an empty {@code crit} is invalid in itself). Reason on rejection:
 * {@code unsupported crit}.
 */
public final class CriticalHeaderValidator implements TokenValidator<JwtHeader> {

  private final ValidationResult rejected;

  /**
   * The validator, answering with the wording of {@code kind}.
   *
   * @param kind the kind of token, for the wording of rejections
   */
  public CriticalHeaderValidator(TokenKind kind) {
    this.rejected = ValidationResult.rejected(Objects.requireNonNull(kind, "kind").invalid(),
        "unsupported crit");
  }

  @Override
  public ValidationResult validate(JwtHeader header) {
    return header.contains(ClaimNames.HEADER_CRIT) ? rejected : ValidationResult.valid();
  }
}
