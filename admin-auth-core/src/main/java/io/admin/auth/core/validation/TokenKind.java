package io.admin.auth.core.validation;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import java.time.Instant;

/**
 * The kinds of JWT this library validates, each with its default rules in {@link JwtValidators}.
 * The kind also decides the wording of rejections, so that every rule answers one kind the same
 * way: {@code AUTH_TOKEN_INVALID}, {@code AUTH_TOKEN_EXPIRED} (details {@code issued_at} when known,
 * {@code expired_at}) or {@code AUTH_TOKEN_NOT_YET_VALID}, the codes of {@code docs/http-contract.md}.
 */
public enum TokenKind {
  /** An access token this library issued (RFC 9068, {@code typ} {@code at+jwt}). */
  OWN_ACCESS_TOKEN("access token"),
  /** An access token of a trusted third-party issuer (RFC 9068, or a plain JWT if allowed). */
  THIRD_PARTY_ACCESS_TOKEN("access token"),
  /** An ID token presented back as a hint (OpenID Connect Core 1.0, {@code id_token_hint}). */
  ID_TOKEN_HINT("ID token hint");

  private final String noun;
  private final AuthError invalid;
  private final AuthError notYetValid;
  private final String expiredMessage;

  TokenKind(String noun) {
    this.noun = noun;
    this.invalid = AuthError.of(AuthErrorCode.AUTH_TOKEN_INVALID,
        "The " + noun + " is malformed or invalid.");
    this.notYetValid = AuthError.of(AuthErrorCode.AUTH_TOKEN_NOT_YET_VALID,
        "The " + noun + " is not valid yet.");
    this.expiredMessage = "The " + noun + " has expired.";
  }

  /**
   * How messages name the token, e.g. {@code access token}.
   *
   * @return the noun, lower case
   */
  public String noun() {
    return noun;
  }

  /**
   * {@code AUTH_TOKEN_INVALID}: malformed, or failing any rule other than time.
   *
   * @return the error, the same instance on every call
   */
  public AuthError invalid() {
    return invalid;
  }

  /**
   * {@code AUTH_TOKEN_NOT_YET_VALID}: {@code nbf} or {@code iat} beyond the clock skew.
   *
   * @return the error, the same instance on every call
   */
  public AuthError notYetValid() {
    return notYetValid;
  }

  /**
   * {@code AUTH_TOKEN_EXPIRED} with detail {@code issued_at} (omitted when {@code issuedAt} is
   * {@code null}) and {@code expired_at}, as ISO-8601 instants.
   *
   * @param issuedAt the token's {@code iat}, or {@code null}
   * @param expiredAt the token's {@code exp}
   * @return a new error with those details
   */
  public AuthError expired(Instant issuedAt, Instant expiredAt) {
    AuthError error = AuthError.of(AuthErrorCode.AUTH_TOKEN_EXPIRED, expiredMessage);
    if (issuedAt != null) {
      error = error.withDetail("issued_at", issuedAt.toString());
    }
    return error.withDetail("expired_at", expiredAt.toString());
  }
}
