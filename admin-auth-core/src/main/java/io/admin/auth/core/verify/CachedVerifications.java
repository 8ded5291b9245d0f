package io.admin.auth.core.verify;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.internal.jose.ParsedClaims;
import io.admin.auth.core.VerificationKey;
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

  CachedVerifications(VerifiedTokenCache cache, KeySelector keys, Liveness liveness, Clock clock) {
    this.cache = cache;
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
      return null;
    }
    VerificationKey current = keys.currentFor(cached.key());
    if (current == null) {
      cache.remove(token, cached);
      return null;
    }
    VerifiedTokenCache.Entry hit = current == cached.key() ? cached
        : cache.rekey(token, cached, current);
    ParsedClaims claims = hit.claims();
    if (withTime) {
      Checked dead = liveness.check(claims, token);
      if (dead != null) {
        // Expired and revoked stay so; a token not yet valid will be, so it stays cached.
        if (dead.error().code() != AuthErrorCode.AUTH_TOKEN_NOT_YET_VALID) {
          cache.remove(token, hit);
        }
        return dead;
      }
    }
    return hit.verified();
  }

  /** Remembers a token that passed every check, time and revocation included. */
  void remember(String token, Checked verified) {
    cache.put(token, new VerifiedTokenCache.Entry(verified, VerifiedTokenCache.estimatedBytes(token)),
        clock.instant().getEpochSecond());
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
