package io.admin.auth.servlet.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Turns the raw request URI into the one path that access rules are matched against, or refuses
 * it as ambiguous.
 *
 * <p>Why the raw URI: containers disagree on {@code getServletPath()} (Tomcat drops {@code ;}
 * parameters and merges slashes, Jetty rejects or keeps them, and either may decode differently
 * from the application's framework). Matching on what the client actually sent, and refusing
 * every form two components could read differently, means a rule can never be bypassed by
 * spelling. Refused: {@code ;} anywhere in the path, {@code \}, {@code //}, {@code .} and {@code
 * ..} segments, percent-encoded {@code / \ . ; %} and control characters, malformed escapes,
 * invalid UTF-8, and raw bytes outside printable ASCII. Case is kept: {@code /API} and {@code
 * /api} are different paths.
 */
public final class RequestPaths {

  private RequestPaths() {}

  /**
   * Checks configured endpoint paths: each an exact, normalized path like {@code /a/b} (no empty,
   * dot or encoded segments), and no two the same. {@code what} names them in the message.
   *
   * @throws IllegalArgumentException naming the first path that is not exact, or all of them
   *     when two are the same
   */
  public static void requireExactDistinct(String what, List<String> paths) {
    for (String p : paths) {
      if (!p.matches("(/[A-Za-z0-9._~-]+)+") || p.contains("/./") || p.contains("/../")
          || p.endsWith("/.") || p.endsWith("/..")) {
        throw new IllegalArgumentException(what + " path must be an exact path like /a/b: " + p);
      }
    }
    if (new LinkedHashSet<>(paths).size() != paths.size()) {
      throw new IllegalArgumentException(what + " paths must be distinct: " + paths);
    }
  }

  /** The canonical, decoded path of {@code request} below its context path, or empty if ambiguous. */
  public static Optional<String> canonicalPath(HttpServletRequest request) {
    String raw = request.getRequestURI();
    String context = request.getContextPath();
    if (raw == null || context == null || !raw.startsWith(context)) {
      return Optional.empty();
    }
    String path = raw.substring(context.length());
    return canonicalize(path.isEmpty() ? "/" : path);
  }

  /** The canonical, decoded form of a raw (still percent-encoded) path, or empty if ambiguous. */
  public static Optional<String> canonicalize(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/") || rawPath.contains("//")) {
      return Optional.empty();
    }
    boolean encoded = false;
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == ';' || c == '\\') {
        return Optional.empty();
      }
      encoded |= c == '%';
    }
    // Without an escape the path is printable ASCII, which UTF-8 decodes to itself: the decoder
    // (a buffer and a decoder object per request) is only needed when there is something to decode.
    String decoded = encoded ? decode(rawPath) : rawPath;
    return decoded == null || hasDotSegment(decoded) ? Optional.empty() : Optional.of(decoded);
  }

  /** The percent-decoded path, or {@code null} for a malformed or forbidden escape or invalid UTF-8. */
  private static String decode(String rawPath) {
    ByteBuffer bytes = ByteBuffer.allocate(rawPath.length());
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c == '%') {
        int b = i + 2 < rawPath.length() ? hex(rawPath.charAt(i + 1), rawPath.charAt(i + 2)) : -1;
        if (b < 0 || isForbiddenEncoded(b)) {
          return null;
        }
        bytes.put((byte) b);
        i += 2;
      } else {
        bytes.put((byte) c);
      }
    }
    bytes.flip();
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Whether a {@code /}-separated segment of {@code path} is {@code .} or {@code ..}. */
  private static boolean hasDotSegment(String path) {
    int start = 0;
    for (int i = 0; i <= path.length(); i++) {
      if (i == path.length() || path.charAt(i) == '/') {
        int length = i - start;
        if ((length == 1 || length == 2) && path.charAt(start) == '.' && path.charAt(i - 1) == '.') {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  private static boolean isForbiddenEncoded(int b) {
    // Encoded separators and dots are how path-confusion attacks hide; encoded '%' is double
    // encoding; controls (and DEL) have no business in a path.
    return b == '/' || b == '\\' || b == '.' || b == ';' || b == '%' || b < 0x20 || b == 0x7f;
  }

  private static int hex(char hi, char lo) {
    int h = Character.digit(hi, 16);
    int l = Character.digit(lo, 16);
    return h < 0 || l < 0 ? -1 : (h << 4) | l;
  }
}
