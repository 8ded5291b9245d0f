package io.admin.auth.core.validation;

import java.util.List;
import java.util.Objects;

/**
 * Rejects a header that has any of the listed members, whatever their value. The default sets list
 * {@code jwk}, {@code jku}, {@code x5u} and {@code x5c}: header parameters that would let a token
 * name or carry its own verification key, which a verifier that knows its keys must never follow
 * (RFC 8725 sections 2.8 and 3.10). Reason on rejection: {@code forbidden header <name>}.
 */
public final class ForbiddenHeaderValidator implements TokenValidator<JwtHeader> {

  /** The header parameters that name or carry a key. */
  public static final List<String> KEY_PARAMETERS = List.of("jwk", "jku", "x5u", "x5c");

  private final String[] names;
  private final ValidationResult[] rejections;

  /**
   * Rejects headers with any member named in {@code names}, checked in list order.
   *
   * @param names the forbidden header names
   * @param kind the kind of token, for the wording of rejections
   */
  public ForbiddenHeaderValidator(List<String> names, TokenKind kind) {
    Objects.requireNonNull(kind, "kind");
    this.names = names.toArray(new String[0]);
    this.rejections = new ValidationResult[this.names.length];
    for (int i = 0; i < this.names.length; i++) {
      rejections[i] = ValidationResult.rejected(kind.invalid(),
          "forbidden header " + Objects.requireNonNull(this.names[i], "name"));
    }
  }

  @Override
  public ValidationResult validate(JwtHeader header) {
    for (int i = 0; i < names.length; i++) {
      if (header.contains(names[i])) {
        return rejections[i];
      }
    }
    return ValidationResult.valid();
  }
}
