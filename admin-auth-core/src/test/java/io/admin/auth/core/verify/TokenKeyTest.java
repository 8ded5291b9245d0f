package io.admin.auth.core.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The cache's key: equal only for equal tokens, whatever their hashes; a hash that is the sum its
 * Javadoc promises (checked against a BigInteger evaluation with the largest keys), depends on the
 * length and every one of the last characters, and on the cache's secret.
 */
class TokenKeyTest {

  private static final BigInteger P = BigInteger.valueOf(TokenKey.Hasher.P);
  private static final int WORDS = 1 + TokenKey.Hasher.HASHED_CHARS / 7;

  // The definition in the Javadoc, in BigInteger.
  private static long reference(String token, long[] keys) {
    int n = token.length();
    String tail = token.substring(Math.max(0, n - TokenKey.Hasher.HASHED_CHARS));
    tail = "\0".repeat(TokenKey.Hasher.HASHED_CHARS - tail.length()) + tail;
    long[] w = new long[WORDS];
    w[0] = n;
    for (int i = 1; i < WORDS; i++) {
      for (int j = 0; j < 7; j++) {
        w[i] = w[i] << 8 | (tail.charAt(7 * (i - 1) + j) & 0xFF);
      }
    }
    BigInteger sum = BigInteger.ZERO;
    for (int i = 0; i < WORDS; i += 2) {
      sum = sum.add(BigInteger.valueOf(w[i] + keys[i])
          .multiply(BigInteger.valueOf(w[i + 1] + keys[i + 1])));
    }
    long h = sum.mod(P).longValueExact();
    return (int) (h ^ h >>> 32);
  }

  private static long[] keys(Random random, boolean largest) {
    long[] k = new long[WORDS];
    for (int i = 0; i < k.length; i++) {
      k[i] = largest ? (1L << 56) - 1 - random.nextInt(16) : random.nextLong() >>> 8;
    }
    return k;
  }

