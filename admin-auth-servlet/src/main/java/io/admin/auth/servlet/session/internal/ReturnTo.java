package io.admin.auth.servlet.session.internal;

import java.util.Optional;

/**
 * The {@code return_to} of a sign-in: a local path of this origin, never an open redirect
 * (docs/http-contract.md, "Browser apps"). Anything else is refused, not replaced by a default,
 * so that a broken link shows up as an error instead of landing somewhere unexpected.
 *
 * <p>Accepted: an absolute path ({@code /} then anything but {@code /} or {@code \}) of visible
 * ASCII, with an optional query and fragment, at most {@value #MAX_CHARS} characters. Refused,
 * because a browser would read them as another host or a scheme: {@code //host}, {@code /\host},
 * any backslash, absolute URLs ({@code https://...}, {@code javascript:...}, which do not start
 * with {@code /}), control characters and spaces (browsers strip tabs and newlines, so {@code
 * /\t/host} is {@code //host}), non-ASCII, malformed percent escapes, escapes of {@code /},
 * {@code \}, {@code .}, controls or non-ASCII ({@code /%2F%2Fhost}, {@code /%5Chost}, {@code
 * /%09/host}: a server or browser that decodes once more would see a host), and dot segments
 * ({@code /../}) in the path, which a resolver could fold into {@code //}. Stateless.
 */
final class ReturnTo {

  /** Longest accepted value; keeps the sealed pending-login cookie well under 4096 bytes. */
  static final int MAX_CHARS = 1024;

  private ReturnTo() {}

  /** The value itself when it is a safe local path, else empty. */
  static Optional<String> check(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_CHARS
        || value.charAt(0) != '/') {
      return Optional.empty();
    }
    if (value.length() > 1 && (value.charAt(1) == '/' || value.charAt(1) == '\\')) {
      return Optional.empty();
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c >= 0x7F || c == '\\') {
        return Optional.empty();
      }
      if (c == '%') {
        if (i + 2 >= value.length() || hex(value.charAt(i + 1)) < 0
            || hex(value.charAt(i + 2)) < 0) {
          return Optional.empty();
        }
        int decoded = hex(value.charAt(i + 1)) * 16 + hex(value.charAt(i + 2));
        if (decoded <= 0x20 || decoded >= 0x7F || decoded == '/' || decoded == '\\'
            || decoded == '.' || decoded == '%') {
          return Optional.empty();
        }
      }
    }
    int end = firstOf(value, '?', '#');
    String path = value.substring(0, end);
    for (String segment : path.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return Optional.empty();
      }
    }
    return Optional.of(value);
  }

  private static int firstOf(String s, char a, char b) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == a || s.charAt(i) == b) {
        return i;
      }
    }
    return s.length();
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
