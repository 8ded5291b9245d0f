package io.admin.auth.core.verify;

import io.admin.auth.core.ClaimNames;

import static io.admin.auth.core.verify.TestJws.AUDIENCE;
import static io.admin.auth.core.verify.TestJws.ISSUER;
import static io.admin.auth.core.verify.TestJws.KEYS;
import static io.admin.auth.core.verify.TestJws.T0;
import static io.admin.auth.core.verify.TestJws.claims;
import static io.admin.auth.core.verify.TestJws.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verified-token cache: a hit never outlives exp (with skew), revocation is checked on every
 * hit, a key leaving the ring takes its tokens with it, cached and uncached answers are identical,
 * and the bound holds under a flood of valid tokens.
 */
class AccessTokenVerifierCacheTest {

  private static final Duration SKEW = Duration.ofSeconds(30);
  private static final SigningKey RS = KEYS.get(SigningAlgorithm.RS256);
  private static final SigningKey HS = KEYS.get(SigningAlgorithm.HS256);

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryRevocationStore revocations = new InMemoryRevocationStore();
  private final List<AuditEvent> cachedEvents = new ArrayList<>();
  private final List<AuditEvent> uncachedEvents = new ArrayList<>();
  private final Map<String, SigningKey> ring = new HashMap<>();

  {
    KEYS.values().forEach(k -> ring.put(k.kid(), k));
  }

  private AccessTokenVerifierBuilder builder(List<AuditEvent> events) {
    return AccessTokenVerifier.builder().issuer(ISSUER).audience(AUDIENCE).clock(clock)
        .clockSkew(SKEW).keys(kid -> Optional.ofNullable(ring.get(kid)))
        .revocationStore(revocations).auditListener(events::add);
  }

  private final AccessTokenVerifier cached = builder(cachedEvents).build();
  private final AccessTokenVerifier uncached = builder(uncachedEvents).cacheEnabled(false).build();

  private static AuthErrorCode code(AuthOutcome outcome) {
    return assertInstanceOf(AuthOutcome.Rejected.class, outcome).error().code();
  }

  @Test
  void verifyWhenSameTokenTwiceThenSecondIsHitWithSamePrincipal() {
    String t = token(SigningAlgorithm.RS256, claims(T0));
    var first = assertInstanceOf(AuthOutcome.Authenticated.class, cached.verify(t));
    assertEquals(1, cached.cachedTokens());
    // A new String with the same characters is the same token: the key is compared by value.
    var second = assertInstanceOf(AuthOutcome.Authenticated.class, cached.verify(new String(t)));
    assertSame(first.principal(), second.principal());
  }

