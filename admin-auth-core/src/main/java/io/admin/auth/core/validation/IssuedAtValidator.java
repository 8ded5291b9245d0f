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

  private final long skewSeconds;
  private final int skewNanos;
  private final Clock clock;
  private final ValidationResult rejected;

  /**
   * Tolerates {@code skew} (not negative) of clock difference with the issuer.
   *
   * @param skew the tolerance; not negative
   * @param clock the clock read per validation
   * @param kind the kind of token, for the wording of rejections
   */
  public IssuedAtValidator(Duration skew, Clock clock, TokenKind kind) {
    this.skewSeconds = TimeRules.checkedSkew(skew).getSeconds();
    this.skewNanos = skew.getNano();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.rejected = ValidationResult.rejected(Objects.requireNonNull(kind, "kind").notYetValid(),
        TimeRules.REASON);
  }

  @Override
  public ValidationResult validate(JwtClaims claims) {
    return early(claims.issuedAt(), clock.instant(), skewSeconds, skewNanos) ? rejected
        : ValidationResult.valid();
  }

  /**
   * The rule itself, shared with {@link LifetimeValidator}: too early when {@code now < iat - skew},
   * that is when {@code now + skew < iat} (the skew as {@link TimeRules#compareShifted} takes it);
   * never without {@code iat}.
   */
  static boolean early(Instant iat, Instant now, long skewSeconds, int skewNanos) {
    return iat != null && TimeRules.compareShifted(now, skewSeconds, skewNanos, iat) < 0;
  }
}
