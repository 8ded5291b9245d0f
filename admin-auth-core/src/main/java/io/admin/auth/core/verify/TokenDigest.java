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
 * over the same blocks does, and no reduction until the end. Thread-safe and immutable after
 * construction.
 */
final class TokenDigest {

  /** p = 2^61 - 1, a Mersenne prime: reduction is shifts and adds. */
  static final long P = (1L << 61) - 1;
  /** Keys per half: the length word, the blocks of the longest token, one word of padding. */
  static final int MAX_WORDS = 2 + (AccessTokenVerifier.MAX_TOKEN_CHARS + 6) / 7;

  private static final long MASK56 = (1L << 56) - 1;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final long[] keys1;
  private final long[] keys2;

  /** Draws the two halves' keys from {@code random}. */
  TokenDigest(SecureRandom random) {
    this(keys(random), keys(random));
  }

  // For tests: the keys themselves, each below 2^56, MAX_WORDS of them.
  TokenDigest(long[] keys1, long[] keys2) {
    if (keys1.length != MAX_WORDS || keys2.length != MAX_WORDS) {
      throw new IllegalArgumentException("keys");
    }
    this.keys1 = keys1.clone();
    this.keys2 = keys2.clone();
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
    long[] k1 = keys1;
    long[] k2 = keys2;
    int pairs = (2 + (b.length + 6) / 7) / 2;
    // Pair 0 is (length, first block).
    long x = b.length;
    long y = word(b, 1);
    long a1 = x + k1[0];
    long b1 = y + k1[1];
    long lo1 = a1 * b1;
    long hi1 = Math.multiplyHigh(a1, b1);
    long a2 = x + k2[0];
    long b2 = y + k2[1];
    long lo2 = a2 * b2;
    long hi2 = Math.multiplyHigh(a2, b2);
    // Pairs whose two blocks can each be read as one 8-byte load: block 2j-1 at 14j-7, 2j at 14j.
    int fast = Math.min(pairs - 1, b.length >= 8 ? (b.length - 8) / 14 : 0);
    int j = 1;
    for (; j <= fast; j++) {
      x = (long) LONGS.get(b, 14 * j - 7) & MASK56;
      y = (long) LONGS.get(b, 14 * j) & MASK56;
      a1 = x + k1[2 * j];
      b1 = y + k1[2 * j + 1];
      long p1 = a1 * b1;
      lo1 += p1;
      hi1 += Math.multiplyHigh(a1, b1) + (Long.compareUnsigned(lo1, p1) < 0 ? 1 : 0);
      a2 = x + k2[2 * j];
      b2 = y + k2[2 * j + 1];
      long p2 = a2 * b2;
      lo2 += p2;
      hi2 += Math.multiplyHigh(a2, b2) + (Long.compareUnsigned(lo2, p2) < 0 ? 1 : 0);
    }
    for (; j < pairs; j++) {
      x = word(b, 2 * j);
      y = word(b, 2 * j + 1);
      a1 = x + k1[2 * j];
      b1 = y + k1[2 * j + 1];
      long p1 = a1 * b1;
      lo1 += p1;
      hi1 += Math.multiplyHigh(a1, b1) + (Long.compareUnsigned(lo1, p1) < 0 ? 1 : 0);
      a2 = x + k2[2 * j];
      b2 = y + k2[2 * j + 1];
      long p2 = a2 * b2;
      lo2 += p2;
      hi2 += Math.multiplyHigh(a2, b2) + (Long.compareUnsigned(lo2, p2) < 0 ? 1 : 0);
    }
    return new Key(reduce(hi1, lo1), reduce(hi2, lo2));
  }

  // Word i >= 1: block i-1, seven bytes little-endian, zero past the end.
  private static long word(byte[] b, int i) {
    int from = 7 * (i - 1);
    long w = 0;
    for (int k = Math.min(b.length, from + 7) - 1; k >= from; k--) {
      w = w << 8 | (b[k] & 0xFF);
    }
    return w;
  }

  // (hi * 2^64 + lo) mod p for hi below 2^60, using 2^61 = 1 (mod p).
  private static long reduce(long hi, long lo) {
    long s = (lo & P) + (lo >>> 61) + (hi << 3);
    s = (s & P) + (s >>> 61);
    return s >= P ? s - P : s;
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
