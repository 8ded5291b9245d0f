package io.admin.auth.core.verify;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * A secret-keyed 128-bit digest of a whole token, which the verified-token cache stores and
 * compares instead of the token itself: two independent universal hashes of the NH family
 * (as in UMAC), each reduced modulo the prime {@code p = 2^61 - 1}, under secret keys drawn from
 * the injected {@link SecureRandom} when the cache is made and never exposed.
 *
 * <p>Encoding: the token's characters as ISO-8859-1 bytes (a character above {@code 0x7F} becomes
 * a byte above {@code 0x7F} or {@code '?'}, neither of which a token that verified contains, so a
 * token with such a character never matches one that is cached), read as words {@code w_0 = L}
 * (its length) and {@code w_1 .. w_n} (7-byte little-endian blocks, the last zero-padded, one zero
 * word more if needed to make the count even), each below {@code 2^56}. Distinct tokens give
 * distinct word sequences: different lengths differ in {@code w_0}, equal lengths in some block.
 *
 * <p>Each half is {@code h = sum over j of (w_2j + k_2j) * (w_2j+1 + k_2j+1) mod p}, the sums and
 * products exact integers (each factor below {@code 2^57}, the sum below {@code 2^124}), with its
 * own keys {@code k_i} uniform in {@code [0, 2^56)}.
 *
 * <p>Collision bound: take two different tokens and a pair {@code j} where their words differ (the
 * first pair, if their lengths differ). Fix every key but that pair's. The difference of the two
 * halves is then, modulo {@code p}, linear in one of the pair's keys with a coefficient that is a
 * non-zero difference of words, below {@code 2^57 < p} in magnitude and so invertible: at most one
 * of the {@code 2^56} key values makes it zero. So one half collides with probability at most
 * {@code 2^-56}, and both, their keys independent, at most {@code 2^-112}, for any two tokens
 * chosen without knowing the keys. A lookup matches a wrong entry only if both halves agree, so
 * with {@code E} entries cached a lookup is a false hit with probability below {@code E *
 * 2^-112}: under {@code 2^-95} for 100,000 entries; an attacker learns nothing of the keys but
 * hit or miss, and a hit is already the collision. Every character takes part, so a token whose
 * signature is cached but whose header or payload was changed is a different digest and is
 * verified from scratch.
 *
 * <p>Speed: NH needs one 64x64-bit product per 14 bytes per half, half of what a polynomial hash
 * over the same blocks does. The pairs whose two blocks are each one 8-byte load (all but pair 0
 * and at most one last pair) are summed exactly without a carry test per product: the products'
 * high words, their low words modulo {@code 2^64}, and the low words' top 32 bits are summed
 * separately, and the lost carries follow at the end from the last two (see {@link #reduce}).
 * Pair 0 and the last pair are each reduced modulo {@code p} on their own and added modulo
 * {@code p}, which gives the same {@code h}. Both halves' keys sit side by side in one array, so a
 * pair's four keys are read from one cache line. Thread-safe and immutable after construction.
 */
final class TokenDigest {

  /** p = 2^61 - 1, a Mersenne prime: reduction is shifts and adds. */
  static final long P = (1L << 61) - 1;
  /** Keys per half: the length word, the blocks of the longest token, one word of padding. */
  static final int MAX_WORDS = 2 + (AccessTokenVerifier.MAX_TOKEN_CHARS + 6) / 7;

  private static final long MASK56 = (1L << 56) - 1;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  // Key i of the first half at 2i, of the second at 2i + 1.
  private final long[] keys;

  /** Draws the two halves' keys from {@code random}. */
  TokenDigest(SecureRandom random) {
    this(keys(random), keys(random));
  }

  // For tests: the keys themselves, each below 2^56, MAX_WORDS of them.
  TokenDigest(long[] keys1, long[] keys2) {
    if (keys1.length != MAX_WORDS || keys2.length != MAX_WORDS) {
      throw new IllegalArgumentException("keys");
    }
    keys = new long[2 * MAX_WORDS];
    for (int i = 0; i < MAX_WORDS; i++) {
      keys[2 * i] = keys1[i];
      keys[2 * i + 1] = keys2[i];
    }
  }

  /**
   * The digest of {@code token} as a probe for the cache, or {@code null} for a token too long to
   * have verified.
   */
  Key of(String token) {
    if (token.length() > AccessTokenVerifier.MAX_TOKEN_CHARS) {
      return null;
    }
    byte[] b = token.getBytes(StandardCharsets.ISO_8859_1);
    long[] k = keys;
    int n = b.length;
    int pairs = (2 + (n + 6) / 7) / 2;
    // Per half: hi = sum of the products' high words, lo = sum of their low words mod 2^64,
    // top = sum of their low words' top 32 bits (exact: below 586 * 2^32).
    long hi1 = 0;
    long lo1 = 0;
    long top1 = 0;
    long hi2 = 0;
    long lo2 = 0;
    long top2 = 0;
    // Pairs j >= 1 are blocks 2j-1 and 2j, at bytes 14j-7 and 14j: each one 8-byte load while
    // the second ends inside the token, which leaves at most one pair after these.
    int fast = Math.min(pairs - 1, n >= 8 ? (n - 8) / 14 : 0);
    for (int j = 1; j <= fast; j++) {
      long x = (long) LONGS.get(b, 14 * j - 7) & MASK56;
      long y = (long) LONGS.get(b, 14 * j) & MASK56;
      long a1 = x + k[4 * j];
      long b1 = y + k[4 * j + 2];
      long p1 = a1 * b1;
      hi1 += Math.multiplyHigh(a1, b1);
      lo1 += p1;
      top1 += p1 >>> 32;
      long a2 = x + k[4 * j + 1];
      long b2 = y + k[4 * j + 3];
      long p2 = a2 * b2;
      hi2 += Math.multiplyHigh(a2, b2);
      lo2 += p2;
      top2 += p2 >>> 32;
    }
    // Pair 0 (length, first block) and the pair left, if any, each reduced on its own: kept out
    // of the loop, whose code is faster without them.
    long y0 = word(b, 1);
    long h1 = reduce(hi1, lo1, top1) + product(n, y0, k[0], k[2]);
    long h2 = reduce(hi2, lo2, top2) + product(n, y0, k[1], k[3]);
    int last = fast + 1;
    if (last < pairs) {
      long x = word(b, 2 * last);
      long y = word(b, 2 * last + 1);
      h1 += product(x, y, k[4 * last], k[4 * last + 2]);
      h2 += product(x, y, k[4 * last + 1], k[4 * last + 3]);
    }
    return new Key(fold(h1), fold(h2));
  }

  // Word i >= 1: block i-1, seven bytes little-endian, zero past the end.
  private static long word(byte[] b, int i) {
    int from = 7 * (i - 1);
    int n = b.length;
    if (from + 8 <= n) {
      return (long) LONGS.get(b, from) & MASK56;
    }
    if (from >= n) {
      return 0;
    }
    if (n >= 8) {
      // The token's last eight bytes, shifted so that byte from comes first: seven at most left.
      return (long) LONGS.get(b, n - 8) >>> 8 * (from - (n - 8));
    }
    long w = 0;
    for (int k = n - 1; k >= from; k--) {
      w = w << 8 | (b[k] & 0xFF);
    }
    return w;
  }

  // (x + kx)(y + ky) mod p, for words and keys below 2^56.
  private static long product(long x, long y, long kx, long ky) {
    long a = x + kx;
    long c = y + ky;
    long low = a * c;
    return reduce(Math.multiplyHigh(a, c), low, low >>> 32);
  }

  // s mod p for s below 2^63: three residues below p added up.
  private static long fold(long s) {
    long r = (s & P) + (s >>> 61);
    return r >= P ? r - P : r;
  }

  /**
   * {@code S mod p} for the sum {@code S} of at most {@code MAX_WORDS / 2} products below
   * {@code 2^114}, given {@code hi}, the sum of their high words (below {@code 2^60}), {@code lo},
   * the sum of their low words modulo {@code 2^64}, and {@code top}, the exact sum of their low
   * words' top 32 bits (below {@code 2^42}).
   *
   * <p>The low words sum exactly to {@code top * 2^32 + rest}, where {@code rest}, the sum of their
   * bottom 32 bits, is below {@code 2^42}; as {@code rest} is below {@code 2^64} it is exactly
   * {@code lo - top * 2^32 mod 2^64}. So {@code S = hi * 2^64 + top * 2^32 + rest}, reduced with
   * {@code 2^61 = 1 (mod p)}: {@code hi * 2^64 = 8 hi}, {@code top * 2^32 = (top >>> 29) +
   * ((top << 32) & p)}.
   */
  static long reduce(long hi, long lo, long top) {
    long rest = lo - (top << 32);
    long h = hi << 3; // below 2^63
    long s = (h & P) + (h >>> 61) + (top >>> 29) + ((top << 32) & P) + rest; // below 2^63
    return fold(s);
  }

  private static long[] keys(SecureRandom random) {
    long[] out = new long[MAX_WORDS];
    for (int i = 0; i < out.length; i++) {
      out[i] = random.nextLong() >>> 8;
    }
    return out;
  }

  /**
   * A token's digest, the cache's key. Equal when both halves are; the hash code mixes both, and
   * as they depend on the secret keys, an attacker cannot aim tokens at one bucket.
   */
  static class Key {
    final long h1;
    final long h2;

    Key(long h1, long h2) {
      this.h1 = h1;
      this.h2 = h2;
    }

    @Override
    public final boolean equals(Object o) {
      return o instanceof Key k && k.h1 == h1 && k.h2 == h2;
    }

    @Override
    public final int hashCode() {
      return (int) (h1 ^ h1 >>> 32 ^ h2);
    }

    @Override
    public String toString() {
      return "TokenDigest.Key[**********]";
    }
  }
}
