package io.admin.auth.core.validation;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The time rules of a token kind, {@code exp} (unless left out), {@code nbf} and {@code iat}, against
 * one reading of the clock, so the three agree on "now". A fixed composite rather than a
 * {@link CompositeValidator}: verifiers run it on every request, cache hits included, and here every
 * call is to a known final class the JIT inlines, where a list's one call site sees every validator
 * type and must dispatch.
 */
final class LifetimeValidator implements TokenValidator<JwtClaims> {

  private final Clock clock;
  private final ExpiryValidator expiry;
  private final NotBeforeValidator notBefore;
  private final IssuedAtValidator issuedAt;

  /** The three rules; {@code expiry} may be {@code null} for kinds whose expiry is ignored. */
  LifetimeValidator(Clock clock, ExpiryValidator expiry, NotBeforeValidator notBefore,
      IssuedAtValidator issuedAt) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.expiry = expiry;
    this.notBefore = Objects.requireNonNull(notBefore, "notBefore");
    this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
  }

  @Override
  public ValidationResult validate(JwtClaims claims) {
    Instant now = clock.instant();
    if (expiry != null) {
      ValidationResult r = expiry.check(claims, now);
      if (!r.isValid()) {
        return r;
      }
    }
    ValidationResult r = notBefore.check(claims, now);
    return r.isValid() ? issuedAt.check(claims, now) : r;
  }
}
