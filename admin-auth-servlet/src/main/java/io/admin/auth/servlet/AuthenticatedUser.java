package io.admin.auth.servlet;

import io.admin.auth.core.AuthPrincipal;
import java.util.Objects;

/**
 * The {@link java.security.Principal} returned by {@code getUserPrincipal()} on an authenticated
 * request: its name is the subject; {@link #principal()} gives the full library principal
 * (client id, scopes, issuer, method, claims).
 *
 * @param principal the authenticated caller
 */
public record AuthenticatedUser(AuthPrincipal principal) implements java.security.Principal {

  public AuthenticatedUser {
    Objects.requireNonNull(principal, "principal");
  }

  /** The subject ({@code sub}, API key owner or Basic user name). */
  @Override
  public String getName() {
    return principal.subject();
  }
}
