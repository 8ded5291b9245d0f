package io.admin.auth.core.verify;

import static io.admin.auth.core.verify.TestJws.AUDIENCE;
import static io.admin.auth.core.verify.TestJws.ISSUER;
import static io.admin.auth.core.verify.TestJws.KEYS;
import static io.admin.auth.core.verify.TestJws.T0;
import static io.admin.auth.core.verify.TestJws.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cache's own accounting: what it holds, its two bounds, and what it evicts first. Entries are
 * real verifications of HS256 tokens, each counted as {@link #EACH} bytes unless a test says
 * otherwise, so the byte bound is exact arithmetic.
 */
class VerifiedTokenCacheTest {

  private static final long NOW = T0.getEpochSecond();
  private static final long EACH = 1_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final AccessTokenVerifier VERIFIER = verifierAt(T0);

  private static AccessTokenVerifier verifierAt(Instant now) {
    return AccessTokenVerifier.builder().issuer(ISSUER).audience(AUDIENCE)
        .clock(new MutableClock(now)).keys(TestJws.RING::find)
        .revocationStore(new InMemoryRevocationStore()).cacheEnabled(false).build();
  }

  /** A valid token with jti {@code jti-NNNN}, issued an hour before {@code expiresAt}. */
  private static String token(int n, Instant expiresAt) {
    Map<String, Object> c = claims(expiresAt.minusSeconds(3600));
    c.put("jti", String.format("jti-%04d", n));
    return TestJws.token(SigningAlgorithm.HS256, c);
  }

  static String token(int n) {
    return token(n, T0.plusSeconds(3600));
  }

  static Checked verified(String token) {
    Checked verified = VERIFIER.check(token, true);
    assertNotNull(verified.outcome(), token);
    return verified;
  }

  static VerifiedTokenCache cache(int maxEntries, long maxBytes) {
    return new VerifiedTokenCache(maxEntries, maxBytes, RANDOM);
  }

  /** Numbered tokens ({@code base} plus a number) put into and used from one cache. */
  static final class Tokens {
    private final VerifiedTokenCache cache;
    private final int base;

    Tokens(VerifiedTokenCache cache, int base) {
      this.cache = cache;
      this.base = base;
    }

    void put(int i) {
      String t = token(base + i);
      cache.put(t, verified(t), EACH, NOW);
    }

    /** A hit for token {@code i}, which must be cached. */
    void use(int i) {
      assertNotNull(get(i), "token " + i);
    }

    VerifiedTokenCache.Entry get(int i) {
      return cache.get(token(base + i));
    }
  }

  private static List<String> fill(VerifiedTokenCache cache, int from, int count) {
    List<String> tokens = new ArrayList<>();
    for (int n = from; n < from + count; n++) {
      String t = token(n);
      cache.put(t, verified(t), EACH, NOW);
      tokens.add(t);
    }
    return tokens;
  }

  @Test
  void constructorWhenABoundBelowOneThenIllegalArgumentAndOneIsEnough() {
    assertThrows(IllegalArgumentException.class, () -> cache(0, 1));
    assertThrows(IllegalArgumentException.class, () -> cache(1, 0));
    assertThrows(NullPointerException.class, () -> new VerifiedTokenCache(1, 1, null));
    VerifiedTokenCache one = cache(1, 1);
    String t = token(1);
    one.put(t, verified(t), 1, NOW);
    assertEquals(1, one.size());
    assertEquals(1, one.bytes());
  }

  @Test
  void putWhenSameTokenTwiceThenCountedOnceAndRemoveOnlyForItsOwnEntry() {
    VerifiedTokenCache cache = cache(10, 100 * EACH);
    String t = token(1);
    Checked first = verified(t);
    cache.put(t, first, EACH, NOW);
    cache.put(new String(t), verified(t), EACH, NOW);

    VerifiedTokenCache.Entry entry = cache.get(t);
    assertSame(first, entry.verified);
    assertSame(first.outcome(), entry.outcome());
    assertEquals(1, cache.size());
    assertEquals(EACH, cache.bytes());

    VerifiedTokenCache other = cache(10, 100 * EACH);
    String t2 = token(2);
    other.put(t2, verified(t2), EACH, NOW);
    cache.remove(other.get(t2));
    assertSame(entry, cache.get(t), "another token's entry must not remove this one");

    cache.remove(entry);
    assertNull(cache.get(t));
    assertEquals(0, cache.size());
    assertEquals(0, cache.bytes());

    cache.put(t, first, EACH, NOW);
    cache.remove(entry);
    assertNotNull(cache.get(t), "an entry already removed must not remove its successor");
    assertEquals(EACH, cache.bytes());
  }

  @Test
  void getWhenOtherTokenOrTooLongThenNull() {
    VerifiedTokenCache cache = cache(10, 100 * EACH);
    String t = token(1);
    cache.put(t, verified(t), EACH, NOW);
    assertNull(cache.get(token(2)));
    assertNull(cache.get(t + "x".repeat(AccessTokenVerifier.MAX_TOKEN_CHARS)));
  }

  @Test
  void putWhenEntryAloneExceedsTheByteBoundThenNotCachedNorEvictingAndExactlyTheBoundIs() {
    VerifiedTokenCache exact = cache(10, EACH);
    String t = token(1);
    exact.put(t, verified(t), EACH, NOW);
    assertEquals(1, exact.size());
    assertEquals(EACH, exact.bytes());

    String oversized = token(2);
    exact.put(oversized, verified(oversized), EACH + 1, NOW);

    assertNull(exact.get(oversized));
    assertNotNull(exact.get(t), "a token too large to cache must not evict the others");
    assertEquals(1, exact.size());
    assertEquals(EACH, exact.bytes());
  }

  @Test
  void putWhenEntryBoundReachedThenTheOldestUnusedEvictedAndTheNewTokenCached() {
    // Bytes allow a seventeenth entry; only the entry bound is reached.
    VerifiedTokenCache cache = cache(16, 17 * EACH);
    List<String> tokens = fill(cache, 0, 16);
    assertEquals(16, cache.size(), "filled up to the bound before anything is evicted");

    String newcomer = token(99);
    cache.put(newcomer, verified(newcomer), EACH, NOW);

    assertNotNull(cache.get(newcomer));
    assertNull(cache.get(tokens.get(0)), "first in, never used again: first out");
    for (String t : tokens.subList(1, 16)) {
      assertNotNull(cache.get(t), "one eviction makes room for one entry");
    }
    assertEquals(16, cache.size());
    assertEquals(16 * EACH, cache.bytes());
  }

  @Test
  void putWhenByteBoundReachedThenEvictedUntilTheNewEntryFits() {
    // Entries allow an eleventh token; only the byte bound is reached.
    VerifiedTokenCache cache = cache(16, 10 * EACH);
    List<String> tokens = fill(cache, 0, 10);
    assertEquals(10 * EACH, cache.bytes(), "filled up to the bound before anything is evicted");

    String big = token(99);
    cache.put(big, verified(big), 2 * EACH + 1, NOW);

    // Two and a bit entries' bytes: the three oldest go, no more.
    assertNotNull(cache.get(big));
    assertNull(cache.get(tokens.get(2)));
    assertNotNull(cache.get(tokens.get(3)));
    assertEquals(10 - 3 + 1, cache.size());
    assertEquals(7 * EACH + 2 * EACH + 1, cache.bytes());
  }

  @Test
  void putWhenFullThenAnExpiredEntryGoesEvenIfUsedWhileUsedLiveOnesStay() {
    // The expired entry came in last, so first in, first out alone would evict a live one.
    VerifiedTokenCache cache = cache(3, 3 * EACH);
    List<String> live = fill(cache, 10, 2);
    String expired = token(1, T0);
    cache.put(expired, verifierAt(T0.minusSeconds(60)).check(expired, true), EACH, NOW - 60);
    for (String t : List.of(expired, live.get(0), live.get(1))) {
      assertNotNull(cache.get(t));
    }

    String newcomer = token(99);
    cache.put(newcomer, verified(newcomer), EACH, NOW);

    assertNull(cache.get(expired), "used, but expired: not worth keeping");
    for (String t : live) {
      assertNotNull(cache.get(t), "a used live entry went while an expired one was there");
    }
    assertNotNull(cache.get(newcomer));
    assertEquals(3 * EACH, cache.bytes());
  }

  @Test
  void rekeyWhenKeyReloadedThenEntryAnswersWithTheNewKeyObject() {
    VerifiedTokenCache cache = cache(10, 100 * EACH);
    String t = token(1);
    Checked original = verified(t);
    cache.put(t, original, EACH, NOW);
    SigningKey hs = KEYS.get(SigningAlgorithm.HS256);
    SigningKey sameMaterial = new SigningKey(hs.kid(), hs.algorithm(), hs.state(), hs.createdAt(),
        hs.activatedAt(), hs.retiredAt(), hs.signingKey(), hs.verificationKey());

    Checked rekeyed = cache.rekey(cache.get(t), sameMaterial);

    assertSame(sameMaterial, rekeyed.key());
    assertSame(original.outcome(), rekeyed.outcome());
    assertSame(original.parsed(), rekeyed.parsed());
    assertSame(rekeyed, cache.get(t).verified);
    assertEquals(EACH, cache.bytes());
  }

  @Test
  void removeIfWhenSomeKeysUntrustedThenTheirEntriesAndBytesGo() {
    VerifiedTokenCache cache = cache(10, 100 * EACH);
    fill(cache, 0, 3);
    String rs = TestJws.token(SigningAlgorithm.RS256, claims(T0));
    cache.put(rs, verified(rs), 7, NOW);

    assertEquals(3, cache.removeIf(k -> k.algorithm() == SigningAlgorithm.HS256));

    assertEquals(1, cache.size());
    assertEquals(7, cache.bytes());
    assertNotNull(cache.get(rs));
    assertEquals(0, cache.removeIf(k -> false));
  }
}
