package io.admin.auth.core.verify;

import static io.admin.auth.core.verify.TestJws.AUDIENCE;
import static io.admin.auth.core.verify.TestJws.ISSUER;
import static io.admin.auth.core.verify.TestJws.KEYS;
import static io.admin.auth.core.verify.TestJws.T0;
import static io.admin.auth.core.verify.TestJws.claims;
import static io.admin.auth.core.verify.TestJws.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cache's own accounting: what it holds, its two bounds, and what it evicts first. Entries are
 * real verifications of HS256 tokens of equal length, so every entry costs the same bytes.
 */
class VerifiedTokenCacheTest {

  private static final long NOW = T0.getEpochSecond();

  private final AccessTokenVerifier verifier = AccessTokenVerifier.builder().issuer(ISSUER)
      .audience(AUDIENCE).clock(new MutableClock(T0)).keys(TestJws.RING::find)
      .revocationStore(new InMemoryRevocationStore()).cacheEnabled(false).build();

  /** A valid token with jti {@code jti-NNNN} (four digits, so all have one length). */
  private static String token(int n, Instant expiresAt) {
    Map<String, Object> c = claims(expiresAt.minusSeconds(3600)); // issued an hour before
    c.put("jti", String.format("jti-%04d", n));
    return TestJws.token(SigningAlgorithm.HS256, c);
  }

  private static String token(int n) {
    return token(n, T0.plusSeconds(3600));
  }

  private VerifiedTokenCache.Entry entry(String token) {
    Checked verified = verifier.check(token, true);
    assertNotNull(verified.outcome(), token);
    return new VerifiedTokenCache.Entry(verified, VerifiedTokenCache.estimatedBytes(token));
  }

  private static final long EACH = VerifiedTokenCache.estimatedBytes(token(0));

  private List<String> fill(VerifiedTokenCache cache, int from, int count) {
    List<String> tokens = new ArrayList<>();
    for (int n = from; n < from + count; n++) {
      String t = token(n);
      cache.put(t, entry(t), NOW);
      tokens.add(t);
    }
    return tokens;
  }

  @Test
  void estimatedBytesWhenAnyTokenThenOverheadPlusThreeBytesPerCharacter() {
    assertEquals(2048 + 3 * 10, VerifiedTokenCache.estimatedBytes("x".repeat(10)));
    assertEquals(2048, VerifiedTokenCache.ENTRY_OVERHEAD_BYTES);
  }

