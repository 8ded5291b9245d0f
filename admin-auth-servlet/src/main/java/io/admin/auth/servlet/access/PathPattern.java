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

  private PathPattern(String pattern, List<String> segments) {
    this.pattern = pattern;
    this.segments = segments;
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
    List<String> parts = path.equals("/") ? List.of() : List.of(path.substring(1).split("/", -1));
    int n = segments.size();
    boolean tailWildcard = n > 0 && segments.get(n - 1).equals("**");
    int fixed = tailWildcard ? n - 1 : n;
    if (tailWildcard ? parts.size() < fixed : parts.size() != fixed) {
      return false;
    }
    for (int i = 0; i < fixed; i++) {
      String seg = segments.get(i);
      String part = parts.get(i);
      if (seg.equals("*") ? part.isEmpty() : !seg.equals(part)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return pattern;
  }
}
