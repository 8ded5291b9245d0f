package io.admin.auth.core.ratelimit;

/**
 * Admits or refuses a request per key (a client id, a remote address, a principal). One
 * instance per limit; the caller chooses the key, e.g. {@link RemoteAddressKey#of} for a remote address.
 * Implementations are thread-safe and never throw for an ordinary key; a distributed
 * implementation whose backend is down throws {@link io.admin.auth.core.AuthUnavailableException}
 * (the caller decides whether to fail open).
 */
public interface RateLimiter {

  /** Takes one permit for {@code key} if available, and says so. */
  RateLimitDecision tryAcquire(String key);
}
