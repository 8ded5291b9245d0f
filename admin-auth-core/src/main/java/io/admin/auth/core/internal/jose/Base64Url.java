package io.admin.auth.core.internal.jose;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** Strict base64url (RFC 4648 section 5, no padding) and UTF-8 decoding for JWS parts. */
public final class Base64Url {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final byte[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
          .getBytes(StandardCharsets.US_ASCII);
  // Indexed by the byte (or char) value masked to 0..255; -1 outside the alphabet.
  private static final byte[] VALUES = new byte[256];

  static {
    Arrays.fill(VALUES, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUES[alphabet.charAt(i)] = (byte) i;
    }
  }

  private Base64Url() {}

  public static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /** How many characters {@link #encodeInto} writes for {@code n} bytes. */
  public static int encodedLength(int n) {
    return n / 3 * 4 + (n % 3 == 0 ? 0 : n % 3 + 1);
  }

  /** Writes unpadded base64url of {@code src} into {@code dst} at {@code at}; returns the end. */
  public static int encodeInto(byte[] src, byte[] dst, int at) {
    int o = at;
    int i = 0;
    for (int full = src.length - src.length % 3; i < full; i += 3) {
      int bits = (src[i] & 0xFF) << 16 | (src[i + 1] & 0xFF) << 8 | (src[i + 2] & 0xFF);
      dst[o++] = ALPHABET[bits >>> 18];
      dst[o++] = ALPHABET[bits >>> 12 & 0x3F];
      dst[o++] = ALPHABET[bits >>> 6 & 0x3F];
      dst[o++] = ALPHABET[bits & 0x3F];
    }
    int rem = src.length - i;
    if (rem > 0) {
      int bits = (src[i] & 0xFF) << 16 | (rem == 2 ? (src[i + 1] & 0xFF) << 8 : 0);
      dst[o++] = ALPHABET[bits >>> 18];
      dst[o++] = ALPHABET[bits >>> 12 & 0x3F];
      if (rem == 2) {
        dst[o++] = ALPHABET[bits >>> 6 & 0x3F];
      }
    }
    return o;
  }

  /**
   * The decoded bytes, or {@code null} unless {@code s} is canonical unpadded base64url: only the
   * URL alphabet, a possible length, and zero unused trailing bits. Canonical form matters because
   * otherwise several strings decode to the same signed bytes. Decodes straight from the string in
   * one pass (no substring, no second validation loop): this runs three times per verification.
   */
  public static byte[] decodeStrict(String s, int from, int to) {
    int len = to - from;
    int rem = len & 3;
    if (rem == 1) {
      return null;
    }
    byte[] out = new byte[len / 4 * 3 + (rem == 0 ? 0 : rem - 1)];
    int o = 0;
    int i = from;
    for (int full = to - rem; i < full; i += 4) {
      int a = value(s.charAt(i));
      int b = value(s.charAt(i + 1));
      int c = value(s.charAt(i + 2));
      int d = value(s.charAt(i + 3));
      if ((a | b | c | d) < 0) {
        return null;
      }
      int bits = a << 18 | b << 12 | c << 6 | d;
      out[o++] = (byte) (bits >> 16);
      out[o++] = (byte) (bits >> 8);
      out[o++] = (byte) bits;
    }
    if (rem == 2) {
      int a = value(s.charAt(i));
      int b = value(s.charAt(i + 1));
      if ((a | b) < 0 || (b & 0x0F) != 0) {
        return null;
      }
      out[o] = (byte) (a << 2 | b >> 4);
    } else if (rem == 3) {
      int a = value(s.charAt(i));
      int b = value(s.charAt(i + 1));
      int c = value(s.charAt(i + 2));
      if ((a | b | c) < 0 || (c & 0x03) != 0) {
        return null;
      }
      out[o++] = (byte) (a << 2 | b >> 4);
      out[o] = (byte) (b << 4 | c >> 2);
    }
    return out;
  }

  /**
   * The UTF-8 text that {@code s[from, to)} encodes, or {@code null} when it is not canonical
   * base64url or not valid UTF-8: {@code utf8(decodeStrict(...))} in one step, with a fast path for
   * ASCII (what issuers produce), which needs no decoder.
   */
  public static String decodeText(String s, int from, int to) {
    byte[] bytes = decodeStrict(s, from, to);
    return bytes == null ? null : utf8(bytes);
  }

  /**
   * {@link #decodeStrict(String, int, int)} over ASCII bytes (a token already encoded once for the
   * signature check), without per-character string access. Any byte outside the alphabet,
   * including the {@code '?'} that encoding put in place of a non-ASCII char, rejects.
   */
  public static byte[] decodeStrict(byte[] s, int from, int to) {
    int len = to - from;
    int rem = len & 3;
    if (rem == 1) {
      return null;
    }
    byte[] out = new byte[len / 4 * 3 + (rem == 0 ? 0 : rem - 1)];
    int o = 0;
    int i = from;
    for (int full = to - rem; i < full; i += 4) {
      int a = value(s[i]);
      int b = value(s[i + 1]);
      int c = value(s[i + 2]);
      int d = value(s[i + 3]);
      if ((a | b | c | d) < 0) {
        return null;
      }
      int bits = a << 18 | b << 12 | c << 6 | d;
      out[o++] = (byte) (bits >> 16);
      out[o++] = (byte) (bits >> 8);
      out[o++] = (byte) bits;
    }
    if (rem == 2) {
      int a = value(s[i]);
      int b = value(s[i + 1]);
      if ((a | b) < 0 || (b & 0x0F) != 0) {
        return null;
      }
      out[o] = (byte) (a << 2 | b >> 4);
    } else if (rem == 3) {
      int a = value(s[i]);
      int b = value(s[i + 1]);
      int c = value(s[i + 2]);
      if ((a | b | c) < 0 || (c & 0x03) != 0) {
        return null;
      }
      out[o++] = (byte) (a << 2 | b >> 4);
      out[o] = (byte) (b << 4 | c >> 2);
    }
    return out;
  }

  /** Whether every byte is ASCII (below 0x80). */
  public static boolean isAscii(byte[] bytes) {
    int or = 0;
    for (byte b : bytes) {
      or |= b;
    }
    return or >= 0;
  }

  /** Strict UTF-8 decoding: {@code null} for malformed input. */
  public static String utf8(byte[] bytes) {
    if (isAscii(bytes)) {
      // Pure ASCII is valid UTF-8 as is, and Latin-1 decoding of it is a plain copy.
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static int value(byte b) {
    return VALUES[b & 0xFF];
  }

  // -1 for anything outside the URL alphabet, including every non-ASCII char.
  private static int value(char c) {
    return c < 128 ? VALUES[c] : -1;
  }
}
