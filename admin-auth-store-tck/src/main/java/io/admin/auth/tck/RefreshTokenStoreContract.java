package io.admin.auth.tck;

import io.admin.auth.core.spi.RefreshTokenRecord;
import io.admin.auth.core.spi.RefreshTokenStore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RefreshTokenStore} must have. Store modules extend this class and
 * implement {@link #newStore()} (an empty store per test).
 */
public abstract class RefreshTokenStoreContract {

  /** For the subclass that supplies the store under test. */
  protected RefreshTokenStoreContract() {}

  /** The instant the fixtures are issued at. */
  protected static final Instant T0 = Instant.parse("2025-03-15T10:00:00Z");

  /** A fresh store from {@link #newStore()} for each test. */
  protected RefreshTokenStore store;

  /**
   * A new, empty store.
   *
   * @return a store holding nothing and shared with no other test; called once before each test
   */
  protected abstract RefreshTokenStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  /**
   * An unused, unrevoked record for the tests.
   *
   * @param hash the token hash
   * @param family the family id
   * @return the record
   */
  protected static RefreshTokenRecord record(String hash, String family) {
    return new RefreshTokenRecord(hash, family, "client-a", "client-a", Set.of("users:read"), T0,
        T0.plus(Duration.ofDays(30)), null, null);
  }

  @Test
  void findWhenSavedThenSameValues() {
    RefreshTokenRecord r = record("h1", "f1");
    store.save(r);
    assertEquals(r, store.find("h1").orElseThrow());
  }

  @Test
  void familiesOfWhenTokensOfSeveralPeopleAndClientsThenOnlyThatPersonsAtThatClient() {
    store.save(person("h1", "f1", "alice", "app"));
    store.save(person("h2", "f1", "alice", "app"));
    store.consume("h1", T0.plusSeconds(1));
    store.save(person("h3", "f2", "alice", "app"));
    store.revokeFamily("f2", T0.plusSeconds(2));
    store.save(person("h4", "f3", "alice", "other-app"));
    store.save(person("h5", "f4", "bob", "app"));

    assertEquals(Set.of("f1", "f2"), store.familiesOf("alice", "app").orElseThrow());
    assertEquals(Set.of(), store.familiesOf("carol", "app").orElseThrow());
  }

  private static RefreshTokenRecord person(String hash, String family, String subject,
      String client) {
    return new RefreshTokenRecord(hash, family, client, subject, Set.of("openid"), T0,
        T0.plus(Duration.ofDays(30)), null, null);
  }

  @Test
  void findWhenUnknownThenEmpty() {
    assertTrue(store.find("nope").isEmpty());
  }

  @Test
  void consumeWhenUnusedThenConsumedAndMarkedUsed() {
    store.save(record("h1", "f1"));
    RefreshTokenStore.ConsumeResult r = store.consume("h1", T0.plusSeconds(5));
    RefreshTokenStore.Consumed c = assertInstanceOf(RefreshTokenStore.Consumed.class, r);
    assertEquals(T0.plusSeconds(5), c.record().usedAt());
    assertEquals(T0.plusSeconds(5), store.find("h1").orElseThrow().usedAt());
  }

  @Test
  void consumeWhenUsedThenAlreadyUsedAndRecordKept() {
    store.save(record("h1", "f1"));
    store.consume("h1", T0.plusSeconds(5));
    RefreshTokenStore.ConsumeResult r = store.consume("h1", T0.plusSeconds(9));
    RefreshTokenStore.AlreadyUsed used = assertInstanceOf(RefreshTokenStore.AlreadyUsed.class, r);
    assertEquals(T0.plusSeconds(5), used.record().usedAt());
    assertTrue(store.find("h1").isPresent());
  }

  @Test
  void consumeWhenUnknownThenNotFound() {
    assertInstanceOf(RefreshTokenStore.NotFound.class, store.consume("nope", T0));
  }

  @Test
  void consumeWhenFamilyRevokedThenRevoked() {
    store.save(record("h1", "f1"));
    store.revokeFamily("f1", T0.plusSeconds(1));
    assertInstanceOf(RefreshTokenStore.Revoked.class, store.consume("h1", T0.plusSeconds(2)));
  }

  /**
   * Two nodes race one refresh token: the loser sees reuse and revokes the family while the
   * winner is still between consuming the old token and saving its new one. The new token must
   * be born dead, or it would outlive the family's revocation.
   */
  @Test
  void consumeWhenSavedAfterItsFamilyWasRevokedThenRevoked() {
    store.save(record("h1", "f1"));
    store.revokeFamily("f1", T0.plusSeconds(1));
    store.save(record("h2", "f1"));
    assertInstanceOf(RefreshTokenStore.Revoked.class, store.consume("h2", T0.plusSeconds(2)));
    store.save(record("h3", "f2"));
    assertInstanceOf(RefreshTokenStore.Consumed.class, store.consume("h3", T0.plusSeconds(2)));
  }

  @Test
  void consumeWhenUsedAndRevokedThenAlreadyUsed() {
    store.save(record("h1", "f1"));
    store.consume("h1", T0.plusSeconds(1));
    store.revokeFamily("f1", T0.plusSeconds(2));
    assertInstanceOf(RefreshTokenStore.AlreadyUsed.class, store.consume("h1", T0.plusSeconds(3)));
  }

  @Test
  void revokeFamilyWhenCalledThenOnlyThatFamilyRevoked() {
    store.save(record("h1", "f1"));
    store.save(record("h2", "f1"));
    store.save(record("h3", "f2"));
    store.revokeFamily("f1", T0.plusSeconds(1));
    assertEquals(T0.plusSeconds(1), store.find("h1").orElseThrow().revokedAt());
    assertEquals(T0.plusSeconds(1), store.find("h2").orElseThrow().revokedAt());
    assertNull(store.find("h3").orElseThrow().revokedAt());
  }

  @Test
  void revokeFamilyWhenAlreadyRevokedThenFirstInstantKept() {
    store.save(record("h1", "f1"));
    store.revokeFamily("f1", T0.plusSeconds(1));
    store.revokeFamily("f1", T0.plusSeconds(7));
    assertEquals(T0.plusSeconds(1), store.find("h1").orElseThrow().revokedAt());
  }

  @Test
  void purgeExpiredWhenCutoffPassesExpiryThenDeletedOthersKept() {
    store.save(record("old", "f1"));
    RefreshTokenRecord young = new RefreshTokenRecord("young", "f2", "client-a", "client-a",
        Set.of(), T0, T0.plus(Duration.ofDays(60)), null, null);
    store.save(young);
    assertEquals(0, store.purgeExpired(T0.plus(Duration.ofDays(30)).minusSeconds(1)));
    assertEquals(1, store.purgeExpired(T0.plus(Duration.ofDays(30))));
    assertTrue(store.find("old").isEmpty());
    assertTrue(store.find("young").isPresent());
  }

  /**
   * The revocation must outlive the rows it was written on. In the refresh race above the rotated
   * token is saved after the revocation and expires later than its ancestors; once maintenance
   * has purged the ancestors at their own expiry, nothing but the family's revocation is left to
   * stop the rotated token.
   */
  @Test
  void consumeWhenRevokedFamilysOlderRowsPurgedThenLaterTokenStillRevoked() {
    RefreshTokenRecord first = record("h1", "f1");
    store.save(first);
    assertInstanceOf(RefreshTokenStore.Consumed.class, store.consume("h1", T0.plusSeconds(1)));
    store.revokeFamily("f1", T0.plusSeconds(2));
    store.save(new RefreshTokenRecord("h2", "f1", "client-a", "client-a", Set.of("users:read"),
        T0.plusSeconds(3), T0.plus(Duration.ofDays(60)), null, null));

    assertEquals(1, store.purgeExpired(first.expiresAt()));
    assertTrue(store.find("h1").isEmpty());

    assertInstanceOf(RefreshTokenStore.Revoked.class,
        store.consume("h2", first.expiresAt().plusSeconds(1)));
    assertNull(store.find("h2").orElseThrow().usedAt());
  }

  /**
   * The winner of the race may have consumed its token just before that token expired; a purge
   * that runs before the rotated token is saved finds the family empty. A revocation that young
   * must not be forgotten yet.
   */
  @Test
  void consumeWhenSavedRightAfterItsRevokedFamilysLastRowWasPurgedThenRevoked() {
    RefreshTokenRecord first = record("h1", "f1");
    Instant expiry = first.expiresAt();
    store.save(first);
    assertInstanceOf(RefreshTokenStore.Consumed.class, store.consume("h1", expiry.minusSeconds(2)));
    store.revokeFamily("f1", expiry.minusSeconds(1));
    assertEquals(1, store.purgeExpired(expiry));
    store.save(new RefreshTokenRecord("h2", "f1", "client-a", "client-a", Set.of("users:read"),
        expiry, expiry.plus(Duration.ofDays(30)), null, null));

    assertInstanceOf(RefreshTokenStore.Revoked.class, store.consume("h2", expiry.plusSeconds(1)));
  }

  /**
   * Two callers present the same token at the same instant: exactly one rotates it, the other
   * sees reuse. Repeated because a lost update shows only in some interleavings.
   */
  @RepeatedTest(10)
  void consumeWhenTwoThreadsRaceThenExactlyOneConsumed() throws Exception {
    store.save(record("h1", "f1"));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch ready = new CountDownLatch(2);
      CountDownLatch start = new CountDownLatch(1);
      Callable<RefreshTokenStore.ConsumeResult> task = () -> {
        ready.countDown();
        start.await();
        return store.consume("h1", T0.plusSeconds(1));
      };
      Future<RefreshTokenStore.ConsumeResult> a = pool.submit(task);
      Future<RefreshTokenStore.ConsumeResult> b = pool.submit(task);
      assertTrue(ready.await(30, TimeUnit.SECONDS), "both threads started");
      start.countDown();
      List<RefreshTokenStore.ConsumeResult> results =
          List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
      assertEquals(1, results.stream().filter(RefreshTokenStore.Consumed.class::isInstance).count(),
          results.toString());
      assertEquals(1,
          results.stream().filter(RefreshTokenStore.AlreadyUsed.class::isInstance).count(),
          results.toString());
      assertEquals(T0.plusSeconds(1), store.find("h1").orElseThrow().usedAt());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void consumeWhenManyThreadsRaceThenExactlyOneConsumed() throws Exception {
    store.save(record("h1", "f1"));
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<RefreshTokenStore.ConsumeResult>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<RefreshTokenStore.ConsumeResult> task = () -> {
          start.await();
          return store.consume("h1", T0.plusSeconds(1));
        };
        results.add(pool.submit(task));
      }
      start.countDown();
      int consumed = 0;
      int alreadyUsed = 0;
      for (Future<RefreshTokenStore.ConsumeResult> f : results) {
        RefreshTokenStore.ConsumeResult r = f.get(30, TimeUnit.SECONDS);
        if (r instanceof RefreshTokenStore.Consumed) {
          consumed++;
        } else if (r instanceof RefreshTokenStore.AlreadyUsed) {
          alreadyUsed++;
        }
      }
      assertEquals(1, consumed);
      assertEquals(threads - 1, alreadyUsed);
    } finally {
      pool.shutdownNow();
    }
  }
}
