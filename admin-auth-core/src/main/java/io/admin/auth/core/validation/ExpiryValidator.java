package io.admin.auth.core.validation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Accepts claims whose {@code exp} is still ahead: a token is expired when
 * {@code now >= exp + skew}, so with zero skew a token is expired exactly at {@code exp}, as RFC 7519
 * section 4.1.4 requires ("the current time MUST be before"). A token without {@code exp} is
 * rejected as invalid (reason {@code missing exp}): every kind validated here must expire.
 *
 * <p>An expired token is answered with {@code AUTH_TOKEN_EXPIRED} and details {@code issued_at}
 * (when the token has {@code iat}) and {@code expired_at}; reason {@code time}.
 */
public final class ExpiryValidator implements TokenValidator<JwtClaims> {

  private final long skewSeconds;
  private final int skewNanos;
  private final Clock clock;
  private final TokenKind kind;
  private final ValidationResult missing;

  /**
   * Tolerates {@code skew} (not negative) of clock difference with the issuer.
   *
   * @param skew the tolerance; not negative
   * @param clock the clock read per validation
   * @param kind the kind of token, for the wording of rejections
   */
  public ExpiryValidator(Duration skew, Clock clock, TokenKind kind) {
    this.skewSeconds = TimeRules.checkedSkew(skew).getSeconds();
    this.skewNanos = skew.getNano();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.missing = missing(kind);
  }

  @Override
  public ValidationResult validate(JwtClaims claims) {
    Instant exp = claims.expiresAt();
    if (exp == null) {
      return missing;
    }
    return expired(exp, clock.instant(), skewSeconds, skewNanos) ? rejection(claims, kind)
        : ValidationResult.valid();
  }

  /**
   * The rule itself, shared with {@link LifetimeValidator}: expired when {@code now >= exp + skew}
   * (the skew as {@link TimeRules#compareShifted} takes it).
   */
  static boolean expired(Instant exp, Instant now, long skewSeconds, int skewNanos) {
    return TimeRules.compareShifted(exp, skewSeconds, skewNanos, now) <= 0;
  }

  /** The rejection of an expired token ({@code exp} present). */
  static ValidationResult rejection(JwtClaims claims, TokenKind kind) {
    return ValidationResult.rejected(kind.expired(claims.issuedAt(), claims.expiresAt()),
        TimeRules.REASON);
  }

  /** The rejection of a token without {@code exp}. */
  static ValidationResult missing(TokenKind kind) {
    return ValidationResult.rejected(kind.invalid(), "missing exp");
  }
}
