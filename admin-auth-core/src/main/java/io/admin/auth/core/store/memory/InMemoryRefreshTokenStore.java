package io.admin.auth.core.store.memory;

import io.admin.auth.core.spi.RefreshTokenRecord;
import io.admin.auth.core.spi.RefreshTokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link RefreshTokenStore} in memory. {@link #consume} is atomic through
 * {@link ConcurrentMap#compute}. Family revocation scans all records, which is fine for the sizes
 * an in-memory store is meant for (tests, development, single small nodes).
 *
 * <p>Revoked family ids are also remembered, so that a token saved after its family was revoked
 * is born revoked: in a refresh race the loser can revoke the family between the winner's
 * {@code consume} and its {@code save}. The id is written before the records are scanned, and
 * {@code consume} reads it inside the atomic section, so no interleaving lets the new token live.
 * A revoked family is remembered while any of its tokens is held, and at least ten minutes
 * after its revocation, so a purge cannot forget it just before the race's rotated token is saved.
 */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {

  // A rotated token is saved within one request of the consume the revocation raced.
  private static final Duration REVOCATION_GRACE = Duration.ofMinutes(10);

  private final ConcurrentMap<String, RefreshTokenRecord> records = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Instant> revokedFamilies = new ConcurrentHashMap<>();

  /** {@inheritDoc} */
  @Override
  public void save(RefreshTokenRecord record) {
    Objects.requireNonNull(record, "record");
    if (records.putIfAbsent(record.tokenHash(), record) != null) {
      throw new IllegalArgumentException("duplicate refresh token hash");
    }
  }

  /** {@inheritDoc} */
  @Override
  public Optional<RefreshTokenRecord> find(String tokenHash) {
    return tokenHash == null ? Optional.empty() : Optional.ofNullable(records.get(tokenHash));
  }

  /** {@inheritDoc} */
  @Override
  public ConsumeResult consume(String tokenHash, Instant now) {
    Objects.requireNonNull(now, "now");
    if (tokenHash == null) {
      return new NotFound();
    }
    ConsumeResult[] result = {new NotFound()};
    records.computeIfPresent(tokenHash, (hash, current) -> {
      if (current.usedAt() != null) {
        result[0] = new AlreadyUsed(current);
        return current;
      }
      if (current.revokedAt() != null) {
        result[0] = new Revoked(current);
        return current;
      }
      Instant familyRevokedAt = revokedFamilies.get(current.familyId());
      if (familyRevokedAt != null) {
        RefreshTokenRecord revoked = current.withRevokedAt(familyRevokedAt);
        result[0] = new Revoked(revoked);
        return revoked;
      }
      RefreshTokenRecord used = current.withUsedAt(now);
      result[0] = new Consumed(used);
      return used;
    });
    return result[0];
  }

  /** {@inheritDoc} */
  @Override
  public void revokeFamily(String familyId, Instant now) {
    Objects.requireNonNull(now, "now");
    revokedFamilies.putIfAbsent(familyId, now);
    records.replaceAll((hash, r) ->
        r.familyId().equals(familyId) && r.revokedAt() == null ? r.withRevokedAt(now) : r);
  }

  /** {@inheritDoc} */
  @Override
  public Optional<Set<String>> familiesOf(String subject, String clientId) {
    Set<String> out = new HashSet<>();
    records.values().forEach(r -> {
      if (r.subject().equals(subject) && r.clientId().equals(clientId)) {
        out.add(r.familyId());
      }
    });
    return Optional.of(Set.copyOf(out));
  }

  /** {@inheritDoc} */
  @Override
  public int purgeExpired(Instant cutoff) {
    int before = records.size();
    records.values().removeIf(r -> !r.expiresAt().isAfter(cutoff));
    // A revoked family is forgotten once none of its tokens is left to be presented.
    Set<String> live = new HashSet<>();
    records.values().forEach(r -> live.add(r.familyId()));
    Instant forgetBefore = cutoff.minus(REVOCATION_GRACE);
    revokedFamilies.entrySet().removeIf(
        e -> !live.contains(e.getKey()) && !e.getValue().isAfter(forgetBefore));
    return Math.max(0, before - records.size());
  }

  /**
   * How many records are held (for tests and metrics).
   *
   * @return the number of records, used and revoked ones included
   */
  public int size() {
    return records.size();
  }

  /** {@code false}: everything is lost with the process. */
  @Override
  public boolean persistent() {
    return false;
  }
}
