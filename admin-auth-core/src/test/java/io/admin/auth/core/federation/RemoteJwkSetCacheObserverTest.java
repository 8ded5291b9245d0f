package io.admin.auth.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.testing.MutableClock;
import io.admin.auth.core.testing.RecordingObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each JWK Set fetch, and each failed one, is told to the observer under the issuer's name. */
class RemoteJwkSetCacheObserverTest {

  private static final String ISSUER = "https://idp.example.test";

  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-15T10:00:00Z"));
  private final RecordingObserver observer = new RecordingObserver();
  private FakeProvider provider;

  @BeforeEach
  void start() throws Exception {
    provider = FakeProvider.start("", TestKey.ec("k1"));
  }

  @AfterEach
  void stop() {
    provider.close();
  }

  @Test
  void keysWhenFetchedThenFailedThenOneSuccessAndOneFailureReported() {
    provider.publish("max-age=300", TestKey.ec("k1"));
    RemoteJwkSetCache cache = RemoteJwkSetCache.create(provider.jwksUri(), true,
        JwksCachePolicy.defaults(), clock, null, ISSUER, observer);
    cache.keys("k1");
    cache.keys("k1");
    assertEquals(List.of("jwks " + ISSUER + " ok"), observer.calls());

    provider.down(500);
    clock.advance(Duration.ofDays(2));
    assertThrows(AuthUnavailableException.class, () -> cache.keys("k1"));
    assertEquals(List.of("jwks " + ISSUER + " ok", "jwks " + ISSUER + " failed"),
        observer.calls());
  }
}
