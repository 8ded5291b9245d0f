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
 * The cache's token digest: the polynomial its Javadoc promises (checked against a BigInteger
 * evaluation), every character counting, keyed by the cache's secret, and no way to match a
 * cached token through {@code String.hashCode} collisions, padding or non-ASCII characters.
 */
class TokenDigestTest {

  private static final BigInteger P = BigInteger.valueOf(TokenDigest.P);

  // L + sum of m_i r^i over 7-byte little-endian blocks, the definition in the Javadoc.
  private static long reference(String token, long r) {
    byte[] b = token.getBytes(StandardCharsets.US_ASCII);
    BigInteger h = BigInteger.valueOf(b.length);
    BigInteger x = BigInteger.valueOf(r);
    BigInteger power = x;
    for (int i = 0; i * 7 < b.length; i++) {
      long m = 0;
      for (int j = Math.min(b.length, i * 7 + 7) - 1; j >= i * 7; j--) {
        m = m << 8 | (b[j] & 0xFF);
      }
      h = h.add(BigInteger.valueOf(m).multiply(power));
      power = power.multiply(x).mod(P);
    }
    return h.mod(P).longValueExact();
  }

  @Test
  void ofWhenSmallPointsThenThePolynomialByHand() {
    TokenDigest d = new TokenDigest(2, 3);
    TokenDigest.Key k = d.of("a");
    assertEquals(1 + 0x61 * 2, k.h1);
    assertEquals(1 + 0x61 * 3, k.h2);
  }

  @Test
  void ofWhenAnyLengthAndLargePointsThenEqualsBigIntegerEvaluation() {
    Random random = new Random(42);
    long r1 = TokenDigest.P - 1 - random.nextInt(1000);
    long r2 = (random.nextLong() >>> 3) % TokenDigest.P;
    TokenDigest d = new TokenDigest(r1, r2);
    StringBuilder s = new StringBuilder();
    for (int length = 0; length <= 1_200; length++) {
      String token = s.toString();
      TokenDigest.Key k = d.of(token);
      assertEquals(reference(token, r1), k.h1, "length " + length);
      assertEquals(reference(token, r2), k.h2, "length " + length);
      s.append((char) (0x7F - random.nextInt(3))); // high bytes: the largest blocks
    }
    String longest = "~".repeat(AccessTokenVerifier.MAX_TOKEN_CHARS);
    assertEquals(reference(longest, r1), d.of(longest).h1);
    assertNull(d.of(longest + "~"), "longer than any token that verified");
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
  void toStringWhenPrintedThenRevealsNothing() {
    TokenDigest.Key k = new TokenDigest(new SecureRandom()).of("secret-token");
    assertEquals("TokenDigest.Key[**********]", k.toString());
  }
}
