package io.admin.auth.core.internal.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Base64;

/**
 * Fuzzes the strict base64url decoder against the JDK's URL decoder as the slow reference. The
 * JDK accepts more than we do, on purpose: padding ({@code =}) and non-zero unused trailing bits,
 * both of which would let several strings decode to the same signed bytes. So the reference
 * verdict is "the JDK decodes it, the text has only URL-alphabet characters, and re-encoding the
 * bytes without padding gives the text back" (the canonical form); when both accept the bytes must
 * be equal. A plain {@code mvn verify} replays the committed inputs in {@code
 * Base64UrlFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes (see SECURITY.md).
 */
class Base64UrlFuzzTest {

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  // The JDK's verdict on canonical unpadded base64url: the bytes, or null.
  private static byte[] reference(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (ALPHABET.indexOf(text.charAt(i)) < 0) {
        return null;
      }
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
    String canonical = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return canonical.equals(text) ? bytes : null;
  }

  /** Every entry point of the decoder agrees with the reference on any text at any offsets. */
  @FuzzTest(maxDuration = "10m")
  void decodeStrictAgreesWithJdkDecoder(FuzzedDataProvider data) {
    String text = textFrom(data);
    String prefix = data.consumeString(3);
    String suffix = data.remainingBytes() > 0 ? "." + data.consumeRemainingAsString() : "";
    String whole = prefix + text + suffix;
    int from = prefix.length();
    int to = from + text.length();

    byte[] expected = reference(text);
    assertArrayEquals(expected, Base64Url.decodeStrict(whole, from, to), text);

    // The byte[] overload reads ASCII bytes at the same indices: any non-ASCII char becomes '?'.
    // (Char by char, not String.getBytes: that turns a surrogate pair into one '?' and shifts the
    // indices, which the first fuzzing run found in this test; the verifier target covers how the
    // verifier itself encodes.)
    byte[] ascii = new byte[whole.length()];
    for (int i = 0; i < ascii.length; i++) {
      char c = whole.charAt(i);
      ascii[i] = c < 0x80 ? (byte) c : (byte) '?';
    }
    assertArrayEquals(expected, Base64Url.decodeStrict(ascii, from, to), text);

    String decodedText = Base64Url.decodeText(whole, from, to);
    if (expected == null) {
      assertNull(decodedText, text);
    } else {
      assertEquals(Base64Url.utf8(expected), decodedText, text);
      assertEquals(text, Base64Url.encode(expected));
    }
  }

  // Mostly characters of the alphabet (or the fuzzer would rarely produce valid input), sometimes
  // raw fuzzer text with anything in it.
  private static String textFrom(FuzzedDataProvider data) {
    if (data.consumeBoolean()) {
      return data.consumeString(200);
    }
    byte[] picks = data.consumeBytes(data.consumeInt(0, 200));
    StringBuilder b = new StringBuilder(picks.length);
    for (byte pick : picks) {
      int v = pick & 0xFF;
      b.append(v < 0xF0 ? ALPHABET.charAt(v & 0x3F) : "=+/ .\u00e9\u0100\n\0\uffff".charAt((v & 0x0F) % 10));
    }
    return b.toString();
  }
}