  @Test
  void verifyWhenCachedSignatureCarriesAnotherPayloadThenNotAHitAndRejected() {
    // The cache keys on the whole token: a forged payload under a cached token's signature is
    // verified from scratch, and fails there.
    String t = token(SigningAlgorithm.HS256, claims(T0));
    assertInstanceOf(AuthOutcome.Authenticated.class, cached.verify(t));
    Map<String, Object> forged = claims(T0);
    forged.put("scope", "admin");
    String other = token(SigningAlgorithm.HS256, forged);
    String riding = other.substring(0, other.lastIndexOf('.')) + t.substring(t.lastIndexOf('.'));
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(cached.verify(riding)));
    assertEquals("bad signature", lastReason(cachedEvents));
    assertEquals(1, cached.cachedTokens());
  }

  @Test
  void verifyWhenCacheDisabledThenNothingCached() {
    uncached.verify(token(SigningAlgorithm.RS256, claims(T0)));
    assertEquals(0, uncached.cachedTokens());
    assertEquals(0, uncached.cachedBytes());
  }

  @Test
  void verifyWhenHitAtExactlyExpPlusSkewThenExpiredWithSameDetailsAsUncached() {
    String t = token(SigningAlgorithm.RS256, claims(T0));
    assertInstanceOf(AuthOutcome.Authenticated.class, cached.verify(t));
    clock.set(T0.plusSeconds(3600).plus(SKEW).minusSeconds(1));
    assertInstanceOf(AuthOutcome.Authenticated.class, cached.verify(t), "last second within skew");

    clock.set(T0.plusSeconds(3600).plus(SKEW));
    AuthOutcome hit = cached.verify(t);
    AuthOutcome fresh = uncached.verify(t);
    assertEquals(AuthErrorCode.AUTH_TOKEN_EXPIRED, code(hit));
    assertEquals(fresh, hit);
    assertEquals(Map.of("issued_at", "2025-03-15T10:00:00Z", "expired_at", "2025-03-15T11:00:00Z"),
        assertInstanceOf(AuthOutcome.Rejected.class, hit).error().details());
    assertEquals(0, cached.cachedTokens(), "an expired token is dropped from the cache");
    assertEquals(reasons(uncachedEvents), reasons(cachedEvents));
  }

  @Test
  void verifyWhenHitLongAfterExpThenExpired() {
    String t = token(SigningAlgorithm.HS256, claims(T0));
    cached.verify(t);
    clock.set(T0.plus(Duration.ofDays(3)));
    assertEquals(AuthErrorCode.AUTH_TOKEN_EXPIRED, code(cached.verify(t)));
  }

  @Test
  void verifyWhenRevokedAfterCachingThenRevokedOnNextHit() {
    String t = token(SigningAlgorithm.RS256, claims(T0));
    assertInstanceOf(AuthOutcome.Authenticated.class, cached.verify(t));
    revocations.revokeAccessToken("jti-1", T0.plusSeconds(7200));
    assertEquals(AuthErrorCode.AUTH_TOKEN_REVOKED, code(cached.verify(t)));
    assertEquals(AuthErrorCode.AUTH_TOKEN_REVOKED, code(cached.verify(t)));
  }

  @Test
  void verifyWhenFamilyRevokedAfterCachingThenRevokedOnNextHit() {
    Map<String, Object> c = claims(T0);
    c.put(ClaimNames.FAMILY_ID, "fam-9");
    String t = token(SigningAlgorithm.RS256, c);
    assertInstanceOf(AuthOutcome.Authenticated.class, cached.verify(t));
    revocations.revokeFamily("fam-9", T0.plusSeconds(7200));
    assertEquals(AuthErrorCode.AUTH_TOKEN_REVOKED, code(cached.verify(t)));
  }

  @Test
  void verifyWhenKeyLeavesRingThenHitRejectedAsUnknownKid() {
    String t = token(SigningAlgorithm.RS256, claims(T0));
    assertInstanceOf(AuthOutcome.Authenticated.class, cached.verify(t));
    ring.remove(RS.kid());
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(cached.verify(t)));
    assertEquals("unknown kid", lastReason(cachedEvents));
    assertEquals(0, cached.cachedTokens());
  }

  @Test
  void verifyWhenKidNowNamesOtherKeyThenHitNotUsedAndSignatureRechecked() {
    String t = token(SigningAlgorithm.RS256, claims(T0));
    assertInstanceOf(AuthOutcome.Authenticated.class, cached.verify(t));
    SigningKey other = KEYS.get(SigningAlgorithm.PS256); // another RSA key, made once per JVM
    ring.put(RS.kid(), new SigningKey(RS.kid(), RS.algorithm(), RS.state(), RS.createdAt(),
        RS.activatedAt(), null, other.signingKey(), other.verificationKey()));
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(cached.verify(t)));
    assertEquals("bad signature", lastReason(cachedEvents));
  }

  @Test
  void verifyWhenKeyRetiredButStillInRingThenStillHit() {
    String t = token(SigningAlgorithm.RS256, claims(T0));
    var first = assertInstanceOf(AuthOutcome.Authenticated.class, cached.verify(t));
    ring.put(RS.kid(), RS.retire(T0.plusSeconds(1)));
    var again = assertInstanceOf(AuthOutcome.Authenticated.class, cached.verify(t));
    assertSame(first.principal(), again.principal(), "same key material: still a hit");
  }

  @Test
  void verifyWhenKeyReloadedAsNewObjectWithSameMaterialThenStillHitAndNothingEvicted() {
    // A persistent key store decodes its keys again on every reload: new objects, same keys.
    String t = token(SigningAlgorithm.RS256, claims(T0));
    var first = assertInstanceOf(AuthOutcome.Authenticated.class, cached.verify(t));
    SigningKey reloaded = SigningKey.fromEncoded(RS.kid(), RS.algorithm(), RS.state(),
        RS.createdAt(), RS.activatedAt(), null, RS.encodedSigningKey(),
        RS.encodedVerificationKey());
    ring.put(RS.kid(), reloaded);
    assertEquals(0, cached.evictUntrustedKeys());
    assertSame(first.principal(),
        assertInstanceOf(AuthOutcome.Authenticated.class, cached.verify(t)).principal());
    // The entry now holds the reloaded object: the old one (private key included) is not kept
    // alive by the cache, and later hits compare by identity again.
    assertSame(reloaded, cached.check(t, true).key());
    assertSame(first.principal(),
        assertInstanceOf(AuthOutcome.Authenticated.class, cached.verify(t)).principal());
  }

  @Test
  void evictUntrustedKeysWhenKeyRemovedThenItsTokensDroppedAtOnce() {
    cached.verify(token(SigningAlgorithm.RS256, claims(T0)));
    Map<String, Object> other = claims(T0);
    other.put("jti", "jti-2");
    cached.verify(token(SigningAlgorithm.HS256, other));
    assertEquals(2, cached.cachedTokens());
    ring.remove(RS.kid());
    assertEquals(1, cached.evictUntrustedKeys());
    assertEquals(1, cached.cachedTokens());
  }

  static List<Instant> times() {
    List<Instant> out = new ArrayList<>();
    for (long s : new long[] {-3600, -31, -30, -1, 0, 1, 1800, 3599, 3600, 3629, 3630, 3631,
        86_400}) {
      out.add(T0.plusSeconds(s));
    }
    return out;
  }

  /** The table's tokens, signed once per class. */
  private static final List<String> TOKENS = buildTokens();

  static List<String> tokens() {
    return TOKENS;
  }

  private static List<String> buildTokens() {
    List<String> out = new ArrayList<>();
    for (SigningAlgorithm alg : SigningAlgorithm.values()) {
      out.add(token(alg, claims(T0)));
    }
    Map<String, Object> nbfLater = claims(T0);
    nbfLater.put("nbf", T0.plusSeconds(600).getEpochSecond());
    out.add(token(SigningAlgorithm.HS256, nbfLater));
    Map<String, Object> revoked = claims(T0);
    revoked.put("jti", "revoked-jti");
    out.add(token(SigningAlgorithm.RS256, revoked));
    Map<String, Object> family = claims(T0);
    family.put(ClaimNames.FAMILY_ID, "revoked-family");
    family.put("jti", "jti-fam");
    out.add(token(SigningAlgorithm.ES256, family));
    Map<String, Object> wrongAud = claims(T0);
    wrongAud.put("aud", "https://other.test");
    out.add(token(SigningAlgorithm.RS256, wrongAud));
    out.add(token(SigningAlgorithm.HS256, claims(T0.minusSeconds(7200))));
    return List.copyOf(out);
  }

  @Test
  void verifyWhenSameTableThroughCacheThenAnswersIdenticalToUncached() {
    // Walks every time (in order, and then back) for every token, revoking one half-way, with the
    // cache warm from earlier times: hits must give exactly the uncached answer and audit reason.
    List<String> tokens = tokens();
    revocations.revokeFamily("revoked-family", T0.plus(Duration.ofDays(2)));
    List<Instant> walk = new ArrayList<>(times());
    List<Instant> back = new ArrayList<>(times());
    java.util.Collections.reverse(back);
    walk.addAll(back);
    int mostCached = 0;
    for (Instant now : walk) {
      clock.set(now);
      if (now.isAfter(T0.plusSeconds(1800))) {
        revocations.revokeAccessToken("revoked-jti", T0.plus(Duration.ofDays(2)));
      }
      for (String t : tokens) {
        for (int repeat = 0; repeat < 2; repeat++) {
          cachedEvents.clear();
          uncachedEvents.clear();
          AuthOutcome viaCache = cached.verify(t);
          AuthOutcome fresh = uncached.verify(t);
          assertEquals(describe(fresh), describe(viaCache), now + " " + t.substring(0, 20));
          assertEquals(reasons(uncachedEvents), reasons(cachedEvents), now.toString());
          mostCached = Math.max(mostCached, cached.cachedTokens());
        }
      }
    }
    assertTrue(mostCached >= 5, "the table must have exercised hits: " + mostCached);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.admin.auth.core.verify.AccessTokenVerifierHostileInputTest#hostileTokens")
  void verifyWhenHostileAfterWarmCacheThenSameAnswerAndReasonAsCold(String name, String reason,
      String token) {
    // A warm verifier has the valid token's header memoised and the token cached.
    String valid = token(SigningAlgorithm.RS256, claims(T0));
    cached.verify(valid);
    cached.verify(valid);
    cachedEvents.clear();
    assertEquals(describe(uncached.verify(token)), describe(cached.verify(token)), name);
    assertEquals(reasons(uncachedEvents), reasons(cachedEvents), name);
    assertInstanceOf(AuthOutcome.Authenticated.class, cached.verify(valid), name);
  }

  @ParameterizedTest(name = "{0} entries, {1} bytes")
  @MethodSource("floodBounds")
  void verifyWhenFloodOfDistinctValidTokensThenBoundsHoldAndAnswersStayRight(int entryBound,
      long byteBound) {
    AccessTokenVerifier small = builder(new ArrayList<>()).cacheMaxEntries(entryBound)
        .cacheMaxBytes(byteBound).build();
    int maxSeen = 0;
    long perToken = 0;
    for (int i = 0; i < 2_000; i++) {
      Map<String, Object> c = claims(T0);
      c.put("jti", "flood-" + i);
      String t = token(SigningAlgorithm.HS256, c);
      assertInstanceOf(AuthOutcome.Authenticated.class, small.verify(t), "token " + i);
      assertInstanceOf(AuthOutcome.Authenticated.class, small.verify(t), "repeat " + i);
      perToken = i == 0 ? small.cachedBytes() : perToken;
      maxSeen = Math.max(maxSeen, small.cachedTokens());
      assertTrue(small.cachedBytes() <= byteBound, "bytes " + small.cachedBytes());
      assertTrue(small.cachedTokens() <= entryBound, "entries " + small.cachedTokens());
    }
    // The tighter bound is used, not just respected.
    assertTrue(maxSeen >= Math.min(entryBound, byteBound / perToken) - 1, "entries " + maxSeen);
  }

  static List<Arguments> floodBounds() {
    // The byte bound tighter (64 KiB at ~700 bytes per token), then the entry bound.
    return List.of(Arguments.of(1_000, AccessTokenVerifierBuilder.MIN_CACHE_BYTES),
        Arguments.of(100, 1L << 20));
  }

  @Test
  void buildWhenCacheBoundsInvalidThenRejected() {
    assertThrows(IllegalArgumentException.class, () -> builder(cachedEvents).cacheMaxEntries(0)
        .build());
    assertThrows(IllegalArgumentException.class, () -> builder(cachedEvents)
        .cacheMaxBytes(AccessTokenVerifierBuilder.MIN_CACHE_BYTES - 1).build());
    // Off, the bounds are not used and not checked.
    assertEquals(0, builder(cachedEvents).cacheEnabled(false).cacheMaxEntries(0).build()
        .cachedTokens());
  }

  private static String describe(AuthOutcome outcome) {
    if (outcome instanceof AuthOutcome.Rejected r) {
      return "rejected " + r.error();
    }
    return "authenticated " + ((AuthOutcome.Authenticated) outcome).principal();
  }

  private static List<String> reasons(List<AuditEvent> events) {
    return events.stream().map(e -> ((AuditEvent.VerificationFailed) e).reason()).toList();
  }

  private static String lastReason(List<AuditEvent> events) {
    return ((AuditEvent.VerificationFailed) events.get(events.size() - 1)).reason();
  }

  @Test
  void verifyWhenKidNowNamesSameMaterialForAnotherAlgorithmThenHitNotUsed() {
    // The same RSA key re-registered for PS256: an RS256 token cached under it must not hit.
    String t = token(SigningAlgorithm.RS256, claims(T0));
    assertInstanceOf(AuthOutcome.Authenticated.class, cached.verify(t));
    ring.put(RS.kid(), new SigningKey(RS.kid(), SigningAlgorithm.PS256, RS.state(), RS.createdAt(),
        RS.activatedAt(), null, RS.signingKey(), RS.verificationKey()));

    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(cached.verify(t)));
    assertEquals("alg not made for this key", lastReason(cachedEvents));
    assertEquals(0, cached.cachedTokens());
  }

  @Test
  void cachedBytesWhenTokensCachedThenTheirEstimateAndZeroWhenOff() {
    String t = token(SigningAlgorithm.RS256, claims(T0));
    cached.verify(t);
    uncached.verify(t);

    long one = cached.cachedBytes();
    assertTrue(one >= EntryFootprint.ENTRY_OVERHEAD_BYTES, "bytes " + one);
    Map<String, Object> twin = claims(T0);
    twin.put("jti", "jti-2"); // same shape, so the same estimate
    cached.verify(token(SigningAlgorithm.RS256, twin));
    assertEquals(2 * one, cached.cachedBytes());
    assertEquals(0, uncached.cachedBytes());
    assertEquals(0, uncached.cachedTokens());
    assertEquals(0, uncached.evictUntrustedKeys());
  }

  @Test
  void verifiedClaimsWhenTimesNotCheckedThenClaimsButNothingCached() {
    String expired = token(SigningAlgorithm.HS256, claims(T0.minusSeconds(7200)));

    assertEquals("jti-1", cached.verifiedClaims(expired, false).orElseThrow().jwtId());
    assertEquals(0, cached.cachedTokens(), "only tokens that passed every check are cached");
    assertTrue(cached.verifiedClaims(expired, true).isEmpty());
    String live = token(SigningAlgorithm.HS256, claims(T0));
    assertEquals("client-a", cached.verifiedClaims(live, true).orElseThrow().subject());
  }

  @Test
  void verifiedClaimsWithoutTimesWhenCachedTokenExpiredThenClaimsStillGiven() {
    // Revocation and introspection read expired tokens' claims; a cache hit must not time-check.
    String t = token(SigningAlgorithm.RS256, claims(T0));
    cached.verify(t);
    clock.set(T0.plusSeconds(7200));

    assertEquals("jti-1", cached.verifiedClaims(t, false).orElseThrow().jwtId());
    assertEquals(AuthErrorCode.AUTH_TOKEN_EXPIRED, code(cached.verify(t)));
    assertEquals(0, cached.cachedTokens(), "an expired token leaves the cache");
  }

  @Test
  void verifyWhenCachedTokenNotYetValidAgainThenRejectedButKeptCached() {
    // A clock stepping back: the token will be valid again, so it stays cached.
    String t = token(SigningAlgorithm.RS256, claims(T0));
    cached.verify(t);
    clock.set(T0.minusSeconds(600));

    assertEquals(AuthErrorCode.AUTH_TOKEN_NOT_YET_VALID, code(cached.verify(t)));
    assertEquals(1, cached.cachedTokens());
    clock.set(T0);
    assertInstanceOf(AuthOutcome.Authenticated.class, cached.verify(t));
  }
}

