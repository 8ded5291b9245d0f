package io.admin.auth.core.validation;

import java.util.List;
import java.util.Objects;

/**
 * Accepts claims in which every listed claim is present ({@link JwtClaims#has}). Reason on
 * rejection: {@code missing claim <name>}, for the first one missing in list order.
 */
public final class RequiredClaimsValidator implements TokenValidator<JwtClaims> {

  private final String[] names;
  private final ValidationResult[] rejections;

  /**
   * Requires every claim in {@code names}.
   *
   * @param names the claims required, checked in list order
   * @param kind the kind of token, for the wording of rejections
   */
  public RequiredClaimsValidator(List<String> names, TokenKind kind) {
    Objects.requireNonNull(kind, "kind");
    this.names = names.toArray(new String[0]);
    this.rejections = new ValidationResult[this.names.length];
    for (int i = 0; i < this.names.length; i++) {
      rejections[i] = ValidationResult.rejected(kind.invalid(),
          "missing claim " + Objects.requireNonNull(this.names[i], "name"));
    }
  }

  @Override
  public ValidationResult validate(JwtClaims claims) {
    for (int i = 0; i < names.length; i++) {
      if (!claims.has(names[i])) {
        return rejections[i];
      }
    }
    return ValidationResult.valid();
  }
}
