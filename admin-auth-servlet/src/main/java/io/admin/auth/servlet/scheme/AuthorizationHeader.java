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
    return header != null && scheme.equalsIgnoreCase(schemeOf(header));
  }

  /** The credentials after the scheme name, stripped; empty when there are none. */
  static String credentials(String header) {
    int space = header.indexOf(' ');
    return space < 0 ? "" : header.substring(space + 1).strip();
  }

  private static String schemeOf(String header) {
    int space = header.indexOf(' ');
    return space < 0 ? header : header.substring(0, space);
  }
}
