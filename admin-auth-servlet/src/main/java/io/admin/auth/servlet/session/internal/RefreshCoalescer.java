package io.admin.auth.servlet.session.internal;

import io.admin.auth.core.issue.TokenResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Lets two tabs refresh at once without logging the person out. Refresh tokens rotate with a
 * single winner and reuse detection, so two tabs presenting the same refresh cookie at the same
 * moment would make the second one "reuse" and revoke the whole session. Instead, on this node,
 * the rotations of one refresh token are coalesced: the first request rotates; a request with the
 * same token that arrives while it runs, or up to the leeway after it succeeded, waits for it and
 * gets the same new pair, so both tabs end with the same cookies.
 *
 * <p>The price, documented on {@link io.admin.auth.servlet.session.BrowserSessions#refreshLeeway}:
 * within the leeway a used refresh token is answered instead of being treated as reuse. Only the
 * holder of that token can get the answer (entries are keyed by its SHA-256), the window is short
 * (ten seconds by default, at most a minute), failures are never kept, and after the window reuse
 * detection applies as always. The coalescing is per node: behind a load balancer without
 * session affinity, two simultaneous refreshes that land on different nodes still have one winner
 * and one {@code AUTH_REFRESH_TOKEN_REUSED}. Memory is bounded ({@value #MAX_ENTRIES} entries;
 * when full, requests simply rotate on their own). Thread-safe.
 */
final class RefreshCoalescer {

  static final int MAX_ENTRIES = 10_000;

  private record Entry(CompletableFuture<TokenResult> result, Instant startedAt) {}

  private final Map<String, Entry> recent = new ConcurrentHashMap<>();
  private final Duration leeway;
  private final Clock clock;

  RefreshCoalescer(Duration leeway, Clock clock) {
    this.leeway = leeway;
    this.clock = clock;
  }

  /** The result of rotating {@code refreshToken}: {@code rotate}'s own, or a concurrent twin's. */
  TokenResult refresh(String refreshToken, Supplier<TokenResult> rotate) {
    if (leeway.isZero()) {
      return rotate.get();
    }
    Instant now = clock.instant();
    purge(now);
    String key = digest(refreshToken);
    Entry mine = new Entry(new CompletableFuture<>(), now);
    Entry prior = recent.putIfAbsent(key, mine);
    if (prior != null) {
      if (prior.startedAt().plus(leeway).isAfter(now) || !prior.result().isDone()) {
        return await(prior.result());
      }
      if (!recent.replace(key, prior, mine)) {
        return rotate.get();
      }
    }
    if (recent.size() > MAX_ENTRIES) {
      recent.remove(key, mine);
      return rotate.get();
    }
    try {
      TokenResult r = rotate.get();
      mine.result().complete(r);
      if (!(r instanceof TokenResult.Issued)) {
        recent.remove(key, mine);
      }
      return r;
    } catch (RuntimeException e) {
      mine.result().completeExceptionally(e);
      recent.remove(key, mine);
      throw e;
    }
  }

  private static TokenResult await(CompletableFuture<TokenResult> f) {
    try {
      return f.join();
    } catch (CompletionException | CancellationException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private void purge(Instant now) {
    recent.entrySet().removeIf(e -> e.getValue().result().isDone()
        && !e.getValue().startedAt().plus(leeway).isAfter(now));
  }

  private static String digest(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
