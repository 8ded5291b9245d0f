package io.admin.auth.servlet.session.internal;

import io.admin.auth.servlet.session.BrowserSessions;
import io.admin.auth.servlet.signin.internal.SignInCookie;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * The cookies of a browser session (docs/http-contract.md, "Browser apps"), written by hand so the
 * exact attributes are what the tests and browsers see:
 *
 * <ul>
 *   <li>access token: {@code __Host-<stem>-access}, {@code Path=/}, {@code HttpOnly}, {@code
 *       Secure}, the configured {@code SameSite};
 *   <li>refresh token: {@code __Secure-<stem>-refresh}, {@code Path=<context><session path>} so it
 *       reaches only the session endpoints, {@code HttpOnly}, {@code Secure}, {@code SameSite};
 *   <li>CSRF token: {@code __Host-<stem>-csrf}, {@code Path=/}, readable by the page (not
 *       {@code HttpOnly}), {@code Secure}, {@code SameSite};
 *   <li>pending login: {@code __Host-<stem>-login}, {@code Path=/}, {@code HttpOnly}, {@code
 *       Secure}, {@code SameSite=Lax} (it must come back on the redirect to the callback), ten
 *       minutes.
 * </ul>
 *
 * <p>On plain http to a loopback host ({@link SignInCookie#secure}), the same without {@code
 * Secure} and without the prefixes, which browsers refuse there. The token cookies have no {@code
 * Max-Age}: they end with the browser session, and an expired access token stays in the jar so
 * that the API answers {@code AUTH_TOKEN_EXPIRED} (the page's cue to refresh) rather than a bare
 * "no credentials". Immutable.
 */
final class SessionCookies {

  /** Lifetime of the pending-login cookie, in seconds. */
  static final int LOGIN_MAX_AGE = 600;

  private final String stem;
  private final String sameSite;
  private final String sessionPath;
  // The access cookie's two names, made once: every cookie-authenticated request reads it.
  private final String secureAccessName;
  private final String plainAccessName;

  SessionCookies(BrowserSessions settings) {
    this.stem = settings.cookieNameStem();
    this.sameSite = settings.sameSite().attribute();
    this.sessionPath = settings.paths().session();
    this.secureAccessName = "__Host-" + stem + "-access";
    this.plainAccessName = stem + "-access";
  }

  /** Name of the access-token cookie for this request's security. */
  String accessName(HttpServletRequest request) {
    return SignInCookie.secure(request) ? secureAccessName : plainAccessName;
  }

  String refreshName(HttpServletRequest request) {
    return (SignInCookie.secure(request) ? "__Secure-" : "") + stem + "-refresh";
  }

  String csrfName(HttpServletRequest request) {
    return (SignInCookie.secure(request) ? "__Host-" : "") + stem + "-csrf";
  }

  String loginName(HttpServletRequest request) {
    return (SignInCookie.secure(request) ? "__Host-" : "") + stem + "-login";
  }

  Optional<String> access(HttpServletRequest request) {
    return read(request, accessName(request));
  }

  Optional<String> refresh(HttpServletRequest request) {
    return read(request, refreshName(request));
  }

  Optional<String> csrf(HttpServletRequest request) {
    return read(request, csrfName(request));
  }

  Optional<String> login(HttpServletRequest request) {
    return read(request, loginName(request));
  }

  /** Sets the three cookies of a signed-in session; no refresh cookie when there is no token. */
  void writeSession(HttpServletRequest request, HttpServletResponse response, String accessToken,
      String refreshToken, String csrfToken) {
    boolean secure = SignInCookie.secure(request);
    response.addHeader("Set-Cookie",
        header(accessName(request), accessToken, "/", true, sameSite, secure, -1));
    if (refreshToken != null) {
      response.addHeader("Set-Cookie", header(refreshName(request), refreshToken,
          refreshPath(request), true, sameSite, secure, -1));
    }
    response.addHeader("Set-Cookie",
        header(csrfName(request), csrfToken, "/", false, sameSite, secure, -1));
  }

  void writeLogin(HttpServletRequest request, HttpServletResponse response, String sealed) {
    response.addHeader("Set-Cookie", header(loginName(request), sealed, "/", true, "Lax",
        SignInCookie.secure(request), LOGIN_MAX_AGE));
  }

  void clearLogin(HttpServletRequest request, HttpServletResponse response) {
    response.addHeader("Set-Cookie",
        header(loginName(request), "", "/", true, "Lax", SignInCookie.secure(request), 0));
  }

  /** Tells the browser to forget the access, refresh and CSRF cookies. */
  void clearSession(HttpServletRequest request, HttpServletResponse response) {
    boolean secure = SignInCookie.secure(request);
    response.addHeader("Set-Cookie", header(accessName(request), "", "/", true, sameSite, secure, 0));
    response.addHeader("Set-Cookie", header(refreshName(request), "", refreshPath(request), true,
        sameSite, secure, 0));
    response.addHeader("Set-Cookie", header(csrfName(request), "", "/", false, sameSite, secure, 0));
  }

  private String refreshPath(HttpServletRequest request) {
    return request.getContextPath() + sessionPath;
  }

  private static Optional<String> read(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie c : cookies) {
      if (name.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty()) {
        return Optional.of(c.getValue());
      }
    }
    return Optional.empty();
  }

  static String header(String name, String value, String path, boolean httpOnly, String sameSite,
      boolean secure, int maxAge) {
    StringBuilder h = new StringBuilder(name).append('=').append(value).append("; Path=")
        .append(path);
    if (httpOnly) {
      h.append("; HttpOnly");
    }
    h.append("; SameSite=").append(sameSite);
    if (secure) {
      h.append("; Secure");
    }
    if (maxAge >= 0) {
      h.append("; Max-Age=").append(maxAge);
    }
    return h.toString();
  }
}
