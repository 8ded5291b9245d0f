package io.admin.auth.servlet.scheme;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads the {@code Authorization} header's scheme and credentials (RFC 9110 section 11.6.2): the
 * scheme name is case-insensitive and separated from the credentials by a space. One place for
 * this so that every built-in scheme splits the header the same way.
 */
final class AuthorizationHeader {

  private AuthorizationHeader() {}

  /** Whether the request's {@code Authorization} header uses {@code scheme}. */
  static boolean uses(HttpServletRequest request, String scheme) {
    String header = request.getHeader("Authorization");
    return header != null && hasScheme(header, scheme);
  }

  /**
   * Whether the scheme name of {@code header} (everything before the first space, or all of it)
   * is {@code scheme}, ignoring case. Compared in place: every scheme asks on every protected
   * request, and a substring per question showed in an HTTP profile.
   */
  static boolean hasScheme(String header, String scheme) {
    int space = header.indexOf(' ');
    int end = space < 0 ? header.length() : space;
    return end == scheme.length() && header.regionMatches(true, 0, scheme, 0, end);
  }

  /** The credentials after the scheme name, stripped; empty when there are none. */
  static String credentials(String header) {
    int space = header.indexOf(' ');
    return space < 0 ? "" : header.substring(space + 1).strip();
  }
}
