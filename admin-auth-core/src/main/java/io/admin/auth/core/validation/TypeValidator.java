package io.admin.auth.core.validation;

import io.admin.auth.core.ClaimNames;
import java.util.List;
import java.util.Objects;

/**
 * Accepts a header whose {@code typ} is one of a fixed list, compared case-insensitively as RFC 7515
 * section 4.1.9 requires; explicit typing keeps one kind of JWT from passing for another (RFC 8725
 * section 3.11). A missing {@code typ} is accepted only when configured; a {@code typ} that is not
 * a string never is. Reason on rejection: {@code wrong typ}.
 */
public final class TypeValidator implements TokenValidator<JwtHeader> {

  private final String[] accepted;
  private final boolean absentAccepted;
  private final ValidationResult rejected;

  /**
   * Accepts the media types in {@code accepted} (each exactly as listed: {@code at+jwt} does not
   * imply {@code application/at+jwt}), and no {@code typ} at all when {@code absentAccepted}.
   *
   * @param accepted the accepted {@code typ} values
   * @param absentAccepted whether a token without {@code typ} passes
   * @param kind the kind of token, for the wording of rejections
   */
  public TypeValidator(List<String> accepted, boolean absentAccepted, TokenKind kind) {
    this.accepted = accepted.toArray(new String[0]);
    for (String t : this.accepted) {
      Objects.requireNonNull(t, "accepted typ");
    }
    this.absentAccepted = absentAccepted;
    this.rejected = ValidationResult.rejected(Objects.requireNonNull(kind, "kind").invalid(),
        "wrong typ");
  }

  @Override
  public ValidationResult validate(JwtHeader header) {
    if (!header.contains(ClaimNames.HEADER_TYP)) {
      return absentAccepted ? ValidationResult.valid() : rejected;
    }
    String typ = header.type();
    if (typ != null) {
      for (String t : accepted) {
        if (t.equalsIgnoreCase(typ)) {
          return ValidationResult.valid();
        }
      }
    }
    return rejected;
  }
}
