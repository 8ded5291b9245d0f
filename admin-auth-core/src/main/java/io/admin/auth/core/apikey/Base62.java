package io.admin.auth.core.apikey;

import java.security.SecureRandom;

/** Base62 helpers for the API key format: only {@code [0-9A-Za-z]}, so a key is one "word". */
final class Base62 {

  static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private Base62() {}

  static boolean isBase62(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  static int valueOf(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 36;
    }
    return -1;
  }

  /**
   * {@code length} uniformly random base62 characters. Rejection sampling (6 bits, drop 62 and 63)
   * keeps every character uniform, so the entropy is exactly {@code length * log2(62)} bits.
   */
  static String random(SecureRandom random, int length) {
    StringBuilder sb = new StringBuilder(length);
    byte[] buf = new byte[length + 8];
    while (sb.length() < length) {
      random.nextBytes(buf);
      for (int i = 0; i < buf.length && sb.length() < length; i++) {
        int v = buf[i] & 0x3F;
        if (v < 62) {
          sb.append(ALPHABET.charAt(v));
        }
      }
    }
    return sb.toString();
  }

  /** {@code value} (non-negative) as exactly {@code width} base62 digits, most significant first. */
  static String encodeFixed(long value, int width) {
    char[] out = new char[width];
    long v = value;
    for (int i = width - 1; i >= 0; i--) {
      out[i] = ALPHABET.charAt((int) (v % 62));
      v /= 62;
    }
    return new String(out);
  }

  /** The value of {@code width} base62 digits at {@code offset}, or -1 if one is not base62. */
  static long decodeFixed(String s, int offset, int width) {
    long v = 0;
    for (int i = offset; i < offset + width; i++) {
      int d = valueOf(s.charAt(i));
      if (d < 0) {
        return -1;
      }
      v = v * 62 + d;
    }
    return v;
  }
}
