package io.admin.auth.core.verify;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * How the verified-token cache finds a token: by the whole token, compared with
 * {@link String#equals} (so a hit is never a different token, however it was crafted), in the
 * bucket of a secret-keyed hash of the token's length and last {@value Hasher#HASHED_CHARS}
 * characters.
 *
 * <p>Hashing only the end keeps a lookup cheap whatever the token's length (the comparison that
 * follows is the JDK's vectorised array compare); the end of a signed token is its signature,
 * which differs between any two tokens that verified. The hash is keyed by a secret drawn when the
 * cache is made, and only tokens that verified are inserted, so no one can aim tokens at one
 * bucket; {@code String.hashCode}, unkeyed and over every character, would be both predictable and
 * slower.
 */
class TokenKey {
  /** The token itself. */
  final String token;
  /** Its {@link Hasher#hash} under the cache's key. */
  final int hash;

  TokenKey(String token, int hash) {
    this.token = Objects.requireNonNull(token, "token");
    this.hash = hash;
  }

  @Override
  public final boolean equals(Object o) {
    return o instanceof TokenKey k && k.hash == hash && k.token.equals(token);
  }

  @Override
  public final int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "TokenKey[**********]";
  }

  /**
   * A secret-keyed hash of a token's length and last {@value #HASHED_CHARS} characters: one NH
   * universal hash (as in UMAC) modulo the prime {@code p = 2^61 - 1}, under keys drawn from the
   * injected {@link SecureRandom} and never exposed. Words {@code w_0 = L} (the length) and
   * {@code w_1 .. w_3} (the last characters in blocks of seven, each character's low byte, the
   * first block zero-padded when the token is shorter), each below {@code 2^56}; the hash is
   * {@code (w_0 + k_0)(w_1 + k_1) + (w_2 + k_2)(w_3 + k_3) mod p}, folded to 32 bits. The last 21
   * characters of a signed token are signature: about 126 random bits, plenty to spread buckets.
   * Two tokens whose words differ collide with probability at most {@code 2^-56} over the keys
   * before folding. Thread-safe and immutable after construction.
   */
  static final class Hasher {
    /** How many trailing characters of a token are hashed. */
    static final int HASHED_CHARS = 21;
    static final long P = (1L << 61) - 1;
    private static final int WORDS = 1 + HASHED_CHARS / 7;

    private final long[] keys;

    /** Draws the keys from {@code random}. */
    Hasher(SecureRandom random) {
      this(keys(random));
    }

    // For tests: the keys themselves, each below 2^56.
    Hasher(long[] keys) {
      if (keys.length != WORDS) {
        throw new IllegalArgumentException("keys");
      }
      this.keys = keys.clone();
    }

    /** The key to look {@code token} up by. */
    TokenKey key(String token) {
      return new TokenKey(token, hash(token));
    }

    /** The keyed hash of {@code token}. */
    int hash(String token) {
      int n = token.length();
      long[] k = keys;
      long h = 0;
      int end = n;
      // Blocks 3, 2, 1 end at n, n - 7, n - 14: block 1 holds what remains, zero-padded.
      long prev = 0; // the odd word read last, waiting for its partner
      for (int w = WORDS - 1; w >= 1; w--) {
        int from = Math.max(0, end - 7);
        long word = 0;
        for (int i = from; i < end; i++) {
          word = word << 8 | (token.charAt(i) & 0xFF);
        }
        end = from;
        if ((w & 1) == 1) {
          // The second word of pair (w - 1, w); its partner is read next.
          prev = word;
        } else {
          h = add(h, product(word, prev, k[w], k[w + 1]));
        }
      }
      h = add(h, product(n, prev, k[0], k[1]));
      return (int) (h ^ h >>> 32);
    }

    // (x + kx)(y + ky) mod p, for values below 2^56: the exact 114-bit product, reduced.
    private static long product(long x, long y, long kx, long ky) {
      long a = x + kx;
      long b = y + ky;
      long lo = a * b;
      long hi = Math.multiplyHigh(a, b); // below 2^50, as a and b are below 2^57
      // a * b = hi * 2^64 + lo, and 2^64 = 8 (mod p); the sum is below 2^62.
      return add(0, (lo & P) + (lo >>> 61) + (hi << 3));
    }

    // (h + s) mod p for h below p and s below 2^63.
    private static long add(long h, long s) {
      long r = h + (s & P) + (s >>> 61);
      r = (r & P) + (r >>> 61);
      return r >= P ? r - P : r;
    }

    private static long[] keys(SecureRandom random) {
      long[] out = new long[WORDS];
      for (int i = 0; i < out.length; i++) {
        out[i] = random.nextLong() >>> 8;
      }
      return out;
    }
  }
}
