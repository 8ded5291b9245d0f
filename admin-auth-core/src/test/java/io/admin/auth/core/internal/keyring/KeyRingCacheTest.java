package io.admin.auth.core.internal.keyring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.key.KeyRotationPolicy;
import io.admin.auth.core.key.KeyRotator;
import io.admin.auth.core.key.SigningKeys;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.spi.SigningKeyStore;
import io.admin.auth.core.store.memory.InMemorySigningKeyStore;
import io.admin.auth.core.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyRingCacheTest {

  private static final Duration REFRESH = Duration.ofMinutes(1);
  // Longer than KeyRingCache's minimum gap between unknown-kid reloads.
  private static final Duration PAST_RELOAD_GAP = Duration.ofSeconds(11);
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  private final MutableClock clock = MutableClock.atGuideExample();
  private final OutageStore store = new OutageStore();
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private KeyRingCache cache;
  private String activeKid;

  @BeforeEach
  void loadRing() {
    KeyRotator rotator = new KeyRotator(store, KeyRotationPolicy.defaults(),
        SigningAlgorithm.ES256, clock, new SigningKeys(new SecureRandom()), Duration.ofHours(1));
    cache = new KeyRingCache(rotator, clock, REFRESH);
    activeKid = cache.ring().active().kid();
  }

  @AfterEach
  void stopThreads() {
    store.release.countDown();
    pool.shutdownNow();
  }

  @Test
  void findWhenStoreDownThenUnknownKidsReloadAtMostOncePerGapAndAreNotFound() {
    clock.advance(PAST_RELOAD_GAP);
    store.failing = true;
    store.loads.set(0);

    for (int i = 0; i < 50; i++) {
      assertTrue(cache.find("forged-" + i).isEmpty());
      assertTrue(cache.find(activeKid).isPresent(), "the cached ring still verifies");
    }
    assertEquals(1, store.loads.get(), "one reload attempt in the gap, not one per forged kid");

    clock.advance(PAST_RELOAD_GAP);
    for (int i = 0; i < 50; i++) {
      assertTrue(cache.find("forged-again-" + i).isEmpty());
    }
    assertEquals(2, store.loads.get(), "one more attempt once the gap has passed");
  }

  @Test
  void findWhenReloadInProgressThenOtherLookupsAnsweredFromCachedRingWithoutWaiting()
      throws Exception {
    clock.advance(PAST_RELOAD_GAP);
    store.loads.set(0);
    store.blocking = true;
    Future<Optional<SigningKey>> reloading = pool.submit(() -> cache.find("forged-first"));
    assertTrue(store.entered.await(DEADLINE.toSeconds(), TimeUnit.SECONDS), "reload started");
    // The periodic refresh is due too: it must not queue behind the reload either.
    clock.advance(REFRESH);

    assertTimeoutPreemptively(DEADLINE, () -> {
      assertEquals(activeKid, cache.find(activeKid).orElseThrow().kid());
      assertTrue(cache.find("forged-second").isEmpty());
      assertEquals(activeKid, cache.ring().active().kid());
    }, "lookups waited on the reload in progress");
    assertEquals(1, store.loads.get(), "no second load while one is in progress");

    store.release.countDown();
    assertTrue(reloading.get(DEADLINE.toSeconds(), TimeUnit.SECONDS).isEmpty());
  }

  /**
   * A key store whose {@code findAll} can fail (an outage) or block until released (a slow
   * database), counting calls. Writes go straight to memory.
   */
  private static final class OutageStore implements SigningKeyStore {
    final InMemorySigningKeyStore delegate = new InMemorySigningKeyStore();
    final AtomicInteger loads = new AtomicInteger();
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean failing;
    volatile boolean blocking;

    @Override
    public List<SigningKey> findAll() {
      loads.incrementAndGet();
      if (failing) {
        throw new AuthUnavailableException("key store down (test)");
      }
      if (blocking) {
        entered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AuthUnavailableException("interrupted (test)");
        }
      }
      return delegate.findAll();
    }

    @Override
    public boolean add(SigningKey key) {
      return delegate.add(key);
    }

    @Override
    public boolean replace(SigningKey expected, SigningKey replacement) {
      return delegate.replace(expected, replacement);
    }

    @Override
    public boolean remove(String kid) {
      return delegate.remove(kid);
    }
  }
}
