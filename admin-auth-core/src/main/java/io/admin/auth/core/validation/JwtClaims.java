package io.admin.auth.core.validation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A read-only, typed view of a JWT claims set (RFC 7519 section 4.1) for {@link TokenValidator}s,
 * independent of any JOSE library. A verifier provides it cheaply from what it has parsed: this
 * library's own verifier from its typed claims without copying, the third-party verifier from the
 * provider's claims set. A claim that is absent, empty or of the wrong JSON type reads as
 * {@code null} (an empty list for {@code aud}).
 */
public interface JwtClaims {

  /**
   * {@code iss}, or {@code null}.
   *
   * @return the issuer, or {@code null} when absent
   */
  String issuer();

  /**
   * {@code sub}, or {@code null}.
   *
   * @return the subject, or {@code null} when absent
   */
  String subject();

  /**
   * {@code aud} as a list (a single string is a list of one); empty when absent or malformed.
   *
   * @return the audience; never {@code null}
   */
  List<String> audience();

  /**
   * {@code exp}, or {@code null}.
   *
   * @return the expiry, or {@code null} when absent
   */
  Instant expiresAt();

  /**
   * {@code nbf}, or {@code null}.
   *
   * @return the start of validity, or {@code null} when absent
   */
  Instant notBefore();

  /**
   * {@code iat}, or {@code null}.
   *
   * @return the issue time, or {@code null} when absent
   */
  Instant issuedAt();

  /**
   * Whether claim {@code name} is present with a non-null value (a non-empty one for strings).
   *
   * @param name the claim name
   * @return {@code true} when the claim has a value
   */
  boolean has(String name);

  /**
   * A view of a parsed claims JSON object, read in place: strings must be JSON strings, and
   * NumericDates JSON numbers of seconds within year 0..9999 (fractions are dropped).
   *
   * @param json the parsed claims
   * @return a view of {@code json}, not a copy
   */
  static JwtClaims of(Map<String, ?> json) {
    return new MapClaims(Objects.requireNonNull(json, "json"));
  }
}
