package io.admin.auth.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.spi.AuthorizationCode;
import io.admin.auth.core.spi.AuthorizationCodeStore;
import io.admin.auth.core.spi.AuthorizationCodeStore.AlreadyRedeemed;
import io.admin.auth.core.spi.AuthorizationCodeStore.NotFound;
import io.admin.auth.core.spi.AuthorizationCodeStore.RedeemResult;
import io.admin.auth.core.spi.AuthorizationCodeStore.Redeemed;
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
 * The behaviour every {@link AuthorizationCodeStore} must have: codes bound to everything the
 * token request must match, redeemed exactly once even under a race, replays recognised until the
 * code expires (see {@code docs/http-contract.md}, "Signing people in"). Store modules extend this
 * class and implement {@link #newStore()} (an empty store per test).
 */
public abstract class AuthorizationCodeStoreContract {

  /** For the subclass that supplies the store under test. */
  protected AuthorizationCodeStoreContract() {}

  /** The instant the fixtures are issued at. */
  protected static final Instant T0 = Instant.parse("2025-03-15T10:00:00Z");

  /** A fresh store from {@link #newStore()} for each test. */
  protected AuthorizationCodeStore store;

  /**
   * A new, empty store.
   *
   * @return a store holding nothing and shared with no other test; called once before each test
   */
  protected abstract AuthorizationCodeStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  /**
   * A code with every field set, issued at {@link #T0}, valid for 60 seconds.
   *
   * @param hash the code hash, the key the store redeems by; also names the grant ({@code
   *     grant-<hash>})
   * @return an unredeemed code for {@code client-a} and {@code alice}
   */
  protected static AuthorizationCode code(String hash) {
    return new AuthorizationCode(hash, "client-a", "https://app.example/callback?x=1",
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "alice",
        Set.of("openid", "profile", "email", "offline_access"), "n-0S6_WzA2Mj", T0.minusSeconds(30),
        "sid-1", "grant-" + hash, T0, T0.plusSeconds(60), null);
  }

  private static String repeat(char c, int n) {
    return String.valueOf(c).repeat(n);
  }

  @Test
  void redeemWhenSavedThenRedeemedCarryingEveryFieldAndRedeemedAt() {
    AuthorizationCode c = code("h1");
    store.save(c);
    Redeemed r = assertInstanceOf(Redeemed.class, store.redeem("h1", T0.plusSeconds(5)));
    assertEquals(c.withRedeemedAt(T0.plusSeconds(5)), r.code());
  }

  @Test
  void redeemWhenNonceSessionAndScopesAbsentThenTheyComeBackAbsent() {
    AuthorizationCode c = new AuthorizationCode("h1", "client-a", "com.example.app:/cb",
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "alice", Set.of(), null, T0, null, "g1",
        T0, T0.plusSeconds(60), null);
    store.save(c);
    Redeemed r = assertInstanceOf(Redeemed.class, store.redeem("h1", T0.plusSeconds(1)));
    assertEquals(c.withRedeemedAt(T0.plusSeconds(1)), r.code());
  }

  /**
   * The store must hold the largest values the endpoints accept: redirect URIs of 2,000
   * characters, a nonce of 512 (any characters), subjects and client ids of 255, PKCE challenges
   * of 128 (RFC 7636 4.2).
   */
  @Test
  void redeemWhenLargestValuesTheProtocolAllowsThenEveryFieldRoundTrips() {
    String redirect = "https://app.example/" + repeat('r', 2000 - 20);
    AuthorizationCode c = new AuthorizationCode("h1", repeat('c', 255), redirect,
        repeat('p', 128), "é" + repeat('s', 254), Set.of("openid", "a:b", "x.y/z", "users:read"),
        "ñ✓" + repeat('n', 510), T0, "sid-é", "g1", T0, T0.plusSeconds(60), null);
    assertEquals(2000, redirect.length());
    store.save(c);
    Redeemed r = assertInstanceOf(Redeemed.class, store.redeem("h1", T0.plusSeconds(1)));
    assertEquals(c.withRedeemedAt(T0.plusSeconds(1)), r.code());
  }

  @Test
  void saveWhenSameHashThenRefusedAndTheFirstCodeKept() {
    store.save(code("h1"));
    AuthorizationCode other = new AuthorizationCode("h1", "client-b", "https://evil.example/cb",
        "challenge-b-challenge-b-challenge-b-challeng", "mallory", Set.of("openid"), null, T0,
        null, "g2", T0, T0.plusSeconds(60), null);
    assertThrows(IllegalArgumentException.class, () -> store.save(other));
    Redeemed r = assertInstanceOf(Redeemed.class, store.redeem("h1", T0.plusSeconds(1)));
    assertEquals("client-a", r.code().clientId());
    assertEquals("alice", r.code().subject());
  }

  @Test
  void redeemWhenRedeemedBeforeThenAlreadyRedeemedWithTheFirstInstant() {
    store.save(code("h1"));
    assertInstanceOf(Redeemed.class, store.redeem("h1", T0.plusSeconds(5)));
    AlreadyRedeemed again =
        assertInstanceOf(AlreadyRedeemed.class, store.redeem("h1", T0.plusSeconds(9)));
    assertEquals(code("h1").withRedeemedAt(T0.plusSeconds(5)), again.code());
    assertInstanceOf(AlreadyRedeemed.class, store.redeem("h1", T0.plusSeconds(10)));
  }

  @Test
  void redeemWhenUnknownOrNullThenNotFound() {
    store.save(code("h1"));
    assertInstanceOf(NotFound.class, store.redeem("h2", T0.plusSeconds(1)));
    assertInstanceOf(NotFound.class, store.redeem(null, T0.plusSeconds(1)));
  }

  @Test
  void redeemWhenOneCodeRedeemedThenOthersUntouched() {
    store.save(code("h1"));
    store.save(code("h2"));
    assertInstanceOf(Redeemed.class, store.redeem("h1", T0.plusSeconds(1)));
    Redeemed r = assertInstanceOf(Redeemed.class, store.redeem("h2", T0.plusSeconds(2)));
    assertEquals(T0.plusSeconds(2), r.code().redeemedAt());
  }

  /** The caller checks expiry; the store still answers, so a late replay is recognised. */
  @Test
  void redeemWhenPastExpiryButNotPurgedThenAnsweredForTheCallerToJudge() {
    store.save(code("h1"));
    store.save(code("h2"));
    assertInstanceOf(Redeemed.class, store.redeem("h1", T0.plusSeconds(5)));
    assertInstanceOf(AlreadyRedeemed.class, store.redeem("h1", T0.plusSeconds(61)));
    Redeemed late = assertInstanceOf(Redeemed.class, store.redeem("h2", T0.plusSeconds(61)));
    assertTrue(late.code().expiresAt().isBefore(late.code().redeemedAt()));
  }

  @Test
  void purgeExpiredWhenCutoffReachesExpiryThenOnlyExpiredCodesDeleted() {
    store.save(code("old"));
    AuthorizationCode redeemedYoung = new AuthorizationCode("young-redeemed", "client-a",
        "https://app.example/cb", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "alice",
        Set.of("openid"), null, T0, null, "g2", T0.plusSeconds(30), T0.plusSeconds(90), null);
    AuthorizationCode young = new AuthorizationCode("young", "client-a",
        "https://app.example/cb", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "alice",
        Set.of("openid"), null, T0, null, "g3", T0.plusSeconds(30), T0.plusSeconds(90), null);
    store.save(redeemedYoung);
    store.save(young);
    assertInstanceOf(Redeemed.class, store.redeem("young-redeemed", T0.plusSeconds(31)));

    assertEquals(0, store.purgeExpired(T0.plusSeconds(59)));
    assertEquals(1, store.purgeExpired(T0.plusSeconds(60)));
    assertEquals(0, store.purgeExpired(T0.plusSeconds(60)));

    assertInstanceOf(NotFound.class, store.redeem("old", T0.plusSeconds(61)));
    assertInstanceOf(AlreadyRedeemed.class, store.redeem("young-redeemed", T0.plusSeconds(61)));
    assertInstanceOf(Redeemed.class, store.redeem("young", T0.plusSeconds(61)));
  }

  /** Two token requests carry the same code at the same instant: exactly one may win. */
  @RepeatedTest(10)
  void redeemWhenTwoThreadsRaceThenExactlyOneRedeemed() throws Exception {
    store.save(code("h1"));
    List<RedeemResult> results = race("h1", 2);
    assertEquals(1, results.stream().filter(Redeemed.class::isInstance).count(),
        results.toString());
    assertEquals(1, results.stream().filter(AlreadyRedeemed.class::isInstance).count(),
        results.toString());
  }

  @Test
  void redeemWhenManyThreadsRaceThenExactlyOneRedeemedAndTheRestSeeAReplay() throws Exception {
    int threads = 16;
    for (int round = 0; round < 5; round++) {
      String hash = "race-" + round;
      store.save(code(hash));
      List<RedeemResult> results = race(hash, threads);
      assertEquals(1, results.stream().filter(Redeemed.class::isInstance).count(),
          "round " + round + ": " + results);
      assertEquals(threads - 1, results.stream().filter(AlreadyRedeemed.class::isInstance).count(),
          "round " + round + ": " + results);
      Instant won = results.stream().filter(Redeemed.class::isInstance)
          .map(r -> ((Redeemed) r).code().redeemedAt()).findFirst().orElseThrow();
      for (RedeemResult r : results) {
        if (r instanceof AlreadyRedeemed replay) {
          assertEquals(won, replay.code().redeemedAt(), "a replay sees the winner's instant");
        }
      }
    }
  }

  /** {@code threads} callers redeem {@code hash}, released at once by a latch. */
  private List<RedeemResult> race(String hash, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<RedeemResult>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Instant at = T0.plusSeconds(1 + i);
        Callable<RedeemResult> task = () -> {
          ready.countDown();
          start.await();
          return store.redeem(hash, at);
        };
        futures.add(pool.submit(task));
      }
      assertTrue(ready.await(30, TimeUnit.SECONDS), "every thread started");
      start.countDown();
      List<RedeemResult> results = new ArrayList<>();
      for (Future<RedeemResult> f : futures) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
