package io.admin.auth.servlet.access;

import java.util.List;
import java.util.Objects;

/**
 * A path pattern over canonical paths, matched segment by segment and case-sensitively: a literal
 * segment matches itself, {@code *} matches exactly one non-empty segment, and a final {@code **}
 * matches zero or more segments (so {@code /api/v3/users/**} matches {@code /api/v3/users} and
 * everything below it). Immutable.
 */
public final class PathPattern {

  private final String pattern;
  private final List<String> segments;
  // Segments matched one to one: all of them, or all but a final "**".
  private final int fixed;
  private final boolean tailWildcard;

  private PathPattern(String pattern, List<String> segments) {
    this.pattern = pattern;
    this.segments = segments;
    int n = segments.size();
    this.tailWildcard = n > 0 && segments.get(n - 1).equals("**");
    this.fixed = tailWildcard ? n - 1 : n;
  }

  /**
   * Parses a pattern.
   *
   * @param pattern the pattern, such as {@code /api/v3/users/**}; not null
   * @return the parsed pattern
   * @throws IllegalArgumentException if it does not start with {@code /}, contains an empty,
   *     {@code .} or {@code ..} segment, or uses {@code **} anywhere but last
   */
  public static PathPattern of(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    if (!pattern.startsWith("/")) {
      throw new IllegalArgumentException("path pattern must start with '/': " + pattern);
    }
    if (pattern.equals("/")) {
      return new PathPattern(pattern, List.of());
    }
    List<String> segs = List.of(pattern.substring(1).split("/", -1));
    for (int i = 0; i < segs.size(); i++) {
      String s = segs.get(i);
      if (s.isEmpty() || s.equals(".") || s.equals("..") || s.contains(";") || s.contains("%")) {
        throw new IllegalArgumentException("invalid segment '" + s + "' in path pattern " + pattern);
      }
      if (s.equals("**") && i != segs.size() - 1) {
        throw new IllegalArgumentException("'**' may only be the last segment: " + pattern);
      }
    }
    return new PathPattern(pattern, segs);
  }

  /**
   * Whether the canonical {@code path} matches.
   *
   * @param path a canonical path starting with {@code /}
   * @return true if every segment matches, case-sensitively
   */
  public boolean matches(String path) {
    // Walked in place rather than split: every rule is tried on every request, and a split per
    // rule showed in an HTTP profile. The parts are what split("/", -1) gives after the leading
    // slash (so "/a/" has two, the second empty), and "/" has none.
    int len = path.length();
    int start = 1;
    if (len == 1) {
      return fixed == 0;
    }
    for (int i = 0; i < fixed; i++) {
      if (start > len) {
        return false; // fewer parts than segments
      }
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = len;
      }
      String seg = segments.get(i);
      if (seg.equals("*")
          ? end == start
          : end - start != seg.length() || !path.startsWith(seg, start)) {
        return false;
      }
      start = end + 1;
    }
    return tailWildcard || start > len;
  }

  @Override
  public String toString() {
    return pattern;
  }
}
