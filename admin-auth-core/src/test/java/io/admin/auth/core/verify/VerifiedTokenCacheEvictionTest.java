package io.admin.auth.core.verify;

import static io.admin.auth.core.verify.VerifiedTokenCacheTest.cache;
import static io.admin.auth.core.verify.VerifiedTokenCacheTest.token;
import static io.admin.auth.core.verify.VerifiedTokenCacheTest.verified;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.admin.auth.core.verify.VerifiedTokenCacheTest.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The eviction order of a full cache, step by step: a token used on probation is promoted to the
 * main queue, a one-off token goes before any token of the main queue, and the main queue's hand
 * gives a token one more round per use since it last passed, up to {@link
 * VerifiedTokenCache#MAX_USES}. With ten entries, probation is the victim whenever it holds any
 * entry (one tenth of ten), so the hand only moves when probation has just been emptied.
 *
 * <p>{@code get} is itself a use: the checks below only ask for tokens the scenario uses anyway,
 * or for tokens that are gone.
 */
class VerifiedTokenCacheEvictionTest {

  @Test
  void putWhenFullThenUsedTokensArePromotedOneOffsGoFirstAndTheHandCountsUses() {
    VerifiedTokenCache cache = cache(10, 1_000_000);
    Tokens t = new Tokens(cache, 1_000);
    Tokens n = new Tokens(cache, 2_000);
    for (int i = 0; i < 10; i++) {
      t.put(i);
    }
    for (int i = 0; i < 10; i++) {
      t.use(i);
    }
    t.use(9); // twice on probation still enters the main queue with no round to spare

    // Every probation token was used: all are promoted, and the hand takes the first of them.
    n.put(1);
    assertNull(t.get(0), "the hand passed t0 first");
    assertNotNull(n.get(1), "the newcomer was cached");
    assertEquals(10, cache.size());

    t.use(1);
    t.use(2);
    t.use(2);
    t.use(2);
    n.put(2); // n1 (used above) is promoted; the hand spares t1 and t2 and takes t3
    assertNull(t.get(3), "unused since the hand last passed: evicted");

    n.put(3);
    assertNull(n.get(2), "a one-off token goes before any token of the main queue");

    // Each newcomer is used once before the next arrives, so each arrival moves the hand by one.
    for (int k = 4; k < 12; k++) {
      n.use(k - 1);
      n.put(k);
    }
    assertNull(t.get(1), "used once: one more round, then gone");
    for (int k = 12; k < 30; k++) {
      n.use(k - 1);
      n.put(k);
    }
    assertNotNull(t.get(2), "used three times: three more rounds");
    assertEquals(10, cache.size());
  }

  @Test
  void putWhenATokenWasUsedHundredsOfTimesThenTheHandStillCountsItAsUsed() {
    VerifiedTokenCache cache = cache(10, 1_000_000);
    Tokens t = new Tokens(cache, 1_000);
    Tokens n = new Tokens(cache, 2_000);
    for (int i = 0; i < 10; i++) {
      t.put(i);
      t.use(i);
    }
    n.put(1); // all ten promoted; the hand takes t0
    for (int use = 0; use < 200; use++) {
      t.use(1); // a hot token: its use count must saturate, not wrap round to "unused"
    }
    n.use(1);

    n.put(2); // n1 promoted; the hand spares t1 and takes t2

    assertNull(t.get(2), "unused since promoted: evicted");
    assertNotNull(t.get(1), "the hot token went as if never used");
  }
}
