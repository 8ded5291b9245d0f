package io.admin.auth.core.validation;

/**
 * One rule a JWT must satisfy, checked against a view of its header ({@link JwtHeader}) or its
 * claims ({@link JwtClaims}). Implementations are immutable and thread-safe, never throw for bad
 * input, and answer a rejection as a value: {@link ValidationResult#valid()} (a shared constant)
 * or a {@link ValidationResult.Rejected} carrying the {@link io.admin.auth.core.AuthError} the
 * caller returns and a short reason for the audit log.
 *
 * <p>Modelled on Spring Security's {@code OAuth2TokenValidator}; combine rules with
 * {@link CompositeValidator} and take the default set of a token kind from {@link JwtValidators}.
 *
 * @param <T> what is validated: {@link JwtHeader} or {@link JwtClaims}
 */
@FunctionalInterface
public interface TokenValidator<T> {

  /**
   * Checks {@code token}; never {@code null}, never throws for a bad token.
   *
   * @param token the token, or the part of it this rule reads
   * @return {@link ValidationResult#valid()} or a rejection
   */
  ValidationResult validate(T token);
}
