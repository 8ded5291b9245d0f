package io.admin.auth.core.verify;

import static io.admin.auth.core.verify.TestJws.T0;
import static io.admin.auth.core.verify.TestJws.claims;
import static io.admin.auth.core.verify.TestJws.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.admin.auth.core.SigningAlgorithm;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The cache's token digest: the sum its Javadoc promises (checked against a BigInteger
 * evaluation, with the largest keys and words), every character counting, keyed by the cache's secret, and no way to match a
 * cached token through {@code String.hashCode} collisions, padding or non-ASCII characters.
 */
class TokenDigestTest {

  private static final BigInteger P = BigInteger.valueOf(TokenDigest.P);

  // The definition in the Javadoc, in BigInteger: words (length, 7-byte blocks, zero padding),
  // the sum over pairs of (w + k)(w' + k'), modulo p.
  private static long reference(String token, long[] keys) {
    byte[] b = token.getBytes(StandardCharsets.ISO_8859_1);
    int blocks = (b.length + 6) / 7;
    long[] words = new long[(blocks + 2) / 2 * 2];
    words[0] = b.length;
    for (int i = 0; i < blocks; i++) {
      for (int j = Math.min(b.length, i * 7 + 7) - 1; j >= i * 7; j--) {
        words[i + 1] = words[i + 1] << 8 | (b[j] & 0xFF);
      }
    }
    BigInteger sum = BigInteger.ZERO;
    for (int i = 0; i < words.length; i += 2) {
      sum = sum.add(BigInteger.valueOf(words[i] + keys[i])
          .multiply(BigInteger.valueOf(words[i + 1] + keys[i + 1])));
    }
    return sum.mod(P).longValueExact();
  }

  private static long[] keys(Random random, boolean largest) {
    long[] k = new long[TokenDigest.MAX_WORDS];
    for (int i = 0; i < k.length; i++) {
      k[i] = largest ? (1L << 56) - 1 - random.nextInt(16) : random.nextLong() >>> 8;
    }
    return k;
  }

  @Test
  void ofWhenSmallKeysThenTheSumByHand() {
    long[] k1 = new long[TokenDigest.MAX_WORDS];
    long[] k2 = new long[TokenDigest.MAX_WORDS];
    k2[0] = 2;
    k2[1] = 3;
    TokenDigest.Key k = new TokenDigest(k1, k2).of("a");
    assertEquals(1 * 0x61, k.h1);
    assertEquals((1 + 2) * (0x61 + 3), k.h2);
  }

  @Test
  void ofWhenAnyLengthAndLargestKeysAndBytesThenEqualsBigIntegerEvaluation() {
    Random random = new Random(42);
    long[] k1 = keys(random, true);
    long[] k2 = keys(random, false);
    TokenDigest d = new TokenDigest(k1, k2);
    StringBuilder s = new StringBuilder();
    for (int length = 0; length <= 1_200; length++) {
      String token = s.toString();
      TokenDigest.Key k = d.of(token);
      assertEquals(reference(token, k1), k.h1, "length " + length);
      assertEquals(reference(token, k2), k.h2, "length " + length);
      s.append((char) (0xFF - random.nextInt(3))); // high bytes: the largest words
    }
    String longest = "\u00ff".repeat(AccessTokenVerifier.MAX_TOKEN_CHARS);
    assertEquals(reference(longest, k1), d.of(longest).h1, "the largest sum there can be");
    assertNull(d.of(longest + "~"), "longer than any token that verified");
  }

