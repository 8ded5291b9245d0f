package io.admin.auth.core.verify;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.VerificationKey;
import io.admin.auth.core.observe.AuthObserver;
import java.time.Clock;

/**
 * The verified-token cache as the verifier uses it: a hit skips the signature check and claim
 * parsing, but not what can change since (the key ring, the time, the revocation store), so a hit
 * answers exactly as a full verification would.
 */
final class CachedVerifications {

  private final VerifiedTokenCache cache;
  private final KeySelector keys;
  private final Liveness liveness;
  private final Clock clock;
  private final EntryFootprint footprint;
  private final AuthObserver observer;

  CachedVerifications(VerifiedTokenCache cache, KeySelector keys, Liveness liveness, Clock clock,
      EntryFootprint footprint, AuthObserver observer) {
    this.observer = observer;
    this.cache = cache;
    this.footprint = footprint;
    this.keys = keys;
    this.liveness = liveness;
    this.clock = clock;
  }

  /**
   * The answer for a cached {@code token}, re-checked for the key ring and, {@code withTime}, the
   * lifetime and revocation; {@code null} when the token must be verified from scratch (not
   * cached, or its key is no longer current).
   */
  Checked check(String token, boolean withTime) {
    VerifiedTokenCache.Entry cached = cache.get(token);
    if (cached == null) {
      observer.verifiedTokenCacheMiss();
      return null;
    }
    Checked hit = cached.verified;
    VerificationKey current = keys.currentFor(hit.key());
    if (current == null) {
      cache.remove(cached);
      // Its key left the ring: verified from scratch like any token not cached.
      observer.verifiedTokenCacheMiss();
      return null;
    }
    observer.verifiedTokenCacheHit();
    if (current != hit.key()) {
      hit = cache.rekey(cached, current);
    }
    if (withTime) {
      Checked dead = liveness.check(hit.parsed(), token);
      if (dead != null) {
        // Expired and revoked stay so; a token not yet valid will be, so it stays cached.
        if (dead.error().code() != AuthErrorCode.AUTH_TOKEN_NOT_YET_VALID) {
          cache.remove(cached);
        }
        return dead;
      }
    }
    return hit;
  }

  /** Remembers a token that passed every check, time and revocation included. */
  void remember(String token, Checked verified) {
    cache.put(token, verified, footprint.of(token, verified), clock.instant().getEpochSecond());
  }

  /** Forgets every token whose verifying key the resolver no longer returns; how many. */
  int evictUntrustedKeys() {
    return cache.removeIf(key -> keys.currentFor(key) == null);
  }

  /** How many tokens are cached. */
  int size() {
    return cache.size();
  }

  /** The cache's estimated heap use in bytes. */
  long bytes() {
    return cache.bytes();
  }
}
