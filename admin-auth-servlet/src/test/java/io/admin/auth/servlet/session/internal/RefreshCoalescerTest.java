package io.admin.auth.servlet.session.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.issue.TokenResponse;
import io.admin.auth.core.issue.TokenResult;
import io.admin.auth.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two tabs, one rotation: what the coalescer shares, for how long, and what it never keeps. */
class RefreshCoalescerTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final AtomicInteger rotations = new AtomicInteger();

  private TokenResult issued() {
    int n = rotations.incrementAndGet();
    return new TokenResult.Issued(new TokenResponse("at-" + n, "Bearer", 3600, "rt-" + n,
        Set.of("openid")));
  }

  @Test
  void concurrentRefreshesOfOneTokenRotateOnceAndShareTheAnswer() throws Exception {
    RefreshCoalescer c = new RefreshCoalescer(Duration.ofSeconds(10), clock);
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<TokenResult> first = CompletableFuture.supplyAsync(() -> c.refresh("rt-0",
        () -> {
          inside.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return issued();
        }));
    inside.await(10, TimeUnit.SECONDS);
    CompletableFuture<TokenResult> second =
        CompletableFuture.supplyAsync(() -> c.refresh("rt-0", this::issued));
    Thread.sleep(50);
    release.countDown();
    assertSame(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));
    assertEquals(1, rotations.get());
  }

  @Test
  void withinTheLeewayTheSameAnswerAfterItAnotherRotation() {
    RefreshCoalescer c = new RefreshCoalescer(Duration.ofSeconds(10), clock);
    TokenResult a = c.refresh("rt-0", this::issued);
    clock.advance(Duration.ofSeconds(9));
    assertSame(a, c.refresh("rt-0", this::issued));
    clock.advance(Duration.ofSeconds(2));
    TokenResult b = c.refresh("rt-0", this::issued);
    assertEquals(2, rotations.get());
    assertEquals("rt-2", ((TokenResult.Issued) b).response().refreshToken());
  }

  @Test
  void failuresAndExceptionsAreNotKeptAndZeroLeewayNeverShares() {
    RefreshCoalescer c = new RefreshCoalescer(Duration.ofSeconds(10), clock);
    TokenResult failed = new TokenResult.Failed(AuthError.of(
        AuthErrorCode.AUTH_REFRESH_TOKEN_REUSED, "reused"));
    assertSame(failed, c.refresh("rt-x", () -> failed));
    assertEquals("rt-1", ((TokenResult.Issued) c.refresh("rt-x", this::issued)).response()
        .refreshToken());
    assertThrows(IllegalStateException.class, () -> c.refresh("rt-y", () -> {
      throw new IllegalStateException("store down");
    }));
    assertEquals("rt-2", ((TokenResult.Issued) c.refresh("rt-y", this::issued)).response()
        .refreshToken());

    RefreshCoalescer off = new RefreshCoalescer(Duration.ZERO, clock);
    off.refresh("rt-z", this::issued);
    off.refresh("rt-z", this::issued);
    assertEquals(4, rotations.get());
  }
}
