package io.admin.auth.servlet.session;

import io.admin.auth.servlet.internal.RequestPaths;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where the browser-session endpoints are mapped, relative to the context path. The defaults in
 * {@link #defaults()} are those of docs/http-contract.md ("Browser apps"). The refresh-token
 * cookie's {@code Path} is {@link #session()}, so the login, callback, refresh and logout paths
 * must lie below it: the cookie then reaches the endpoints that need it and nothing else.
 *
 * @param session {@code GET}: the signed-in person; also the refresh cookie's path
 * @param login {@code GET}: starts a sign-in
 * @param callback {@code GET}: the redirect URI the sign-in comes back to
 * @param refresh {@code POST}: rotates the tokens
 * @param logout {@code POST}: ends the session
 */
public record BrowserSessionPaths(
    String session, String login, String callback, String refresh, String logout) {

  /**
   * Checks that every path is an exact, normalized path, that no two are the same, and that the
   * four others lie below {@code session}.
   *
   * @param session the session endpoint's path; an exact path such as {@code /a/b}
   * @param login the login path, below {@code session}
   * @param callback the callback path, below {@code session}
   * @param refresh the refresh path, below {@code session}
   * @param logout the logout path, below {@code session}
   * @throws NullPointerException if a path is null
   * @throws IllegalArgumentException if a path is not exact, two are the same, or one of the four
   *     is not below {@code session}
   */
  public BrowserSessionPaths {
    List<String> all = List.of(Objects.requireNonNull(session, "session"),
        Objects.requireNonNull(login, "login"), Objects.requireNonNull(callback, "callback"),
        Objects.requireNonNull(refresh, "refresh"), Objects.requireNonNull(logout, "logout"));
    RequestPaths.requireExactDistinct("session", all);
    for (String p : all.subList(1, all.size())) {
      if (!p.startsWith(session + "/")) {
        throw new IllegalArgumentException(
            "session path " + p + " must lie below " + session + " (the refresh cookie's path)");
      }
    }
  }

  /**
   * The contract defaults, under {@code /api/v3/auth/session}.
   *
   * @return {@code /api/v3/auth/session} and its {@code /login}, {@code /callback}, {@code
   *     /refresh} and {@code /logout}
   */
  public static BrowserSessionPaths defaults() {
    String s = "/api/v3/auth/session";
    return new BrowserSessionPaths(s, s + "/login", s + "/callback", s + "/refresh",
        s + "/logout");
  }

  /**
   * Every path, in declaration order.
   *
   * @return a new, modifiable set of the five paths
   */
  public Set<String> all() {
    return new LinkedHashSet<>(List.of(session, login, callback, refresh, logout));
  }
}
