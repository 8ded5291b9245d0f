package io.admin.auth.servlet.signin;

import io.admin.auth.servlet.internal.RequestPaths;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where the sign-in endpoints are mapped, relative to the context path. The defaults in {@link
 * #defaults()} are those of docs/http-contract.md ("Signing people in"); the login and consent
 * pages are the library's own pages and have no contract path of their own.
 *
 * @param authorize the authorization endpoint
 * @param login the default login page (served only when no login hook replaces it)
 * @param consent the consent page
 * @param userInfo the OpenID Connect UserInfo endpoint
 * @param logout the RP-initiated logout endpoint
 */
public record SignInPaths(
    String authorize, String login, String consent, String userInfo, String logout) {

  /**
   * Checks that every path is an exact, normalized path and that no two are the same.
   *
   * @param authorize the authorization endpoint's path; an exact path such as {@code /a/b}
   * @param login the default login page's path
   * @param consent the consent page's path
   * @param userInfo the UserInfo endpoint's path
   * @param logout the logout endpoint's path
   * @throws NullPointerException if a path is null
   * @throws IllegalArgumentException if a path is not exact or two are the same
   */
  public SignInPaths {
    List<String> all = List.of(Objects.requireNonNull(authorize, "authorize"),
        Objects.requireNonNull(login, "login"), Objects.requireNonNull(consent, "consent"),
        Objects.requireNonNull(userInfo, "userInfo"), Objects.requireNonNull(logout, "logout"));
    RequestPaths.requireExactDistinct("sign-in", all);
  }

  /**
   * The contract defaults, under {@code /api/v3/auth/}.
   *
   * @return {@code authorize}, {@code login}, {@code consent}, {@code userinfo} and {@code
   *     logout} under {@code /api/v3/auth/}
   */
  public static SignInPaths defaults() {
    return new SignInPaths("/api/v3/auth/authorize", "/api/v3/auth/login",
        "/api/v3/auth/consent", "/api/v3/auth/userinfo", "/api/v3/auth/logout");
  }

  /**
   * Every path, in declaration order.
   *
   * @return a new, modifiable set of the five paths
   */
  public Set<String> all() {
    return new LinkedHashSet<>(List.of(authorize, login, consent, userInfo, logout));
  }
}
