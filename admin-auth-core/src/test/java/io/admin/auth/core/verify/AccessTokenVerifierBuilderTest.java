package io.admin.auth.core.verify;

import static io.admin.auth.core.verify.TestJws.AUDIENCE;
import static io.admin.auth.core.verify.TestJws.ISSUER;
import static io.admin.auth.core.verify.TestJws.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The builder's own checks name the setting at fault (rather than leaving a component behind it
 * to fail in its own words), and the settings it is given reach the verifier.
 */
class AccessTokenVerifierBuilderTest {

  private static AccessTokenVerifierBuilder builder() {
    return AccessTokenVerifier.builder().issuer(ISSUER).audience(AUDIENCE)
        .clock(new MutableClock(T0)).keys(TestJws.RING::find)
        .revocationStore(new InMemoryRevocationStore());
  }

  @Test
  void buildWhenClockSkewNegativeThenRefusedNamingTheSetting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> builder().clockSkew(Duration.ofNanos(-1)).build());

    assertEquals("clockSkew must be between 0 and " + AccessTokenVerifierBuilder.MAX_SKEW,
        e.getMessage());
  }

  @Test
  void buildWhenCacheMaxEntriesBelowOneThenRefusedNamingTheSetting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> builder().cacheMaxEntries(0).build());

    assertEquals("cacheMaxEntries must be at least 1", e.getMessage());
  }

  /** Counts the draws of the cache's hash key. */
  private static final class CountingRandom extends SecureRandom {
    private int longs;

    @Override
    public long nextLong() {
      longs++;
      return super.nextLong();
    }
  }

  @Test
  void buildWhenRandomGivenThenTheCacheDrawsItsHashKeyFromIt() {
    CountingRandom random = new CountingRandom();

    AccessTokenVerifier verifier = builder().random(random).build();

    assertTrue(random.longs > 0, "the given SecureRandom was never used");
    String token = TestJws.token(SigningAlgorithm.HS256, TestJws.claims(T0));
    assertInstanceOf(AuthOutcome.Authenticated.class, verifier.verify(token));
    assertEquals(1, verifier.cachedTokens());
  }
}
