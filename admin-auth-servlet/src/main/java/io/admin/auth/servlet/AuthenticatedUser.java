package io.admin.auth.servlet;

import io.admin.auth.core.AuthPrincipal;
import java.util.Objects;

/**
 * The {@link java.security.Principal} returned by {@code getUserPrincipal()} on an authenticated
 * request: its name is the principal's {@link AuthPrincipal#identity() identity} (the subject,
 * qualified by the issuer for third-party tokens); {@link #principal()} gives the full library principal
 * (client id, scopes, issuer, method, claims).
 *
 * @param principal the authenticated caller
 */
public record AuthenticatedUser(AuthPrincipal principal) implements java.security.Principal {

  /**
   * Requires the principal.
   *
   * @param principal the authenticated caller; not null
   */
  public AuthenticatedUser {
    Objects.requireNonNull(principal, "principal");
  }

  /** The identity: the subject, or {@code <issuer> <sub>} for a third-party token. */
  @Override
  public String getName() {
    return principal.identity();
  }
}
