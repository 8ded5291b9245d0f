package io.admin.auth.core.validation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Accepts claims without {@code iat}, or whose {@code iat} is not in the future: a token issued
 * later than {@code now + skew} is as suspect as one not yet valid (a forged or mis-clocked issuer),
 * so it gets the same answer: {@code AUTH_TOKEN_NOT_YET_VALID}, reason {@code time}.
 */
public final class IssuedAtValidator implements TokenValidator<JwtClaims> {

  private final Duration skew;
  private final Clock clock;
  private final ValidationResult rejected;

  /** Tolerates {@code skew} (not negative) of clock difference with the issuer. */
  public IssuedAtValidator(Duration skew, Clock clock, TokenKind kind) {
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
    Instant iat = claims.issuedAt();
    return iat != null && now.isBefore(iat.minus(skew)) ? rejected : ValidationResult.valid();
  }
}
