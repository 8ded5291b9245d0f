package io.admin.auth.core.verify;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * A secret-keyed 128-bit digest of a whole token, which the verified-token cache stores and
 * compares instead of the token itself: two polynomial hashes modulo the prime {@code p = 2^61 - 1}
 * at independent secret points {@code r1}, {@code r2} drawn from the injected {@link SecureRandom}
 * when the cache is made, never exposed.
 *
 * <p>Encoding: the token's characters as US-ASCII bytes (a character outside ASCII becomes
 * {@code '?'}, which no token that verified contains, so a token with such a character never
 * matches one that is cached), cut into 7-byte blocks {@code m_1 .. m_n} (the last zero-padded;
 * each below {@code 2^56 < p}), and its length {@code L}. Each half is {@code h(r) = L + m_1 r +
 * m_2 r^2 + ... + m_n r^n mod p}. The encoding is injective: tokens of different lengths differ
 * in the constant term; tokens of the same length differ in some block.
 *
 * <p>Collision bound: for two different tokens {@code h(r)} agree only where the non-zero
 * difference polynomial, of degree at most {@code d = }{@value #MAX_BLOCKS}, has a root, so at
 * most {@code d} of the {@code p} points; with {@code r1}, {@code r2} uniform and independent, both
 * halves agree with probability at most {@code (d/p)^2 < 2^-101}. A lookup matches a wrong entry
 * only if its digest equals the entry's, so with {@code E} entries cached a lookup is a false hit
 * with probability below {@code E * 2^-101}: under {@code 2^-84} for 100,000 entries, for any
 * choice of tokens, since nothing the attacker can see depends on {@code r1, r2} beyond hit or
 * miss, and a miss rules out few points. Every character takes part, so a token whose signature is
 * cached but whose header or payload was changed is a different digest and is verified from
 * scratch.
 *
 * <p>Speed: the powers {@code r^i} are computed once (a table of {@value #MAX_BLOCKS} per half),
 * so the sum has no dependency chain: the products of a 56-bit block and a 61-bit power are
 * accumulated in 128 bits (at most {@value #MAX_BLOCKS} of them, below {@code 2^128}) and reduced
 * once. Thread-safe and immutable after construction.
 */
final class TokenDigest {

  /** p = 2^61 - 1, a Mersenne prime: reduction is shifts and adds. */
  static final long P = (1L << 61) - 1;
  /** Blocks in the longest token the verifier accepts. */
  static final int MAX_BLOCKS = (AccessTokenVerifier.MAX_TOKEN_CHARS + 6) / 7;

  private static final long MASK56 = (1L << 56) - 1;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final long[] powers1;
  private final long[] powers2;

  /** Draws the two secret points from {@code random}. */
  TokenDigest(SecureRandom random) {
    this(point(random), point(random));
  }

  // For tests: the points themselves.
  TokenDigest(long r1, long r2) {
    powers1 = powers(r1);
    powers2 = powers(r2);
  }

  /**
   * The digest of {@code token} as a probe for the cache, or {@code null} for a token too long to
   * have verified.
   */
  Key of(String token) {
    if (token.length() > AccessTokenVerifier.MAX_TOKEN_CHARS) {
      return null;
    }
    byte[] b = token.getBytes(StandardCharsets.US_ASCII);
    long lo1 = 0;
    long hi1 = 0;
    long lo2 = 0;
    long hi2 = 0;
    int full = b.length >= 8 ? (b.length - 1) / 7 : 0; // blocks readable as one 8-byte load
    for (int i = 0; i < full; i++) {
      long m = (long) LONGS.get(b, i * 7) & MASK56;
      long p1 = powers1[i];
      long l1 = m * p1;
      lo1 += l1;
      hi1 += Math.multiplyHigh(m, p1) + (Long.compareUnsigned(lo1, l1) < 0 ? 1 : 0);
      long p2 = powers2[i];
      long l2 = m * p2;
      lo2 += l2;
      hi2 += Math.multiplyHigh(m, p2) + (Long.compareUnsigned(lo2, l2) < 0 ? 1 : 0);
    }
    long[] acc = {lo1, hi1, lo2, hi2};
    for (int i = full; i * 7 < b.length; i++) {
      long m = 0;
      for (int j = Math.min(b.length, i * 7 + 7) - 1; j >= i * 7; j--) {
        m = m << 8 | (b[j] & 0xFF);
      }
      add(acc, 0, m, powers1[i]);
      add(acc, 2, m, powers2[i]);
    }
    long h1 = reduce(acc[1], acc[0], b.length);
    long h2 = reduce(acc[3], acc[2], b.length);
    return new Key(h1, h2);
  }

  private static void add(long[] acc, int at, long m, long power) {
    long l = m * power;
    acc[at] += l;
    acc[at + 1] += Math.multiplyHigh(m, power) + (Long.compareUnsigned(acc[at], l) < 0 ? 1 : 0);
  }

  // (hi * 2^64 + lo + length) mod p, using 2^61 = 1 (mod p).
  private static long reduce(long hi, long lo, int length) {
    long s = (lo & P) + (lo >>> 61) + ((hi & ((1L << 58) - 1)) << 3) + (hi >>> 58) + length;
    s = (s & P) + (s >>> 61);
    s = (s & P) + (s >>> 61);
    return s == P ? 0 : s;
  }

  private static long point(SecureRandom random) {
    // Uniform over [0, p): rejection of the few values at or above p.
    while (true) {
      long r = random.nextLong() >>> 3;
      if (r < P) {
        return r;
      }
    }
  }

  private static long[] powers(long r) {
    long[] out = new long[MAX_BLOCKS];
    long x = r;
    for (int i = 0; i < out.length; i++) {
      out[i] = x;
      x = mulMod(x, r);
    }
    return out;
  }

  private static long mulMod(long a, long b) {
    return reduce(Math.multiplyHigh(a, b), a * b, 0);
  }

  /**
   * A token's digest, the cache's key. Equal when both halves are; the hash mixes both, so a
   * table's buckets reveal nothing an attacker could use without {@code r1, r2}.
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
