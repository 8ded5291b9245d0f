package io.admin.auth.core.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.RevocationStore;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MaintenanceTest {

  private final IssueParts parts = new IssueParts();
  private final Maintenance maintenance = parts.maintenance(parts.revocations);

  @Test
  void runWhenEntriesExpiredThenPurgedAndLiveOnesKept() {
    Instant now = parts.clock.instant();
    parts.revocations.revokeAccessToken("dead", now.plusSeconds(10));
    parts.revocations.revokeAccessToken("live", now.plusSeconds(100));
    OAuthClient client = IssueParts.client("c1", Set.of("a"));
    parts.refreshGrants.issue("f1", client, "c1", Set.of("a"), Duration.ofSeconds(10));
    parts.refreshGrants.issue("f2", client, "c1", Set.of("a"), Duration.ofSeconds(100));

    parts.clock.advance(Duration.ofSeconds(50));
    maintenance.run();

    assertFalse(parts.revocations.isRevoked("dead", null));
    assertTrue(parts.revocations.isRevoked("live", null));
    assertEquals(1, parts.refreshStore.size());
  }

  @Test
  void runWhenCodesExpiredThenKeptThroughTheReplayWindowThenPurged() {
    OAuthClient client = new OAuthClient("c1", "unused-hash", Set.of("openid"),
        Set.of("authorization_code"), false, null, null);
    parts.codes.issue(Optional.of(client), new io.admin.auth.core.signin.ApprovedAuthorization("c1",
        "https://app.example/cb", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "alice",
        Set.of("openid"), null, parts.clock.instant(), null));

    parts.clock.advance(AuthorizationCodes.MAX_TTL.plus(IssueParts.HORIZON).minusSeconds(1));
    maintenance.run();
    assertEquals(1, parts.codeStore.size(), "a replay is still recognised in the window");

    parts.clock.advance(Duration.ofSeconds(1));
    maintenance.run();
    assertEquals(0, parts.codeStore.size());
  }

  @Test
  void runWhenRotationDueThenDoneAtOnceWhateverTheRingRefresh() {
    // Just before the successor is due: the ring was read a second ago, so use alone won't re-read.
    parts.clock.advance(Duration.ofDays(29).minusSeconds(1));
    assertEquals(1, parts.ring.ring().keys().size());
    parts.clock.advance(Duration.ofSeconds(2));
    assertEquals(1, parts.ring.ring().keys().size());

    maintenance.run();

    assertEquals(2, parts.ring.ring().keys().size(), "successor published");
  }

  @Test
  void scheduleWhenARunFailsThenLaterRunsStillHappen() throws Exception {
    FailingOnceRevocations flaky = new FailingOnceRevocations();
    Maintenance m = parts.maintenance(flaky);
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      ScheduledFuture<?> task = m.schedule(executor, Duration.ofMillis(5));
      assertTrue(flaky.secondPurge.await(10, TimeUnit.SECONDS));
      assertFalse(task.isDone(), "a failed run must not end the schedule");
      task.cancel(false);
    } finally {
      executor.shutdownNow();
    }
  }

  /** A revocation store whose first purge finds the database down. */
  private static final class FailingOnceRevocations implements RevocationStore {
    private final InMemoryRevocationStore delegate = new InMemoryRevocationStore();
    private final AtomicInteger purges = new AtomicInteger();
    final CountDownLatch secondPurge = new CountDownLatch(1);

    @Override
    public void revokeAccessToken(String jti, Instant keepUntil) {
      delegate.revokeAccessToken(jti, keepUntil);
    }

    @Override
    public void revokeFamily(String familyId, Instant keepUntil) {
      delegate.revokeFamily(familyId, keepUntil);
    }

    @Override
    public boolean isRevoked(String jti, String familyId) {
      return delegate.isRevoked(jti, familyId);
    }

    @Override
    public int purgeExpired(Instant now) {
      if (purges.incrementAndGet() == 1) {
        throw new AuthUnavailableException("database down");
      }
      secondPurge.countDown();
      return delegate.purgeExpired(now);
    }
  }
}
