package io.admin.auth.servlet;

import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Objects;
import java.util.Set;

/**
 * The request as the application sees it after {@link AdminAuthFilter} authenticated it: the
 * standard servlet security methods answer from the verified principal.
 *
 * <ul>
 *   <li>{@link #getUserPrincipal()}: an {@link AuthenticatedUser} named by the identity;
 *   <li>{@link #getRemoteUser()}: the principal's {@link AuthPrincipal#identity() identity}, the
 *       subject qualified by its issuer for a third-party token, so a partner's {@code alice} is
 *       never taken for the local {@code alice};
 *   <li>{@link #getAuthType()}: {@link HttpServletRequest#BASIC_AUTH} for Basic, {@link
 *       #BEARER_AUTH} for bearer tokens, {@link #API_KEY_AUTH} for API keys;
 *   <li>{@link #isUserInRole(String)}: whether the {@link io.admin.auth.servlet.access.RoleMapper} gave the role; {@code "**"}
 *       (Servlet 13.3: any authenticated user) is always true.
 * </ul>
 */
public final class AuthenticatedRequest extends HttpServletRequestWrapper {

  /** {@link #getAuthType()} for bearer tokens. */
  public static final String BEARER_AUTH = "BEARER";

  /** {@link #getAuthType()} for API keys. */
  public static final String API_KEY_AUTH = "API_KEY";

  private final AuthPrincipal principal;
  private final AuthenticatedUser user;
  private final Set<String> roles;

  /**
   * Wraps {@code request} for {@code principal} holding {@code roles} (copied).
   *
   * @param request the container's request; not null
   * @param principal the verified caller; not null
   * @param roles the roles {@link #isUserInRole(String)} answers true for; not null, may be empty
   */
  public AuthenticatedRequest(HttpServletRequest request, AuthPrincipal principal, Set<String> roles) {
    super(request);
    this.principal = Objects.requireNonNull(principal, "principal");
    this.user = new AuthenticatedUser(principal);
    this.roles = Set.copyOf(roles);
  }

  /**
   * The verified caller.
   *
   * @return the principal the filter authenticated; never null
   */
  public AuthPrincipal principal() {
    return principal;
  }

  @Override
  public java.security.Principal getUserPrincipal() {
    return user;
  }

  @Override
  public String getRemoteUser() {
    return principal.identity();
  }

  @Override
  public String getAuthType() {
    return authType(principal.method());
  }

  @Override
  public boolean isUserInRole(String role) {
    return "**".equals(role) || (role != null && roles.contains(role));
  }

  static String authType(AuthMethod method) {
    return switch (method) {
      case BASIC -> HttpServletRequest.BASIC_AUTH;
      case BEARER -> BEARER_AUTH;
      case API_KEY -> API_KEY_AUTH;
    };
  }
}
