package io.admin.auth.core.internal.claims;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON types of the registered claims (RFC 7519 section 4.1), read the one way every verifier
 * reads them. Its own package so that the codec ({@code internal.jose}) and the rules
 * ({@code validation}) can both use it without depending on each other.
 */
public final class ClaimValues {

  private ClaimValues() {}

  /** {@code aud} as a list: a non-empty string, or a non-empty array of strings; else {@code null}. */
  public static List<String> audience(Object raw) {
    if (raw instanceof String s && !s.isEmpty()) {
      return List.of(s);
    }
    if (raw instanceof List<?> list && !list.isEmpty()) {
      List<String> out = new ArrayList<>();
      for (Object o : list) {
        if (!(o instanceof String s)) {
          return null;
        }
        out.add(s);
      }
      return List.copyOf(out);
    }
    return null;
  }

  /**
   * An RFC 7519 NumericDate: a JSON number of seconds, possibly fractional (floored), from 0 to the
   * end of year 9999 so that Instant arithmetic cannot overflow; else {@code null}.
   */
  public static Instant numericDate(Object raw) {
    if (!(raw instanceof Number n)) {
      return null;
    }
    double d = n.doubleValue();
    if (Double.isNaN(d) || d < 0 || d > 253402300799d) {
      return null;
    }
    return Instant.ofEpochSecond((long) Math.floor(d));
  }
}
