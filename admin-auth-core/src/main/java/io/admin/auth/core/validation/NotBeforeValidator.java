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
  public NotBeforeValidator(Duration skew, Clock clock, TokenKind kind) {
    this.skewSeconds = TimeRules.checkedSkew(skew).getSeconds();
    this.skewNanos = skew.getNano();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.rejected = ValidationResult.rejected(Objects.requireNonNull(kind, "kind").notYetValid(),
        TimeRules.REASON);
  }

  @Override
  public ValidationResult validate(JwtClaims claims) {
    return early(claims.notBefore(), clock.instant(), skewSeconds, skewNanos) ? rejected
        : ValidationResult.valid();
  }

  /**
   * The rule itself, shared with {@link LifetimeValidator}: too early when {@code now < nbf - skew},
   * that is when {@code now + skew < nbf} (the skew as {@link TimeRules#compareShifted} takes it);
   * never without {@code nbf}.
   */
  static boolean early(Instant nbf, Instant now, long skewSeconds, int skewNanos) {
    return nbf != null && TimeRules.compareShifted(now, skewSeconds, skewNanos, nbf) < 0;
  }
}
