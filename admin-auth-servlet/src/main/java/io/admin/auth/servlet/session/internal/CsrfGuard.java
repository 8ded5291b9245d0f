package io.admin.auth.servlet.session.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * The CSRF check of docs/http-contract.md ("Browser apps"). A session's token is
 * base64url(HMAC-SHA256(key, family id)): the refresh-token family is stamped into every access
 * token of the sign-in ({@code fid}) and survives rotation, so the token is bound to the session,
 * stays the same across refreshes (two tabs keep working) and dies with it. A request passes when
 * {@code X-CSRF-Token} equals the expected token (compared in constant time) and each of {@code
 * Origin} and {@code Sec-Fetch-Site} that the browser sent says same origin. Immutable.
 */
final class CsrfGuard {

  /** The request header carrying the token. */
  static final String HEADER = "X-CSRF-Token";

  private static final int TOKEN_CHARS = 43;

  private final byte[] key;
  private final Set<String> trustedOrigins;

  CsrfGuard(byte[] key, Set<String> trustedOrigins) {
    this.key = key.clone();
    this.trustedOrigins = Set.copyOf(trustedOrigins);
  }

  /** The CSRF token of the session whose refresh family is {@code familyId}. */
  String tokenFor(String familyId) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(SessionKeys.hmac(key, "csrf\n" + familyId));
  }

  /** Whether {@code value} has the form of a token (so a cookie can stand in for the expected one). */
  static boolean wellFormed(String value) {
    return value != null && value.length() == TOKEN_CHARS && value.matches("[A-Za-z0-9_-]+");
  }

  /** Whether the request carries {@code expected} and says it comes from this origin. */
  boolean passes(HttpServletRequest request, String expected) {
    if (!sameOrigin(request)) {
      return false;
    }
    String sent = request.getHeader(HEADER);
    if (sent == null || expected == null || !wellFormed(expected)) {
      return false;
    }
    return MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Each of {@code Origin} and {@code Sec-Fetch-Site} that is present must say same origin; with
   * neither, only the token judges (older browsers, non-browser clients).
   */
  boolean sameOrigin(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null && !site.trim().equalsIgnoreCase("same-origin")) {
      return false;
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    String o = origin.trim().toLowerCase(Locale.ROOT);
    return o.equals(ownOrigin(request)) || trustedOrigins.contains(o);
  }

  /** {@code scheme://host[:port]} of the request as the container sees it, default port omitted. */
  static String ownOrigin(HttpServletRequest request) {
    String scheme = request.getScheme().toLowerCase(Locale.ROOT);
    String host = request.getServerName().toLowerCase(Locale.ROOT);
    if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    int port = request.getServerPort();
    boolean defaultPort = (scheme.equals("http") && port == 80)
        || (scheme.equals("https") && port == 443) || port <= 0;
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
  }
}
