package io.admin.auth.core.signin;

import java.time.Instant;
import java.util.Objects;

/**
 * A freshly issued authorization code, to send to the client's redirect URI as {@code code}. Only
 * its keyed hash was stored. Immutable.
 *
 * @param code the code itself (at least 128 random bits, base64url); never printed by
 *     {@link #toString()}
 * @param expiresAt when it stops being redeemable
 */
public record IssuedCode(String code, Instant expiresAt) {

  /**
   * Requires both.
   *
   * @param code the code itself; required
   * @param expiresAt when it stops being redeemable; required
   */
  public IssuedCode {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "IssuedCode[code=**********, expiresAt=" + expiresAt + "]";
  }
}
