package io.admin.auth.servlet.access;

import io.admin.auth.core.AuthPrincipal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which servlet roles ({@code isUserInRole}) an authenticated caller has. Implementations
 * are pure functions of the principal and thread-safe.
 */
@FunctionalInterface
public interface RoleMapper {

  /**
   * The roles of {@code principal}.
   *
   * @param principal the authenticated caller; not null
   * @return the caller's role names; never {@code null}, empty if it has none
   */
  Set<String> roles(AuthPrincipal principal);

  /**
   * The default: every granted scope is a role of the same name ({@code users:read}).
   *
   * @return a mapper that returns the principal's scopes
   */
  static RoleMapper scopesAsRoles() {
    return AuthPrincipal::scopes;
  }

  /**
   * An explicit mapping from scope to roles; scopes not in the map give no role, so a new scope
   * never silently grants a role.
   *
   * @param scopeToRoles the roles each scope grants (copied); not null
   * @return a mapper giving the union of the roles of the caller's scopes
   */
  static RoleMapper fromScopes(Map<String, ? extends Collection<String>> scopeToRoles) {
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    scopeToRoles.forEach((scope, roles) -> copy.put(scope, Set.copyOf(roles)));
    Map<String, Set<String>> frozen = Map.copyOf(copy);
    return principal -> {
      Set<String> roles = new TreeSet<>();
      for (String scope : principal.scopes()) {
        roles.addAll(frozen.getOrDefault(scope, Set.of()));
      }
      return roles;
    };
  }
}
