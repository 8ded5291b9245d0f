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

  private final Duration skew;
  private final Clock clock;
  private final TokenKind kind;
  private final ValidationResult missing;

  /** Tolerates {@code skew} (not negative) of clock difference with the issuer. */
  public ExpiryValidator(Duration skew, Clock clock, TokenKind kind) {
    this.skew = TimeRules.checkedSkew(skew);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.missing = ValidationResult.rejected(kind.invalid(), "missing exp");
  }

  @Override
  public ValidationResult validate(JwtClaims claims) {
    return check(claims, clock.instant());
  }

  /** The check at {@code now}; lets {@link LifetimeValidator} read the clock once for all rules. */
  ValidationResult check(JwtClaims claims, Instant now) {
    Instant exp = claims.expiresAt();
    if (exp == null) {
      return missing;
    }
    if (!now.isBefore(exp.plus(skew))) {
      return ValidationResult.rejected(kind.expired(claims.issuedAt(), exp), TimeRules.REASON);
    }
    return ValidationResult.valid();
  }
}
