package io.admin.auth.core.verify;

import static io.admin.auth.core.verify.TestJws.AUDIENCE;
import static io.admin.auth.core.verify.TestJws.ISSUER;
import static io.admin.auth.core.verify.TestJws.KEYS;
import static io.admin.auth.core.verify.TestJws.T0;
import static io.admin.auth.core.verify.TestJws.claims;
import static io.admin.auth.core.verify.TestJws.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.testing.MutableClock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the verified-token cache keeps: at its default bounds, enough typical tokens for a busy
 * resource server, every one of them still a hit on its next use; and, once full, the tokens that
 * recur rather than whatever a stream of one-off tokens brought in last.
 *
 * <p>A hit is recognised by identity: it answers with the very principal the first verification
 * built, while a miss builds a new one.
 */
class VerifiedTokenCachePolicyTest {

  private static final SigningKey HS = KEYS.get(SigningAlgorithm.HS256);

  private final MutableClock clock = new MutableClock(T0.plusSeconds(60));

  private AccessTokenVerifierBuilder builder() {
    return AccessTokenVerifier.builder().issuer(ISSUER).audience(AUDIENCE).clock(clock)
        .keys(kid -> kid.equals(HS.kid()) ? Optional.of(HS) : Optional.empty())
        .revocationStore(new InMemoryRevocationStore());
  }

  /**
   * The claims of a typical access token of this library's issuer: a 22-character jti, a subject
   * per user, one of a few clients, a few scopes. (HMAC-signed to keep the test fast: what the
   * cache keeps of a token does not depend on its signature algorithm.)
   */
  static Map<String, Object> typicalClaims(int i) {
    Map<String, Object> c = claims(T0);
    c.put("sub", "user-" + (100_000 + i / 3));
    c.put("client_id", "client-" + (i % 7));
    c.put("jti", String.format("%022d", i));
    c.put("scope", "openid profile orders:read orders:write");
    return c;
  }

  private static String[] tokens(int from, int count) {
    String[] out = new String[count];
    for (int i = 0; i < count; i++) {
      out[i] = token(SigningAlgorithm.HS256, typicalClaims(from + i));
    }
    return out;
  }

  private static AuthPrincipal principal(AccessTokenVerifier verifier, String token) {
    return assertInstanceOf(AuthOutcome.Authenticated.class, verifier.verify(token)).principal();
  }

  // How many of tokens answer with the principal remembered for them (hits), remembering the
  // principal of every miss.
  private static int hits(AccessTokenVerifier verifier, String[] tokens, AuthPrincipal[] seen) {
    int hits = 0;
    for (int i = 0; i < tokens.length; i++) {
      AuthPrincipal p = principal(verifier, new String(tokens[i]));
      if (p == seen[i]) {
        hits++;
      }
      seen[i] = p;
    }
    return hits;
  }

  @Test
  void verifyWhenFiftyThousandTypicalTokensCycleThroughDefaultCacheThenEveryRepeatIsHit() {
    AccessTokenVerifier verifier = builder().build();
    String[] tokens = tokens(0, 50_000);
    AuthPrincipal[] seen = new AuthPrincipal[tokens.length];
    assertEquals(0, hits(verifier, tokens, seen), "first cycle: all misses");
    assertEquals(50_000, verifier.cachedTokens());
    assertTrue(verifier.cachedBytes() <= AccessTokenVerifierBuilder.DEFAULT_CACHE_MAX_BYTES);
    assertEquals(50_000, hits(verifier, tokens, seen), "second cycle");
    assertEquals(50_000, hits(verifier, tokens, seen), "third cycle");
  }

  @Test
  void defaultByteBoundWhenTypicalRs256TokensThenHoldsFiftyThousandOfThem() {
    // The tokens above are HMAC-signed and so short; an entry keeps its token, so what the
    // default byte bound holds is measured with RS256 tokens of the same claims, one entry's
    // cost being what a further distinct token adds once the shared values are known.
    AccessTokenVerifier verifier = AccessTokenVerifier.builder().issuer(ISSUER).audience(AUDIENCE)
        .clock(clock).keys(TestJws.RING::find).revocationStore(new InMemoryRevocationStore())
        .build();
    String first = token(SigningAlgorithm.RS256, typicalClaims(0));
    String second = token(SigningAlgorithm.RS256, typicalClaims(3));
    principal(verifier, first);
    long one = verifier.cachedBytes();
    principal(verifier, second);
    long each = verifier.cachedBytes() - one;
    assertTrue(second.length() >= 700, "an RS256 token of " + second.length() + " characters");
    assertTrue(each > second.length(), "the entry keeps its token: " + each);
    long held = (AccessTokenVerifierBuilder.DEFAULT_CACHE_MAX_BYTES - one) / each + 1;
    assertTrue(held >= 50_000, "the default bound holds " + held + " tokens of " + each + " bytes");
  }

  @Test
  void verifyWhenCyclingAsManyTokensAsTheCacheHoldsThenEveryRepeatIsHit() {
    AccessTokenVerifier verifier = builder().cacheMaxEntries(300).build();
    String[] tokens = tokens(0, 300);
    AuthPrincipal[] seen = new AuthPrincipal[tokens.length];
    hits(verifier, tokens, seen);
    for (int cycle = 2; cycle <= 4; cycle++) {
      assertEquals(300, hits(verifier, tokens, seen), "cycle " + cycle);
    }
  }

  @Test
  void verifyWhenFullCacheSeesScanOfOneOffTokensThenRecurringWorkingSetStaysCached() {
    AccessTokenVerifier verifier = builder().cacheMaxEntries(200).build();
    String[] workingSet = tokens(0, 100);
    AuthPrincipal[] seen = new AuthPrincipal[workingSet.length];
    hits(verifier, workingSet, seen);
    assertEquals(100, hits(verifier, workingSet, seen), "the working set recurs");
    // Fill the cache, then scan five times its capacity of tokens used once each.
    String[] oneOff = tokens(1_000, 1_100);
    for (String t : oneOff) {
      principal(verifier, t);
    }
    assertEquals(200, verifier.cachedTokens());
    assertEquals(100, hits(verifier, workingSet, seen), "the working set after the scan");
  }

  @Test
  void verifyWhenWorkingSetRecursAmidOneOffTokensThenItsHitRatioStaysNearOne() {
    AccessTokenVerifier verifier = builder().cacheMaxEntries(200).build();
    String[] workingSet = tokens(0, 150);
    AuthPrincipal[] seen = new AuthPrincipal[workingSet.length];
    hits(verifier, workingSet, seen);
    assertEquals(150, hits(verifier, workingSet, seen), "the working set recurs");
    int hits = 0;
    for (int round = 0; round < 10; round++) {
      for (String t : tokens(10_000 + round * 120, 120)) {
        principal(verifier, t);
      }
      hits += hits(verifier, workingSet, seen);
    }
    assertTrue(hits >= 10 * 150 * 99 / 100, "hits " + hits + " of " + 10 * 150);
  }
}
