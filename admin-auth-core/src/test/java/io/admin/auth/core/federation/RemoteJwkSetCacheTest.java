package io.admin.auth.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RemoteJwkSetCacheTest {

  private static final Instant T0 = Instant.parse("2025-03-15T10:00:00Z");
  private static TestKey k1;
  private static TestKey k2;

  private final MutableClock clock = new MutableClock(T0);
  private FakeProvider provider;

  @BeforeAll
  static void keys() {
    k1 = TestKey.rsa("k1");
    k2 = TestKey.ec("k2");
  }

  @BeforeEach
  void start() throws Exception {
    provider = FakeProvider.start("", k1);
  }

  @AfterEach
  void stop() {
    provider.close();
  }

  private RemoteJwkSetCache cache(JwksCachePolicy policy) {
    return RemoteJwkSetCache.create(provider.jwksUri(), true, policy, clock);
  }

  private RemoteJwkSetCache cache() {
    return cache(JwksCachePolicy.defaults());
  }

  @Test
  void keysWhenMaxAgeThenNoRefetchBeforeItAndRefetchAfter() {
    provider.publish("public, max-age=600", k1);
    RemoteJwkSetCache cache = cache();

    assertEquals("k1", cache.keys("k1").get(0).getKeyID());
    clock.advance(Duration.ofSeconds(599));
    cache.keys("k1");
    assertEquals(1, provider.jwksHits());

    clock.advance(Duration.ofSeconds(2));
    cache.keys("k1");
    assertEquals(2, provider.jwksHits());
  }

  @Test
  void keysWhenMaxAgeAboveMaxTtlThenClampedToMaxTtl() {
    provider.publish("max-age=86400", k1);
    RemoteJwkSetCache cache = cache(JwksCachePolicy.defaults()
        .withTtl(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1)));

    cache.keys("k1");
    clock.advance(Duration.ofMinutes(59));
    cache.keys("k1");
    assertEquals(1, provider.jwksHits());
    clock.advance(Duration.ofMinutes(2));
    cache.keys("k1");
    assertEquals(2, provider.jwksHits());
  }

  @ParameterizedTest
  @ValueSource(strings = {"max-age=0", "no-store", "no-cache", "max-age=5"})
  void keysWhenMaxAgeBelowMinTtlThenClampedToMinTtl(String cacheControl) {
    provider.publish(cacheControl, k1);
    RemoteJwkSetCache cache = cache();

    cache.keys("k1");
    clock.advance(Duration.ofSeconds(59));
    cache.keys("k1");
    assertEquals(1, provider.jwksHits());
    clock.advance(Duration.ofSeconds(2));
    cache.keys("k1");
    assertEquals(2, provider.jwksHits());
  }

  @Test
  void keysWhenNoCacheControlThenDefaultTtl() {
    RemoteJwkSetCache cache = cache();

    cache.keys("k1");
    clock.advance(Duration.ofMinutes(5).minusSeconds(1));
    cache.keys("k1");
    assertEquals(1, provider.jwksHits());
    clock.advance(Duration.ofSeconds(2));
    cache.keys("k1");
    assertEquals(2, provider.jwksHits());
  }

  @Test
  void keysWhenHundredForgedKidsThenAtMostOneFetchPerRefetchInterval() {
    RemoteJwkSetCache cache = cache();
    cache.keys("k1");
    assertEquals(1, provider.jwksHits());

    for (int round = 1; round <= 3; round++) {
      int before = provider.jwksHits();
      for (int i = 0; i < 100; i++) {
        assertTrue(cache.keys("forged-" + round + "-" + i).isEmpty());
      }
      assertTrue(provider.jwksHits() - before <= 1, "round " + round + ": " + provider.jwksHits());
      clock.advance(Duration.ofSeconds(30));
    }
    // First round falls inside the interval of the initial fetch; rounds 2 and 3 may fetch once each.
    assertEquals(3, provider.jwksHits());
  }

  @Test
  void keysWhenRefetchIntervalConfiguredThenItIsTheLimit() {
    RemoteJwkSetCache cache = cache(JwksCachePolicy.defaults().withRefetchInterval(Duration.ofMinutes(2)));
    cache.keys("k1");
    clock.advance(Duration.ofSeconds(90));
    assertTrue(cache.keys("forged").isEmpty());
    assertEquals(1, provider.jwksHits());
    clock.advance(Duration.ofSeconds(31));
    assertTrue(cache.keys("forged").isEmpty());
    assertEquals(2, provider.jwksHits());
  }

  @Test
  void keysWhenProviderRotatesThenNewKidPickedUpAndRetiredKidDropped() {
    RemoteJwkSetCache cache = cache();
    cache.keys("k1");
    provider.publish(null, k1, k2);

    clock.advance(Duration.ofSeconds(30));
    assertEquals("k2", cache.keys("k2").get(0).getKeyID());
    assertEquals(2, provider.jwksHits());

    provider.publish(null, k2);
    clock.advance(Duration.ofMinutes(5));
    assertTrue(cache.keys("k1").isEmpty());
    assertEquals(java.util.Set.of("k2"), cache.keyIds());
  }

  @Test
  void keysWhenProviderDownThenStaleKeysUsedWithinBoundThenFailClosed() {
    RemoteJwkSetCache cache = cache(JwksCachePolicy.defaults().withMaxStale(Duration.ofMinutes(10)));
    cache.keys("k1");
    provider.down(503);

    clock.advance(Duration.ofMinutes(5)); // fresh period over
    assertEquals("k1", cache.keys("k1").get(0).getKeyID());
    assertEquals(2, provider.jwksHits());
    clock.advance(Duration.ofSeconds(10)); // retries wait for the refetch interval
    cache.keys("k1");
    assertEquals(2, provider.jwksHits());

    clock.advance(Duration.ofMinutes(9).plusSeconds(49)); // one second left of the stale bound
    assertFalse(cache.keys("k1").isEmpty());
    clock.advance(Duration.ofSeconds(2));
    assertThrows(AuthUnavailableException.class, () -> cache.keys("k1"));

    provider.down(0);
    clock.advance(Duration.ofSeconds(30));
    assertEquals("k1", cache.keys("k1").get(0).getKeyID());
  }

  @Test
  void keysWhenProviderNeverReachedThenUnavailable() {
    provider.down(500);
    RemoteJwkSetCache cache = cache();

    assertThrows(AuthUnavailableException.class, () -> cache.keys("k1"));
    assertThrows(AuthUnavailableException.class, () -> cache.keys("k1"));
    assertEquals(1, provider.jwksHits());
  }

  @Test
  void keysWhenUnknownKidWhileProviderDownThenUnavailable() {
    RemoteJwkSetCache cache = cache();
    cache.keys("k1");
    provider.down(503);
    clock.advance(Duration.ofSeconds(30));

    assertThrows(AuthUnavailableException.class, () -> cache.keys("k2"));
    assertFalse(cache.keys("k1").isEmpty());
  }

  @Test
  void keysWhenResponseLargerThanLimitThenUnavailable() {
    String padding = "x".repeat(2048);
    provider.answer(FakeProvider.JWKS_PATH, 200,
        "{\"keys\":[" + k1.publicJwk().toJSONString() + "],\"pad\":\"" + padding + "\"}", Map.of());
    RemoteJwkSetCache cache = cache(JwksCachePolicy.defaults()
        .withLimits(Duration.ofSeconds(2), Duration.ofSeconds(5), 1024));

    assertThrows(AuthUnavailableException.class, () -> cache.keys("k1"));
  }

  @Test
  void keysWhenProviderTooSlowThenUnavailable() {
    provider.delay(Duration.ofSeconds(2));
    RemoteJwkSetCache cache = cache(JwksCachePolicy.defaults()
        .withLimits(Duration.ofSeconds(1), Duration.ofMillis(200), 512 * 1024));

    assertThrows(AuthUnavailableException.class, () -> cache.keys("k1"));
  }

  @Test
  void keysWhenProviderRedirectsThenNotFollowed() {
    provider.answer(FakeProvider.JWKS_PATH, 302, "", Map.of("Location", "/elsewhere"));
    provider.answer("/elsewhere", 200, new JWKSet(k1.publicJwk()).toString(), Map.of());

    assertThrows(AuthUnavailableException.class, () -> cache().keys("k1"));
    assertEquals(0, provider.hits("/elsewhere"));
  }

  @Test
  void keysWhenManyThreadsPresentForgedKidsAtOnceThenOneFetchPerInterval() throws Exception {
    RemoteJwkSetCache cache = cache();
    cache.keys("k1");
    clock.advance(Duration.ofSeconds(30));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<List<JWK>>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String kid = "forged-" + i;
        results.add(pool.submit(() -> cache.keys(kid)));
      }
      for (java.util.concurrent.Future<List<JWK>> r : results) {
        assertTrue(r.get().isEmpty());
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(2, provider.jwksHits());
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "not json", "{\"keys\":5}", ""})
  void keysWhenDocumentIsNotAJwkSetThenUnavailable(String body) {
    provider.answer(FakeProvider.JWKS_PATH, 200, body, Map.of());

    assertThrows(AuthUnavailableException.class, () -> cache().keys("k1"));
  }

  @Test
  void keysWhenDocumentCarriesPrivateOrSymmetricKeysThenOnlyPublicHalvesKept() throws Exception {
    RSAKey withPrivate = new RSAKey.Builder((RSAKey) k1.publicJwk())
        .privateKey((RSAPrivateKey) k1.privateKey()).build();
    OctetSequenceKey secret = new OctetSequenceKey.Builder(new byte[32]).keyID("hmac").build();
    provider.answer(FakeProvider.JWKS_PATH, 200,
        new JWKSet(List.<JWK>of(withPrivate, secret)).toString(false), Map.of());
    RemoteJwkSetCache cache = cache();

    assertFalse(cache.keys("k1").get(0).isPrivate());
    assertEquals(java.util.Set.of("k1"), cache.keyIds());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://idp.example.com/keys", "http://10.0.0.1/keys", "ftp://127.0.0.1/keys",
      "https://user:pw@idp.example.com/keys", "/relative/keys"})
  void createWhenUrlNotHttpsOrLoopbackThenRefused(String url) {
    assertThrows(IllegalArgumentException.class,
        () -> RemoteJwkSetCache.create(URI.create(url), true, JwksCachePolicy.defaults(), clock));
  }

  @Test
  void createWhenLoopbackHttpNotAllowedThenRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> RemoteJwkSetCache.create(provider.jwksUri(), false, JwksCachePolicy.defaults(), clock));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "max-age=60|60", "public, max-age=120|120", "no-store|0", "private, no-cache|0",
      "max-age=\"30\"|30", "max-age=abc|", "max-age=-5|", "public|"})
  void maxAgeWhenHeaderGivenThenParsedOrIgnored(String header, Long expected) {
    HttpHeaders headers = HttpHeaders.of(Map.of("Cache-Control", List.of(header)), (a, b) -> true);

    assertEquals(Optional.ofNullable(expected).map(Duration::ofSeconds),
        RemoteJwkSetCache.maxAge(headers));
  }
}
