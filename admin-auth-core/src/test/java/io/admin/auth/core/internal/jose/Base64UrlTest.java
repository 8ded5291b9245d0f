package io.admin.auth.core.internal.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one-pass decoder answers exactly as the previous validate-then-decode implementation. */
class Base64UrlTest {

  // The implementation before the one-pass decoder, kept as the oracle.
  private static byte[] reference(String s, int from, int to) {
    int len = to - from;
    if (len % 4 == 1) {
      return null;
    }
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = from; i < to; i++) {
      if (alphabet.indexOf(s.charAt(i)) < 0) {
        return null;
      }
    }
    if (len % 4 != 0) {
      int last = alphabet.indexOf(s.charAt(to - 1));
      if ((last & (len % 4 == 2 ? 0x0F : 0x03)) != 0) {
        return null;
      }
    }
    return Base64.getUrlDecoder().decode(s.substring(from, to));
  }

  @Test
  void decodeStrictWhenRandomStringsThenSameAsReference() {
    Random random = new Random(42);
    String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=.\u00e9\u0100 ";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      int len = random.nextInt(12);
      for (int i = 0; i < len; i++) {
        // Mostly valid characters, so that canonical and non-canonical endings both occur.
        b.append(random.nextInt(10) == 0 ? chars.charAt(random.nextInt(chars.length()))
            : chars.charAt(random.nextInt(64)));
      }
      String s = "x." + b + ".y";
      assertArrayEquals(reference(s, 2, 2 + len), Base64Url.decodeStrict(s, 2, 2 + len), s);
    }
  }

  @Test
  void decodeStrictWhenEncodedBytesThenRoundTrips() {
    Random random = new Random(7);
    for (int len = 0; len < 70; len++) {
      byte[] bytes = new byte[len];
      random.nextBytes(bytes);
      String s = Base64Url.encode(bytes);
      assertArrayEquals(bytes, Base64Url.decodeStrict(s, 0, s.length()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"A", "AB", "ABC=", "AB==", "A+", "A/", "AQ=", "AR", "ABD", "\u0141A"})
  void decodeStrictWhenNotCanonicalThenNull(String s) {
    assertNull(Base64Url.decodeStrict(s, 0, s.length()));
  }

  @Test
  void utf8WhenAsciiOrMultibyteThenDecodedAndWhenMalformedThenNull() {
    assertEquals("{\"a\":1}", Base64Url.utf8("{\"a\":1}".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("\u00e9\u4e2d", Base64Url.utf8("\u00e9\u4e2d".getBytes(StandardCharsets.UTF_8)));
    assertNull(Base64Url.utf8(new byte[] {'{', (byte) 0xC3, (byte) 0x28}));
    assertNull(Base64Url.utf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})); // surrogate
  }
}
