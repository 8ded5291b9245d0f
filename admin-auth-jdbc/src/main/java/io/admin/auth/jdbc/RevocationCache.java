package io.admin.auth.jdbc;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node-local copy of the revocation list that the verification hot path reads: revoked
 * {@code jti}s and refresh-token families, each with the instant until which it must be kept.
 * Entries only ever grow later ({@code keepUntil} is the maximum seen) until purged, so merging
 * in any order from any source (own writes, notifications, polls) gives the same result.
 */
final class RevocationCache {

  private final Map<String, Instant> jtis = new ConcurrentHashMap<>();
  private final Map<String, Instant> families = new ConcurrentHashMap<>();

  void addJti(String jti, Instant keepUntil) {
    jtis.merge(jti, keepUntil, RevocationCache::later);
  }

  void addFamily(String familyId, Instant keepUntil) {
    families.merge(familyId, keepUntil, RevocationCache::later);
  }

  boolean contains(String jti, String familyId) {
    return (jti != null && jtis.containsKey(jti))
        || (familyId != null && families.containsKey(familyId));
  }

  /** Forgets entries kept until before {@code now}; returns how many. */
  int purge(Instant now) {
    int before = jtis.size() + families.size();
    jtis.values().removeIf(until -> until.isBefore(now));
    families.values().removeIf(until -> until.isBefore(now));
    return Math.max(0, before - jtis.size() - families.size());
  }

  int size() {
    return jtis.size() + families.size();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
