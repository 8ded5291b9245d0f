package io.admin.auth.core;

import java.util.Locale;

/**
 * The {@code typ} header this library's access tokens carry, and so which {@code typ} its own
 * verifiers accept (see {@code docs/http-contract.md}, "Access tokens").
 *
 * <p>{@link #AT_JWT} is RFC 9068 explicit typing and the default. {@link #JWT} exists because some
 * relying parties accept nothing else: Spring Security's default JWT validators (since version 7)
 * refuse any {@code typ} other than {@code JWT}, so a Spring Boot resource server configured with
 * just its {@code issuer-uri} refuses {@code at+jwt} tokens. With {@code JWT} the header no longer
 * tells an access token from an ID token, so a verifier in that mode tells them apart by claims:
 * see {@link io.admin.auth.core.validation.JwtValidators#ownAccessToken(String, String,
 * java.time.Duration, java.time.Clock, AccessTokenType)}.
 */
public enum AccessTokenType {
  /** {@code typ: at+jwt} (RFC 9068 section 2.1); verifiers accept only {@code at+jwt}. */
  AT_JWT(ClaimNames.ACCESS_TOKEN_TYP),
  /**
   * {@code typ: JWT} (RFC 7519 section 5.1); verifiers accept it as well as {@code at+jwt} (so
   * tokens issued before a switch keep working), with the ID-token guards of the JWT mode.
   */
  JWT("JWT");

  private final String headerValue;

  AccessTokenType(String headerValue) {
    this.headerValue = headerValue;
  }

  /**
   * The {@code typ} header value: {@code at+jwt} or {@code JWT}.
   *
   * @return {@code at+jwt} or {@code JWT}, exactly as written in the header
   */
  public String headerValue() {
    return headerValue;
  }

  /**
   * Parses a configuration value: {@code at+jwt} or {@code JWT}, case-insensitive.
   *
   * @param value the configured text; case is ignored
   * @return the matching type, never {@code null}
   * @throws IllegalArgumentException for anything else
   */
  public static AccessTokenType parse(String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    for (AccessTokenType t : values()) {
      if (t.headerValue.toLowerCase(Locale.ROOT).equals(v)) {
        return t;
      }
    }
    throw new IllegalArgumentException("expected at+jwt or JWT, was '" + value + "'");
  }
}