  private static String randomToken(Random random, int length, boolean anyByte) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(anyByte ? (char) (0x80 + random.nextInt(0x80)) : (char) ('-' + random.nextInt(77)));
    }
    return b.toString();
  }

  @Test
  void hashWhenSmallKeysThenTheSumByHand() {
    long[] k = {1, 2, 0, 0};
    // "ab": words 2 (length), then two zero blocks, then the last block 0x6162.
    // (2 + 1)(0 + 2) + 0 * 0x6162 = 6.
    assertEquals(6, new TokenKey.Hasher(k).hash("ab"));
    long[] k2 = {0, 0, 3, 0};
    // (0 + 3) * 0x6162 = 3 * 24930.
    assertEquals(3 * 0x6162, new TokenKey.Hasher(k2).hash("ab"));
  }

  @Test
  void hashWhenSumIsAMultipleOfPThenZero() {
    // Keys for which k0 k1 + k2 k3 = 0 (mod p): the empty token's words are all zero, so the
    // last addition lands on p exactly and only the final reduction step brings it to 0.
    Random random = new Random(11);
    BigInteger k0k1 = BigInteger.valueOf(1L << 40).multiply(BigInteger.valueOf(12345));
    BigInteger target = P.subtract(k0k1.mod(P)); // k2 k3 must be this, mod p
    long limit = 1L << 56;
    long k2;
    long k3;
    do {
      k2 = 1 + (random.nextLong() >>> 8);
      k3 = target.multiply(BigInteger.valueOf(k2).modInverse(P)).mod(P).longValueExact();
    } while (k3 >= limit);
    long[] k = new long[WORDS];
    k[0] = 1L << 40;
    k[1] = 12345;
    k[2] = k2;
    k[3] = k3;
    assertEquals(0, reference("", k));
    assertEquals(0, new TokenKey.Hasher(k).hash(""));
  }

  @Test
  void constructorWhenDrawingKeysThenEachIsBelowTwoToThe56() {
    // A source whose every long is all ones: each key must be 2^56 - 1, the largest allowed.
    SecureRandom ones = new SecureRandom() {
      @Override
      public long nextLong() {
        return -1L;
      }
    };
    long[] largest = new long[WORDS];
    Arrays.fill(largest, (1L << 56) - 1);
    String t = randomToken(new Random(8), 743, false);
    assertEquals(new TokenKey.Hasher(largest).hash(t), new TokenKey.Hasher(ones).hash(t));
    assertEquals(reference(t, largest), new TokenKey.Hasher(ones).hash(t));
  }

  @Test
  void hashWhenEveryLengthAndLargestKeysAndBytesThenEqualsBigIntegerEvaluation() {
    Random random = new Random(17);
    for (int n = 0; n <= 120; n++) {
      for (boolean anyByte : new boolean[] {false, true}) {
        long[] k = keys(random, true);
        String t = randomToken(random, n, anyByte);
        assertEquals(reference(t, k), new TokenKey.Hasher(k).hash(t), "length " + n);
      }
    }
  }

  @Test
  void hashWhenRandomKeysAndLongTokensThenEqualsBigIntegerEvaluation() {
    Random random = new Random(5);
    for (int i = 0; i < 500; i++) {
      long[] k = keys(random, false);
      String t = randomToken(random, 300 + random.nextInt(AccessTokenVerifier.MAX_TOKEN_CHARS
          - 300), false);
      assertEquals(reference(t, k), new TokenKey.Hasher(k).hash(t));
    }
  }

  @Test
  void hashWhenLengthOrAnyHashedCharacterChangesThenChanges() {
    TokenKey.Hasher hasher = new TokenKey.Hasher(new SecureRandom());
    String t = randomToken(new Random(3), 743, false);
    int h = hasher.hash(t);
    assertEquals(h, hasher.hash(new String(t)), "equal strings, equal hashes");
    for (int i = t.length() - TokenKey.Hasher.HASHED_CHARS; i < t.length(); i++) {
      char c = t.charAt(i) == 'A' ? 'B' : 'A';
      String changed = t.substring(0, i) + c + t.substring(i + 1);
      assertNotEquals(h, hasher.hash(changed), "character " + i);
    }
    assertNotEquals(h, hasher.hash("A" + t));
  }

  @Test
  void hashWhenAnotherCacheThenAnotherHashAndHashesSpreadOverBuckets() {
    String t = randomToken(new Random(4), 743, false);
    Set<Integer> perCache = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      perCache.add(new TokenKey.Hasher(new SecureRandom()).hash(t));
    }
    assertTrue(perCache.size() >= 19, "hashes under 20 keys: " + perCache.size());

    // 4,096 tokens into 256 buckets (the low bits ConcurrentHashMap uses after spreading): spread
    // evenly, 16 expected in each.
    TokenKey.Hasher hasher = new TokenKey.Hasher(new SecureRandom());
    int[] buckets = new int[256];
    Random random = new Random(6);
    for (int i = 0; i < 4096; i++) {
      int h = hasher.hash(randomToken(random, 743, false));
      buckets[(h ^ h >>> 16) & 255]++;
    }
    for (int b : buckets) {
      assertTrue(b < 48, "bucket of " + b + " (16 expected)");
    }
  }

  @Test
  void equalsWhenSameHashButDifferentTokensThenNotEqual() {
    TokenKey a = new TokenKey("token-a", 7);
    assertEquals(a, new TokenKey(new String("token-a"), 7));
    assertEquals(a.hashCode(), new TokenKey("token-a", 7).hashCode());
    assertNotEquals(a, new TokenKey("token-b", 7), "a hash collision is not a match");
    assertNotEquals(a, new TokenKey("token-a", 8));
    assertFalse(a.equals("token-a"));
  }

  @Test
  void equalsWhenStringHashCodesCollideThenNotEqual() {
    // "Aa" and "BB" have the same String.hashCode; the keys must still tell them apart.
    TokenKey.Hasher hasher = new TokenKey.Hasher(new SecureRandom());
    String t1 = "x".repeat(40) + "Aa";
    String t2 = "x".repeat(40) + "BB";
    assertEquals(t1.hashCode(), t2.hashCode());
    assertNotEquals(hasher.key(t1), hasher.key(t2));
  }

  @Test
  void constructorWhenWrongNumberOfKeysOrNullTokenThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> new TokenKey.Hasher(new long[WORDS + 1]));
    assertThrows(NullPointerException.class, () -> new TokenKey(null, 1));
  }

  @Test
  void toStringWhenPrintedThenRevealsNothing() {
    String token = "eyJhbGciOiJSUzI1NiJ9.secret.sig";
    String shown = new TokenKey(token, 1).toString();
    assertFalse(shown.contains("eyJ") || shown.contains("secret"), shown);
    assertTrue(shown.startsWith("TokenKey["), "says what it is: " + shown);
  }
}
