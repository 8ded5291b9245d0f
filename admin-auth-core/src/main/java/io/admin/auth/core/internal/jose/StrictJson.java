package io.admin.auth.core.internal.jose;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fast parser for the JSON objects in JWS headers and claims, used before {@link
 * io.admin.auth.core.internal.jose.Json#parseObject}: it handles strict RFC 8259 input with no duplicate
 * member names and no nesting beyond {@value #MAX_DEPTH} levels, producing exactly what {@code Json}
 * would (integers that fit a {@code long} as {@code Long}, other numbers as {@code Double}, objects
 * as insertion-ordered maps, arrays as lists). For anything else it answers "undecided"
 * ({@code null}) and the caller falls back to {@code Json}, so the set of accepted documents and
 * what they parse to do not change; this only removes the general-purpose parser's per-call
 * reflection and allocation from the verification hot path. It reads ASCII bytes straight from
 * the base64url decoder (no intermediate string); text with any non-ASCII byte is left to
 * {@code Json}. Not thread-safe; one instance per call.
 */
public final class StrictJson {

  static final int MAX_DEPTH = 32;

  // Thrown to unwind when undecided; no stack trace, never escapes this class.
  private static final class Undecided extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Undecided() {
      super(null, null, false, false);
    }
  }

  // Member names every token has: returned as these constants (hash code already computed) instead
  // of a new substring, which the maps built from the claims then hash for free.
  // Besides these three-letter names: "client_id" and "scope".
  private static final String[] KNOWN_THREE = {"iss", "sub", "aud", "exp", "iat", "nbf", "jti",
      "fid", "alg", "typ", "kid"};
  private static final int[] KNOWN_THREE_PACKED = new int[KNOWN_THREE.length];

  static {
    for (int k = 0; k < KNOWN_THREE.length; k++) {
      String n = KNOWN_THREE[k];
      KNOWN_THREE_PACKED[k] = n.charAt(0) << 16 | n.charAt(1) << 8 | n.charAt(2);
    }
  }

  private final byte[] s;
  private int i;

  private StrictJson(byte[] s) {
    this.s = s;
  }

  /** The object in {@code text}, or {@code null} when this parser does not decide it. */
  public static Map<String, Object> parseObject(String text) {
    for (int k = 0; k < text.length(); k++) {
      if (text.charAt(k) >= 0x80) {
        return null;
      }
    }
    return parseAscii(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * The object in {@code ascii}, or {@code null} when this parser does not decide it, which includes
   * any byte above 0x7F (UTF-8 text is left to {@code Json}).
   */
  public static Map<String, Object> parseAscii(byte[] ascii) {
    StrictJson p = new StrictJson(ascii);
    try {
      p.whitespace();
      if (p.i >= ascii.length || ascii[p.i] != '{') {
        return null;
      }
      Map<String, Object> out = p.object(0);
      p.whitespace();
      return p.i == ascii.length ? out : null;
    } catch (Undecided | IndexOutOfBoundsException e) {
      return null;
    }
  }

  private Map<String, Object> object(int depth) {
    if (depth >= MAX_DEPTH) {
      throw new Undecided();
    }
    i++; // '{'
    Map<String, Object> map = new LinkedHashMap<>();
    whitespace();
    if (at(i) == '}') {
      i++;
      return map;
    }
    while (true) {
      whitespace();
      if (at(i) != '"') {
        throw new Undecided();
      }
      String name = name();
      whitespace();
      expect(':');
      whitespace();
      if (map.put(name, value(depth)) != null) {
        throw new Undecided();
      }
      whitespace();
      char c = at(i++);
      if (c == '}') {
        return map;
      }
      if (c != ',') {
        throw new Undecided();
      }
    }
  }

  private List<Object> array(int depth) {
    if (depth >= MAX_DEPTH) {
      throw new Undecided();
    }
    i++; // '['
    List<Object> list = new ArrayList<>();
    whitespace();
    if (at(i) == ']') {
      i++;
      return list;
    }
    while (true) {
      whitespace();
      list.add(value(depth));
      whitespace();
      char c = at(i++);
      if (c == ']') {
        return list;
      }
      if (c != ',') {
        throw new Undecided();
      }
    }
  }

  private Object value(int depth) {
    char c = at(i);
    switch (c) {
      case '"':
        return string();
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case 't':
        literal("true");
        return Boolean.TRUE;
      case 'f':
        literal("false");
        return Boolean.FALSE;
      case 'n':
        // A null member value: Json's duplicate check cannot see past it, so leave it undecided.
        throw new Undecided();
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw new Undecided();
    }
  }

  // A non-ASCII byte reads as a char of 0x80 or more, which no grammar rule here accepts.
  private char at(int index) {
    return (char) (s[index] & 0xFF);
  }

  private String name() {
    int start = i + 1;
    int end = start;
    while (end < s.length && s[end] != '"' && s[end] != '\\') {
      end++;
    }
    if (end < s.length && s[end] == '"') {
      String known = known(start, end - start);
      if (known != null) {
        i = end + 1;
        return known;
      }
    }
    return string();
  }

  // The constant for a registered member name at s[start, start + length), or null.
  private String known(int start, int length) {
    if (length == 3) {
      int packed = s[start] << 16 | s[start + 1] << 8 | s[start + 2];
      for (int k = 0; k < KNOWN_THREE.length; k++) {
        if (KNOWN_THREE_PACKED[k] == packed) {
          return KNOWN_THREE[k];
        }
      }
      return null;
    }
    String candidate = length == 9 ? "client_id" : length == 5 ? "scope" : null;
    if (candidate == null) {
      return null;
    }
    for (int k = 0; k < length; k++) {
      if (s[start + k] != candidate.charAt(k)) {
        return null;
      }
    }
    return candidate;
  }

  private String string() {
    int start = ++i;
    while (true) {
      char c = at(i);
      if (c == '"') {
        return new String(s, start, i++ - start, StandardCharsets.ISO_8859_1);
      }
      if (c == '\\' || c < 0x20 || c >= 0x80) {
        break;
      }
      i++;
    }
    StringBuilder b = new StringBuilder(i - start + 16)
        .append(new String(s, start, i - start, StandardCharsets.ISO_8859_1));
    while (true) {
      char c = at(i++);
      if (c == '"') {
        return b.toString();
      }
      if (c < 0x20 || c >= 0x80) {
        throw new Undecided();
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = at(i++);
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          int v = 0;
          for (int k = 0; k < 4; k++) {
            int d = hex(at(i++));
            v = v << 4 | d;
          }
          b.append((char) v);
        }
        default -> throw new Undecided();
      }
    }
  }

  // RFC 8259 section 6 grammar; the value as Json's LONG_OR_DOUBLE policy reads it.
  private Object number() {
    int start = i;
    if (at(i) == '-') {
      i++;
    }
    if (at(i) == '0') {
      i++;
    } else {
      digits();
    }
    if (i - start > 18) {
      wrapsToZero(at(start) == '-' ? start + 1 : start);
    }
    boolean fraction = false;
    if (i < s.length && at(i) == '.') {
      fraction = true;
      i++;
      digits();
    }
    if (i < s.length && (at(i) == 'e' || at(i) == 'E')) {
      i++;
      if (at(i) == '+' || at(i) == '-') {
        i++;
      }
      digits();
    }
    int digits = i - start - (at(start) == '-' ? 1 : 0);
    if (!fraction && digits == exponentFree(start) && digits <= 18) {
      // The common case (NumericDate): a plain integer that fits, read without a substring.
      long v = 0;
      for (int k = i - digits; k < i; k++) {
        v = v * 10 + (at(k) - '0');
      }
      return at(start) == '-' ? -v : v;
    }
    String text = new String(s, start, i - start, StandardCharsets.ISO_8859_1);
    if (!fraction) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        // falls through: an exponent or too many digits for a long
      }
    }
    double d = Double.parseDouble(text);
    if (Double.isInfinite(d) || Double.isNaN(d)) {
      throw new Undecided();
    }
    return d;
  }

  /**
   * Leaves undecided the integer parts {@code Json}'s parser (Gson inside Nimbus) refuses although
   * RFC 8259 allows them: it reads the digits into a wrapping {@code long} and takes a value of
   * zero before a further digit for a forbidden leading zero, so for example 10^65 and 2 * 10^64
   * are refused, with or without sign, fraction or exponent. Found by fuzzing (StrictJsonFuzzTest).
   * Undecided is always safe: {@code Json} then gives its own answer.
   */
  private void wrapsToZero(int intStart) {
    long v = 0;
    for (int k = intStart; k < i - 1; k++) { // [intStart, i) is the integer part, all digits
      v = v * 10 + (at(k) - '0');
      if (v == 0) {
        throw new Undecided();
      }
    }
  }

  // The digit count of [start, i) when it holds no exponent, else -1.
  private int exponentFree(int start) {
    for (int k = start; k < i; k++) {
      char c = at(k);
      if (c == 'e' || c == 'E') {
        return -1;
      }
    }
    return i - start - (at(start) == '-' ? 1 : 0);
  }

  // ASCII hex only: Character.digit would also take other scripts' digits.
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
    throw new Undecided();
  }

  private void digits() {
    int start = i;
    while (i < s.length && at(i) >= '0' && at(i) <= '9') {
      i++;
    }
    if (i == start) {
      throw new Undecided();
    }
  }

  private void literal(String word) {
    for (int k = 0; k < word.length(); k++) {
      if (at(i + k) != word.charAt(k)) {
        throw new Undecided();
      }
    }
    i += word.length();
  }

  private void expect(char c) {
    if (at(i++) != c) {
      throw new Undecided();
    }
  }

  private void whitespace() {
    while (i < s.length) {
      char c = at(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      i++;
    }
  }
}
