package io.admin.auth.core.validation;

import java.util.Objects;
import java.util.Set;

/**
 * Accepts a header whose {@code alg} is one of a fixed set of JWS algorithm names, compared exactly
 * (RFC 7515 names are case-sensitive). {@code none} is accepted only if listed, which no default set
 * does (RFC 8725 section 3.1). Reason on rejection: {@code unsupported alg}.
 */
public final class AlgorithmValidator implements TokenValidator<JwtHeader> {

  private final Set<String> accepted;
  private final ValidationResult rejected;

  /**
   * Accepts the algorithms in {@code accepted} (copied; at least one).
   *
   * @param accepted the accepted {@code alg} values, case-sensitive
   * @param kind the kind of token, for the wording of rejections
   */
  public AlgorithmValidator(Set<String> accepted, TokenKind kind) {
    this.accepted = Set.copyOf(accepted);
    if (this.accepted.isEmpty()) {
      throw new IllegalArgumentException("at least one algorithm is required");
    }
    this.rejected = ValidationResult.rejected(Objects.requireNonNull(kind, "kind").invalid(),
        "unsupported alg");
  }

  @Override
  public ValidationResult validate(JwtHeader header) {
    String alg = header.algorithm();
    return alg != null && accepted.contains(alg) ? ValidationResult.valid() : rejected;
  }
}