  @Test
  void ofWhenLongestTokensAndBothHalvesLargestThenEqualsBigIntegerEvaluation() {
    // The most pairs and the largest products: where a lost carry between the low words, or a
    // sum past 2^63 in the reduction, would show.
    Random random = new Random(7);
    long[] k1 = keys(random, true);
    long[] k2 = keys(random, true);
    TokenDigest d = new TokenDigest(k1, k2);
    for (int length = AccessTokenVerifier.MAX_TOKEN_CHARS - 30;
        length <= AccessTokenVerifier.MAX_TOKEN_CHARS; length++) {
      StringBuilder s = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        s.append(length % 2 == 0 ? '\u00ff' : (char) (0x80 + random.nextInt(0x80)));
      }
      String token = s.toString();
      TokenDigest.Key k = d.of(token);
      assertEquals(reference(token, k1), k.h1, "length " + length);
      assertEquals(reference(token, k2), k.h2, "length " + length);
    }
  }

  @Test
  void ofWhenRandomKeysAndTokensOfEveryLengthThenEqualsBigIntegerEvaluation() {
    // Which pairs are read as 8-byte loads, and which one is left over, depends on the length
    // alone, the same way for every length above 8 modulo 14: a thousand lengths cover each case
    // many times over (the longest ones are in the tests above).
    Random random = new Random(11);
    for (int round = 0; round < 3; round++) {
      long[] k1 = keys(random, false);
      long[] k2 = keys(random, false);
      TokenDigest d = new TokenDigest(k1, k2);
      StringBuilder s = new StringBuilder();
      for (int length = 0; length <= 1_000; length++) {
        String token = s.toString();
        TokenDigest.Key k = d.of(token);
        assertEquals(reference(token, k1), k.h1, "length " + length);
        assertEquals(reference(token, k2), k.h2, "length " + length);
        s.append((char) random.nextInt(0x100));
      }
    }
  }

  @Test
  void reduceWhenLowWordsCarryThenCountsTheCarries() {
    // 586 products whose low words are all 2^64 - 1: the low sum wraps 585 times.
    BigInteger low = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    int n = TokenDigest.MAX_WORDS / 2;
    long hi = ((1L << 50) - 1) * n;
    long lo = -1L * n;
    long top = ((1L << 32) - 1) * n;
    BigInteger sum = BigInteger.valueOf(hi).shiftLeft(64).add(low.multiply(BigInteger.valueOf(n)));
    assertEquals(sum.mod(P).longValueExact(), TokenDigest.reduce(hi, lo, top));
    assertEquals(0, TokenDigest.reduce(0, 0, 0));
    assertEquals(0, TokenDigest.reduce(0, TokenDigest.P, 0), "p itself");
    assertEquals(1, TokenDigest.reduce(0, 1L << 61, 1L << 29), "2^61 = 1 mod p");
  }

  @Test
  void ofWhenEqualStringsThenEqualDigests() {
    TokenDigest d = new TokenDigest(new SecureRandom());
    String t = token(SigningAlgorithm.RS256, claims(T0));
    assertEquals(d.of(t), d.of(new String(t)));
    assertEquals(d.of(t).hashCode(), d.of(new String(t)).hashCode());
  }

  @Test
  void ofWhenAnyOneCharacterChangedThenDifferentDigest() {
    // Header, payload and signature alike: a forged header or payload riding on a cached
    // signature is a different key.
    TokenDigest d = new TokenDigest(new SecureRandom());
    String t = token(SigningAlgorithm.HS256, claims(T0));
    Set<TokenDigest.Key> seen = new HashSet<>();
    seen.add(d.of(t));
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      String changed = t.substring(0, i) + (c == 'A' ? 'B' : 'A') + t.substring(i + 1);
      assertEquals(true, seen.add(d.of(changed)), "position " + i);
    }
  }

  @Test
  void ofWhenStringHashCodesCollideThenDigestsDiffer() {
    TokenDigest d = new TokenDigest(new SecureRandom());
    String t = token(SigningAlgorithm.HS256, claims(T0));
    String a = "Aa" + t.substring(2);
    String b = "BB" + t.substring(2);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(d.of(a), d.of(b));
  }

  @Test
  void ofWhenPaddedWithNulsOrNonAsciiThenDifferentFromTheToken() {
    TokenDigest d = new TokenDigest(new SecureRandom());
    String t = token(SigningAlgorithm.HS256, claims(T0));
    assertNotEquals(d.of(t), d.of(t + "\0"));
    assertNotEquals(d.of(t), d.of(t + "\0\0\0\0\0\0\0"));
    assertNotEquals(d.of(t.substring(0, t.length() - 1)), d.of(t.substring(0, t.length() - 1) + "\0"));
    // U+0141 has 0x41 ('A') as its low byte; it must not read as 'A'.
    int a = t.indexOf('A');
    String wide = t.substring(0, a) + '\u0141' + t.substring(a + 1);
    assertNotEquals(d.of(t), d.of(wide));
  }

  @Test
  void ofWhenAnotherCacheKeyThenAnotherDigest() {
    String t = token(SigningAlgorithm.HS256, claims(T0));
    assertNotEquals(new TokenDigest(new SecureRandom()).of(t),
        new TokenDigest(new SecureRandom()).of(t));
  }

  @Test
  void equalsWhenEitherHalfDiffersThenNotEqual() {
    TokenDigest.Key k = new TokenDigest.Key(5, 7);
    assertEquals(k, new TokenDigest.Key(5, 7));
    assertNotEquals(k, new TokenDigest.Key(6, 7), "first half");
    assertNotEquals(k, new TokenDigest.Key(5, 8), "second half");
    assertNotEquals(k, new TokenDigest.Key(7, 5), "halves swapped");
    assertNotEquals(k, (Object) "TokenDigest.Key[**********]");
  }

  @Test
  void hashCodeWhenAnyPartOfEitherHalfChangesThenChanges() {
    // The map spreads entries by it: every half, and the first half's top bits, must count.
    TokenDigest.Key k = new TokenDigest.Key(0x0000_0001_0000_0001L, 0x10);
    assertNotEquals(0, k.hashCode());
    assertNotEquals(k.hashCode(), new TokenDigest.Key(0x0000_0002_0000_0001L, 0x10).hashCode(),
        "top of the first half");
    assertNotEquals(new TokenDigest.Key(1, 0x10).hashCode(),
        new TokenDigest.Key(2, 0x10).hashCode(), "bottom of the first half");
    assertNotEquals(k.hashCode(), new TokenDigest.Key(0x0000_0001_0000_0001L, 0x20).hashCode(),
        "second half");
  }

  @Test
  void toStringWhenPrintedThenRevealsNothing() {
    TokenDigest.Key k = new TokenDigest(new SecureRandom()).of("secret-token");
    assertEquals("TokenDigest.Key[**********]", k.toString());
  }
}
