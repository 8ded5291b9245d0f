package io.admin.auth.core.verify;

import static io.admin.auth.core.verify.TestJws.AUDIENCE;
import static io.admin.auth.core.verify.TestJws.ISSUER;
import static io.admin.auth.core.verify.TestJws.KEYS;
import static io.admin.auth.core.verify.TestJws.T0;
import static io.admin.auth.core.verify.TestJws.claims;
import static io.admin.auth.core.verify.TestJws.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.testing.MutableClock;
import io.admin.auth.core.testing.RecordingObserver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The verifier tells its observer of every verified-token cache lookup: hit or miss. */
class AccessTokenVerifierObserverTest {

  private final MutableClock clock = new MutableClock(T0);
  private final RecordingObserver observer = new RecordingObserver();
  private final Map<String, SigningKey> ring = new HashMap<>();

  {
    KEYS.values().forEach(k -> ring.put(k.kid(), k));
  }

  private AccessTokenVerifierBuilder builder() {
    return AccessTokenVerifier.builder().issuer(ISSUER).audience(AUDIENCE).clock(clock)
        .keys(kid -> Optional.ofNullable(ring.get(kid)))
        .revocationStore(new InMemoryRevocationStore()).observer(observer);
  }

  @Test
  void verifyWhenSameTokenTwiceThenOneMissThenOneHit() {
    AccessTokenVerifier verifier = builder().build();
    String t = token(SigningAlgorithm.ES256, claims(T0));
    assertInstanceOf(AuthOutcome.Authenticated.class, verifier.verify(t));
    assertInstanceOf(AuthOutcome.Authenticated.class, verifier.verify(t));
    assertEquals(List.of("cache miss", "cache hit"), observer.calls());
  }

  @Test
  void verifyWhenCachedTokensKeyLeftTheRingThenAMissNotAHit() {
    AccessTokenVerifier verifier = builder().build();
    SigningKey es = KEYS.get(SigningAlgorithm.ES256);
    String t = token(SigningAlgorithm.ES256, claims(T0));
    verifier.verify(t);
    ring.remove(es.kid());
    assertInstanceOf(AuthOutcome.Rejected.class, verifier.verify(t));
    assertEquals(List.of("cache miss", "cache miss"), observer.calls());
  }

  @Test
  void verifyWhenCacheOffThenObserverHearsNothing() {
    AccessTokenVerifier verifier = builder().cacheEnabled(false).build();
    String t = token(SigningAlgorithm.ES256, claims(T0));
    verifier.verify(t);
    verifier.verify(t);
    assertEquals(List.of(), observer.calls());
  }
}
