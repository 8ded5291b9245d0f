package io.admin.auth.core.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The base62 digits of the key format: values, fixed-width numbers, uniform random characters. */
class Base62Test {

  /** The characters just outside each base62 range, and the key format's separator. */
  private static final String NEIGHBOURS = "/:@[`{_-";

  /** A JDK SecureRandom whose output is scripted: {@code bytes} in order, over and over. */
  private static SecureRandom scripted(int... bytes) {
    return new SecureRandom() {
      private int next;

      @Override
      public void nextBytes(byte[] out) {
        for (int i = 0; i < out.length; i++) {
          out[i] = (byte) bytes[next++ % bytes.length];
        }
      }
    };
  }

  @Test
  void valueOfWhenAlphabetThenPositionAndWhenNeighbourThenMinusOne() {
    for (int i = 0; i < 62; i++) {
      char c = Base62.ALPHABET.charAt(i);
      assertEquals(i, Base62.valueOf(c), String.valueOf(c));
      assertTrue(Base62.isBase62(c), String.valueOf(c));
    }
    for (char c : NEIGHBOURS.toCharArray()) {
      assertEquals(-1, Base62.valueOf(c), String.valueOf(c));
      assertFalse(Base62.isBase62(c), String.valueOf(c));
    }
  }

  @Test
  void decodeFixedWhenEncodedThenSameValueAndWhenNotBase62ThenMinusOne() {
    long max6 = 62L * 62 * 62 * 62 * 62 * 62 - 1;
    for (long v : new long[] {0, 1, 61, 62, 3843, 4_294_967_295L, max6}) {
      String digits = Base62.encodeFixed(v, 6);
      assertEquals(6, digits.length());
      assertEquals(v, Base62.decodeFixed("xx" + digits, 2, 6), digits);
    }
    for (char c : NEIGHBOURS.toCharArray()) {
      assertEquals(-1, Base62.decodeFixed("000" + c + "00", 0, 6), String.valueOf(c));
    }
  }

  @Test
  void randomWhenSixBitValues62Or63ThenSkippedSoEveryCharacterIsUniform() {
    // Low six bits 62 and 63 (here 62, 63, 126, 255) have no character: mapping them would make
    // some characters twice as likely. 0, 1, 61 and 69 (low bits 5) are kept.
    String s = Base62.random(scripted(62, 63, 126, 255, 0, 1, 61, 69), 4);

    assertEquals("01z5", s);
  }

  @Test
  void randomWhenWholeBufferRejectedThenDrawsAgain() {
    int[] bytes = new int[10];
    java.util.Arrays.fill(bytes, 0, 9, 63); // the first buffer of a 1-character draw: 1 + 8 bytes
    bytes[9] = 7;

    assertEquals("7", Base62.random(scripted(bytes), 1));
    assertEquals("", Base62.random(scripted(1), 0));
    assertEquals("1".repeat(43), Base62.random(scripted(1), 43));
  }
}
