package io.admin.auth.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.key.PublicVerificationKey;
import io.admin.auth.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RemoteJwkSetCache} as a resource server's {@link io.admin.auth.core.verify.PublicKeySource}. */
class RemoteJwkSetCacheKeySourceTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-15T10:00:00Z"));
  private final TestKey rsa = withAlg(TestKey.rsa("k1"));
  private final TestKey ec = withAlg(TestKey.ec("k2"));
  private FakeProvider provider;
  private RemoteJwkSetCache cache;

  /** The key as this library's issuer publishes it: with {@code alg}. */
  private static TestKey withAlg(TestKey key) {
    Map<String, Object> json = key.publicJwk().toJSONObject();
    json.put("alg", key.alg());
    try {
      return new TestKey(key.kid(), key.alg(), JWK.parse(json), key.privateKey());
    } catch (java.text.ParseException e) {
      throw new AssertionError(e);
    }
  }

  @BeforeEach
  void start() throws Exception {
    provider = FakeProvider.start("", rsa);
    cache = RemoteJwkSetCache.create(provider.jwksUri(), true, JwksCachePolicy.defaults(), clock);
  }

  @AfterEach
  void stop() {
    provider.close();
  }

  @Test
  void findWhenPublishedThenVerificationKeyWithTheAlgorithmAndMaterialOfItsJwk() throws Exception {
    PublicVerificationKey key = cache.find("k1").orElseThrow();

    assertEquals(SigningAlgorithm.RS256, key.algorithm());
    assertEquals(rsa.publicJwk().toRSAKey().toRSAPublicKey(), key.verificationKey());
  }

  @Test
  void findWhenAskedAgainBeforeARefetchThenTheSameObject() {
    PublicVerificationKey first = cache.find("k1").orElseThrow();
    clock.advance(Duration.ofMinutes(4));

    assertSame(first, cache.find("k1").orElseThrow());
    assertEquals(1, provider.jwksHits());
  }

  @Test
  void findWhenSetRefetchedAfterItsFreshnessThenANewObjectForTheSameKid() {
    PublicVerificationKey first = cache.find("k1").orElseThrow();
    clock.advance(Duration.ofMinutes(6));

    assertNotSame(first, cache.find("k1").orElseThrow());
    assertEquals(2, provider.jwksHits());
  }

  @Test
  void findWhenUnknownKidThenAtMostOneRefetchPerIntervalAndANewKeyIsFound() {
    assertFalse(cache.find("nope").isPresent());
    provider.publish(null, rsa, ec);
    assertFalse(cache.find("k2").isPresent(), "the set was fetched just now: no refetch yet");
    assertEquals(1, provider.jwksHits());

    clock.advance(Duration.ofSeconds(31));

    assertEquals(SigningAlgorithm.ES256, cache.find("k2").orElseThrow().algorithm());
    assertEquals(2, provider.jwksHits());
  }

  @Test
  void findWhenKeyHasNoAlgThenLeftOutButTheOthersServe() {
    provider.publish(null, rsa, TestKey.ec("bare"));

    assertTrue(cache.find("k1").isPresent());
    assertFalse(cache.find("bare").isPresent());
  }

  @Test
  void findWhenProviderDownAndNothingCachedThenUnavailable() {
    provider.down(503);

    assertThrows(AuthUnavailableException.class, () -> cache.find("k1"));
  }
}
