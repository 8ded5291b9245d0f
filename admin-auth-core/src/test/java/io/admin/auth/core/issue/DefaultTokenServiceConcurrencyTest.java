package io.admin.auth.core.issue;

import io.admin.auth.core.spi.OAuthClient;

import static io.admin.auth.core.issue.ServiceFixture.SECRET;
import static io.admin.auth.core.issue.ServiceFixture.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

/** Concurrent use of one refresh token (docs/http-contract.md section 2: exactly one wins). */
class DefaultTokenServiceConcurrencyTest {

  private static final int THREADS = 24;

  @RepeatedTest(5)
  void refreshWhenManyThreadsUseOneTokenThenExactlyOneWinsAndOthersSeeReuse() throws Exception {
    DefaultTokenService service = ServiceFixture.builder(MutableClock.atGuideExample()).build();
    OAuthClient client = service.registerClient(ClientRegistration.of("c", SECRET, Set.of("a")));
    String refreshToken = issued(service.clientCredentials(client, Optional.empty())).refreshToken();

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<TokenResult>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return service.refresh(client, refreshToken, Optional.empty());
        }));
      }
      start.countDown();
      int winners = 0;
      int reused = 0;
      for (Future<TokenResult> f : futures) {
        TokenResult r = f.get(60, TimeUnit.SECONDS);
        if (r instanceof TokenResult.Issued) {
          winners++;
        } else if (((TokenResult.Failed) r).error().code()
            == AuthErrorCode.AUTH_REFRESH_TOKEN_REUSED) {
          reused++;
        }
      }
      assertEquals(1, winners);
      assertEquals(THREADS - 1, reused);
    } finally {
      pool.shutdownNow();
    }
  }
}
