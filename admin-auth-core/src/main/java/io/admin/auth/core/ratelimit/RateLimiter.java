package io.admin.auth.core.ratelimit;

import io.admin.auth.core.observe.AuthObserver;
import java.util.Objects;

/**
 * Admits or refuses a request per key (a client id, a remote address, a principal). One
 * instance per limit; the caller chooses the key, e.g. {@link RemoteAddressKey#of} for a remote address.
 * Implementations are thread-safe and never throw for an ordinary key; a distributed
 * implementation whose backend is down throws {@link io.admin.auth.core.AuthUnavailableException}
 * (the caller decides whether to fail open).
 */
public interface RateLimiter {

  /**
   * Takes one permit for {@code key} if available, and says so.
   *
   * @param key what is limited, e.g. a client address
   * @return allowed, or denied with how long to wait
   */
  RateLimitDecision tryAcquire(String key);

  /**
   * This limiter, telling {@code observer} of every refusal as {@link AuthObserver#rateLimited}
   * {@code (limit)}; answers are unchanged. {@code limit} names the limit in metrics, so it must be
   * a constant, never a key.
   *
   * @param limit the constant name of the limit in metrics
   * @param observer told of every refusal; required
   * @return a limiter answering as this one
   */
  default RateLimiter observed(String limit, AuthObserver observer) {
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(observer, "observer");
    RateLimiter self = this;
    return key -> {
      RateLimitDecision decision = self.tryAcquire(key);
      if (!decision.allowed()) {
        observer.rateLimited(limit);
      }
      return decision;
    };
  }
}
