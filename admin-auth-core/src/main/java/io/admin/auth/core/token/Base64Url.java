package io.admin.auth.core.token;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Strict base64url (RFC 4648 section 5, no padding) and UTF-8 decoding for JWS parts. */
final class Base64Url {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private Base64Url() {}

  static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /**
   * The decoded bytes, or {@code null} unless {@code s} is canonical unpadded base64url: only the
   * URL alphabet, a possible length, and zero unused trailing bits. Canonical form matters because
   * otherwise several strings decode to the same signed bytes.
   */
  static byte[] decodeStrict(String s, int from, int to) {
    int len = to - from;
    if (len % 4 == 1) {
      return null;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_';
      if (!ok) {
        return null;
      }
    }
    if (len % 4 != 0) {
      int last = value(s.charAt(to - 1));
      int unusedBitsMask = len % 4 == 2 ? 0x0F : 0x03;
      if ((last & unusedBitsMask) != 0) {
        return null;
      }
    }
    return Base64.getUrlDecoder().decode(s.substring(from, to));
  }

  /** Strict UTF-8 decoding: {@code null} for malformed input. */
  static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static int value(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    return c == '-' ? 62 : 63;
  }
}
