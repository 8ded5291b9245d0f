package io.admin.auth.core.store.memory;

import io.admin.auth.core.spi.RevocationStore;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link RevocationStore} in memory. Memory stays bounded as long as {@link #purgeExpired} runs;
 * the token service calls it on every revocation.
 */
public final class InMemoryRevocationStore implements RevocationStore {

  private final ConcurrentMap<String, Instant> jtis = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Instant> families = new ConcurrentHashMap<>();

  /** {@inheritDoc} */
  @Override
  public void revokeAccessToken(String jti, Instant keepUntil) {
    Objects.requireNonNull(jti, "jti");
    Objects.requireNonNull(keepUntil, "keepUntil");
    jtis.merge(jti, keepUntil, InMemoryRevocationStore::later);
  }

  /** {@inheritDoc} */
  @Override
  public void revokeFamily(String familyId, Instant keepUntil) {
    Objects.requireNonNull(familyId, "familyId");
    Objects.requireNonNull(keepUntil, "keepUntil");
    families.merge(familyId, keepUntil, InMemoryRevocationStore::later);
  }

  /** {@inheritDoc} */
  @Override
  public boolean isRevoked(String jti, String familyId) {
    return (jti != null && jtis.containsKey(jti))
        || (familyId != null && families.containsKey(familyId));
  }

  /** {@inheritDoc} */
  @Override
  public int purgeExpired(Instant now) {
    int before = jtis.size() + families.size();
    jtis.values().removeIf(until -> until.isBefore(now));
    families.values().removeIf(until -> until.isBefore(now));
    return Math.max(0, before - jtis.size() - families.size());
  }

  /** How many entries are held (for tests and metrics). */
  public int size() {
    return jtis.size() + families.size();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
