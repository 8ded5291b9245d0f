package io.admin.auth.core.validation;

import java.util.Objects;

/**
 * The rules of one token kind, in the three groups a verifier runs at different moments: the
 * header before the signature is checked (so a token naming its own key or an unexpected
 * {@code alg} never reaches the key lookup), the claims after it, and the lifetime separately,
 * because it changes with time: a verifier re-runs it for a token it verified earlier (a cache hit)
 * and leaves it out where expired tokens must still be read (introspection, revocation).
 * Take the default groups of a kind from {@link JwtValidators}. Immutable.
 *
 * @param header rules on the JWS header
 * @param claims rules on the claims that do not depend on time ({@code iss}, {@code aud}, required claims)
 * @param lifetime rules on {@code exp}, {@code nbf} and {@code iat}
 */
public record JwtValidation(TokenValidator<JwtHeader> header, TokenValidator<JwtClaims> claims,
    TokenValidator<JwtClaims> lifetime) {

  /**
   * Requires all three validators.
   *
   * @param header the header rules; required
   * @param claims the claim rules but time; required
   * @param lifetime the time rules; required
   */
  public JwtValidation {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(claims, "claims");
    Objects.requireNonNull(lifetime, "lifetime");
  }

  /**
   * Every rule, for a token whose signature has already been checked: header, then claims, then
   * lifetime; the first rejection, or {@link ValidationResult#valid()}.
   *
   * @param jwtHeader the token's header
   * @param jwtClaims the token's claims
   * @return the first rejection, or valid
   */
  public ValidationResult validate(JwtHeader jwtHeader, JwtClaims jwtClaims) {
    ValidationResult r = header.validate(jwtHeader);
    if (r.isValid()) {
      r = claims.validate(jwtClaims);
    }
    return r.isValid() ? lifetime.validate(jwtClaims) : r;
  }
}
