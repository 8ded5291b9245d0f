package io.admin.auth.core.validation;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Accepts claims whose {@code aud} contains at least one of the accepted audiences, compared
 * exactly (RFC 7519 section 4.1.3, RFC 9068 section 4). Reason on rejection: {@code wrong aud}.
 */
public final class AudienceValidator implements TokenValidator<JwtClaims> {

  private final Set<String> accepted;
  private final ValidationResult rejected;

  /**
   * Accepts tokens meant for any of {@code accepted} (copied; at least one).
   *
   * @param accepted the audiences of which {@code aud} must contain one
   * @param kind the kind of token, for the wording of rejections
   */
  public AudienceValidator(Set<String> accepted, TokenKind kind) {
    this.accepted = Set.copyOf(accepted);
    if (this.accepted.isEmpty()) {
      throw new IllegalArgumentException("at least one audience is required");
    }
    this.rejected = ValidationResult.rejected(Objects.requireNonNull(kind, "kind").invalid(),
        "wrong aud");
  }

  @Override
  public ValidationResult validate(JwtClaims claims) {
    List<String> audience = claims.audience();
    // Indexed: no iterator on the hot path (the audience is almost always a list of one).
    for (int i = 0, n = audience.size(); i < n; i++) {
      if (accepted.contains(audience.get(i))) {
        return ValidationResult.valid();
      }
    }
    return rejected;
  }
}
