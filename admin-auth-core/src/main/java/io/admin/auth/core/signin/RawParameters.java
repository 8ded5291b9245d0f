package io.admin.auth.core.signin;

import java.util.Map;

/**
 * The request parameters as the servlet container hands them over, read one at a time with the
 * rules of RFC 6749 section 3.1: a parameter sent without a value is omitted, and none may be
 * sent twice. Also measures the whole request so an oversized one is refused before any work.
 */
final class RawParameters {

  /** The characters RFC 6749 appendix A allows in {@code state} and similar values (VSCHAR). */
  static final CharRange VISIBLE = new CharRange(0x20, 0x7E);
  /** Visible ASCII without the space, e.g. for a URI or a client id. */
  static final CharRange VISIBLE_NO_SPACE = new CharRange(0x21, 0x7E);
  /** ASCII digits only. */
  static final CharRange DIGITS = new CharRange('0', '9');

  private final Map<String, String[]> params;
  private final int count;
  private final long totalChars;

  RawParameters(Map<String, String[]> params) {
    this.params = params == null ? Map.of() : params;
    long total = 0;
    for (Map.Entry<String, String[]> e : this.params.entrySet()) {
      total += e.getKey() == null ? 0 : e.getKey().length();
      if (e.getValue() != null) {
        for (String v : e.getValue()) {
          total += v == null ? 0 : v.length();
        }
      }
    }
    this.count = this.params.size();
    this.totalChars = total;
  }

  /** Whether the request has more than {@code maxParameters} names or {@code maxChars} in all. */
  boolean exceeds(int maxParameters, int maxChars) {
    return count > maxParameters || totalChars > maxChars;
  }

  /**
   * The single value of {@code name}: absent when missing or empty, bad when repeated, longer
   * than {@code maxLength} or with a character outside {@code allowed}.
   */
  Field single(String name, int maxLength, CharRange allowed) {
    String[] values = params.get(name);
    if (values == null || values.length == 0) {
      return Field.ABSENT;
    }
    if (values.length > 1) {
      return Field.BAD;
    }
    String v = values[0];
    if (v == null || v.isEmpty()) {
      return Field.ABSENT;
    }
    if (v.length() > maxLength || !allowed.containsAll(v)) {
      return Field.BAD;
    }
    return new Field(v, true);
  }

  /** Whether {@code name} has a non-empty value (or several). */
  boolean present(String name) {
    Field f = single(name, Integer.MAX_VALUE, new CharRange(0, Character.MAX_VALUE));
    return !f.ok() || f.value() != null;
  }

  /** An inclusive range of characters. */
  record CharRange(int low, int high) {
    boolean containsAll(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < low || c > high) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * One parameter's reading.
   *
   * @param value the value, {@code null} when absent or bad
   * @param ok {@code false} when the parameter is repeated, too long or has a forbidden character
   */
  record Field(String value, boolean ok) {
    static final Field ABSENT = new Field(null, true);
    static final Field BAD = new Field(null, false);

    /** Present and well-formed. */
    boolean usable() {
      return ok && value != null;
    }
  }
}