  @Test
  void constructorWhenABoundBelowOneThenIllegalArgumentAndOneIsEnough() {
    assertThrows(IllegalArgumentException.class, () -> new VerifiedTokenCache(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new VerifiedTokenCache(1, 0));
    VerifiedTokenCache one = new VerifiedTokenCache(1, EACH);
    String t = token(1);
    one.put(t, entry(t), NOW);
    assertEquals(1, one.size());
  }

  @Test
  void putWhenSameTokenTwiceThenCountedOnceAndRemoveOnlyForItsOwnEntry() {
    VerifiedTokenCache cache = new VerifiedTokenCache(10, 100 * EACH);
    String t = token(1);
    VerifiedTokenCache.Entry first = entry(t);
    cache.put(t, first, NOW);
    cache.put(t, entry(t), NOW);

    assertSame(first, cache.get(t));
    assertEquals(1, cache.size());
    assertEquals(EACH, cache.bytes());

    cache.remove(t, entry(token(2)));
    assertSame(first, cache.get(t), "another token's entry must not remove this one");
    cache.remove(t, first);
    assertNull(cache.get(t));
    assertEquals(0, cache.size());
    assertEquals(0, cache.bytes());
  }

  @Test
  void putWhenEntryAloneExceedsTheByteBoundThenNotCachedNorEvictingAndExactlyTheBoundIs() {
    String t = token(1);
    VerifiedTokenCache exact = new VerifiedTokenCache(10, EACH);
    exact.put(t, entry(t), NOW);
    assertEquals(1, exact.size());
    assertEquals(EACH, exact.bytes());

    Map<String, Object> big = claims(T0);
    big.put("pad", "x".repeat(10));
    String oversized = TestJws.token(SigningAlgorithm.HS256, big);
    exact.put(oversized, entry(oversized), NOW);

    assertNull(exact.get(oversized));
    assertNotNull(exact.get(t), "a token too large to cache must not evict the others");
    assertEquals(1, exact.size());
    assertEquals(0, new VerifiedTokenCache(1, 1).size(), "bounds of one are valid, if useless");
  }

  @Test
  void putWhenEntryBoundReachedThenAboutAnEighthEvictedAndTheNewTokenCached() {
    // Bytes allow a seventeenth entry; only the entry bound is reached.
    VerifiedTokenCache cache = new VerifiedTokenCache(16, 17 * EACH);
    fill(cache, 0, 16);
    assertEquals(16, cache.size(), "filled up to the bound before anything is evicted");

    String newcomer = token(99);
    cache.put(newcomer, entry(newcomer), NOW);

    assertNotNull(cache.get(newcomer));
    assertTrue(cache.size() <= 16 - 2 + 1, "at least an eighth made room: " + cache.size());
    assertTrue(cache.size() >= 16 - 4 + 1, "evicted far more than an eighth: " + cache.size());
    assertEquals(cache.size() * EACH, cache.bytes());
  }

  @Test
  void putWhenByteBoundReachedThenAnEighthOfTheBytesEvicted() {
    // Entries allow an eleventh token; only the byte bound is reached.
    VerifiedTokenCache cache = new VerifiedTokenCache(16, 10 * EACH);
    fill(cache, 0, 10);
    assertEquals(10 * EACH, cache.bytes(), "filled up to the bound before anything is evicted");

    String newcomer = token(99);
    cache.put(newcomer, entry(newcomer), NOW);

    // An eighth of ten entries' bytes is one and a quarter entries: two go.
    assertNotNull(cache.get(newcomer));
    assertEquals(10 - 2 + 1, cache.size());
    assertEquals((10 - 2 + 1) * EACH, cache.bytes());
  }

  @Test
  void putWhenFullThenEveryExpiredEntryGoesBeforeAnyLiveOne() {
    VerifiedTokenCache cache = new VerifiedTokenCache(4, 4 * EACH);
    String expiringNow1 = token(1, T0);
    String expiringNow2 = token(2, T0);
    cache.put(expiringNow1, entry(expiringNow1, T0), NOW - 60);
    cache.put(expiringNow2, entry(expiringNow2, T0), NOW - 60);
    List<String> live = fill(cache, 10, 2);

    String newcomer = token(99);
    cache.put(newcomer, entry(newcomer), NOW);

    assertNull(cache.get(expiringNow1));
    assertNull(cache.get(expiringNow2));
    for (String t : live) {
      assertNotNull(cache.get(t), "a live entry went while expired ones were left");
    }
    assertEquals(3, cache.size());
    assertEquals(3 * EACH, cache.bytes());
  }

  /** An entry for a token verified a minute before it expires at {@code expiresAt}. */
  private VerifiedTokenCache.Entry entry(String token, Instant expiresAt) {
    AccessTokenVerifier earlier = AccessTokenVerifier.builder().issuer(ISSUER).audience(AUDIENCE)
        .clock(new MutableClock(expiresAt.minusSeconds(60))).keys(TestJws.RING::find)
        .revocationStore(new InMemoryRevocationStore()).cacheEnabled(false).build();
    return new VerifiedTokenCache.Entry(earlier.check(token, true),
        VerifiedTokenCache.estimatedBytes(token));
  }

  @Test
  void rekeyWhenStillMappedThenUpdatedEntryElseTheGivenOne() {
    VerifiedTokenCache cache = new VerifiedTokenCache(10, 100 * EACH);
    String t = token(1);
    VerifiedTokenCache.Entry original = entry(t);
    cache.put(t, original, NOW);
    SigningKey hs = KEYS.get(SigningAlgorithm.HS256);
    SigningKey sameMaterial = new SigningKey(hs.kid(), hs.algorithm(), hs.state(), hs.createdAt(),
        hs.activatedAt(), hs.retiredAt(), hs.signingKey(), hs.verificationKey());

    VerifiedTokenCache.Entry rekeyed = cache.rekey(t, original, sameMaterial);

    assertSame(sameMaterial, rekeyed.key());
    assertSame(rekeyed, cache.get(t));
    assertEquals(EACH, cache.bytes());
    VerifiedTokenCache.Entry stale = entry(token(2));
    assertSame(stale, cache.rekey(t, stale, hs), "the entry changed meanwhile: no rekey");
    assertSame(rekeyed, cache.get(t));
  }

  @Test
  void removeIfWhenSomeKeysUntrustedThenTheirEntriesAndBytesGo() {
    VerifiedTokenCache cache = new VerifiedTokenCache(10, 100 * EACH);
    fill(cache, 0, 3);
    String rs = TestJws.token(SigningAlgorithm.RS256, claims(T0));
    cache.put(rs, entry(rs), NOW);
    long rsBytes = VerifiedTokenCache.estimatedBytes(rs);

    assertEquals(3, cache.removeIf(k -> k.algorithm() == SigningAlgorithm.HS256));

    assertEquals(1, cache.size());
    assertEquals(rsBytes, cache.bytes());
  }
}
