package io.admin.auth.core.validation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Accepts claims without {@code nbf}, or whose {@code nbf} has come: a token is not yet valid when
 * {@code now < nbf - skew} (RFC 7519 section 4.1.5). Rejection: {@code AUTH_TOKEN_NOT_YET_VALID},
 * reason {@code time}.
 */
public final class NotBeforeValidator implements TokenValidator<JwtClaims> {

  private final Duration skew;
  private final Clock clock;
  private final ValidationResult rejected;

  /** Tolerates {@code skew} (not negative) of clock difference with the issuer. */
  public NotBeforeValidator(Duration skew, Clock clock, TokenKind kind) {
    this.skew = TimeRules.checkedSkew(skew);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.rejected = ValidationResult.rejected(Objects.requireNonNull(kind, "kind").notYetValid(),
        TimeRules.REASON);
  }

  @Override
  public ValidationResult validate(JwtClaims claims) {
    return check(claims, clock.instant());
  }

  /** The check at {@code now}; lets {@link LifetimeValidator} read the clock once for all rules. */
  ValidationResult check(JwtClaims claims, Instant now) {
    Instant nbf = claims.notBefore();
    return nbf != null && now.isBefore(nbf.minus(skew)) ? rejected : ValidationResult.valid();
  }
}
