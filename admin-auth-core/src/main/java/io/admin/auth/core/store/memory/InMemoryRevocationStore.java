package io.admin.auth.core.store.memory;

import io.admin.auth.core.spi.RevocationStore;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link RevocationStore} in memory. Memory stays bounded as long as {@link #purgeExpired} runs;
 * the token service calls it on every revocation.
 *
 * <p>Compact: an id in the form this library issues (22 base64url characters, 128 random bits) is
 * held as two {@code long}s instead of a string, and the instant as epoch milliseconds, about 86
 * bytes per entry instead of 130, so a million revoked tokens take well under 128 MB (measured in
 * BENCHMARKS.md). Canonical base64url is one-to-one, so a compact key never equals a different id;
 * any other id is kept as given.
 */
public final class InMemoryRevocationStore implements RevocationStore {

  private static final int COMPACT_CHARS = 22;

  private final ConcurrentMap<Object, Long> jtis = new ConcurrentHashMap<>();
  private final ConcurrentMap<Object, Long> families = new ConcurrentHashMap<>();

  /** {@inheritDoc} */
  @Override
  public void revokeAccessToken(String jti, Instant keepUntil) {
    Objects.requireNonNull(jti, "jti");
    Objects.requireNonNull(keepUntil, "keepUntil");
    jtis.merge(key(jti), ceilMillis(keepUntil), Math::max);
  }

  /** {@inheritDoc} */
  @Override
  public void revokeFamily(String familyId, Instant keepUntil) {
    Objects.requireNonNull(familyId, "familyId");
    Objects.requireNonNull(keepUntil, "keepUntil");
    families.merge(key(familyId), ceilMillis(keepUntil), Math::max);
  }

  /** {@inheritDoc} */
  @Override
  public boolean isRevoked(String jti, String familyId) {
    return (jti != null && !jtis.isEmpty() && jtis.containsKey(key(jti)))
        || (familyId != null && !families.isEmpty() && families.containsKey(key(familyId)));
  }

  /** {@inheritDoc} */
  @Override
  public int purgeExpired(Instant now) {
    int before = jtis.size() + families.size();
    // Kept while keepUntil >= now; rounding keepUntil up to the millisecond only keeps it longer.
    long nowMillis = now.toEpochMilli();
    jtis.values().removeIf(until -> until < nowMillis);
    families.values().removeIf(until -> until < nowMillis);
    return Math.max(0, before - jtis.size() - families.size());
  }

  /**
   * How many entries are held (for tests and metrics).
   *
   * @return the number of revoked tokens and families
   */
  public int size() {
    return jtis.size() + families.size();
  }

  private static long ceilMillis(Instant t) {
    long millis = t.toEpochMilli();
    return t.getNano() % 1_000_000 == 0 ? millis : millis + 1;
  }

  // The id as 128 bits when it is canonical unpadded base64url of 16 bytes, else the id itself.
  static Object key(String id) {
    if (id.length() != COMPACT_CHARS) {
      return id;
    }
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < COMPACT_CHARS; i++) {
      int v = value(id.charAt(i));
      if (v < 0) {
        return id;
      }
      int bits = 6;
      if (i == COMPACT_CHARS - 1) {
        if ((v & 0x0F) != 0) {
          return id; // non-canonical trailing bits: another string for the same bytes
        }
        v >>= 4;
        bits = 2;
      }
      hi = hi << bits | lo >>> (64 - bits);
      lo = lo << bits | v;
    }
    return new Id128(hi, lo);
  }

  private static int value(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    return c == '-' ? 62 : c == '_' ? 63 : -1;
  }

  /** A 128-bit id; never equal to a string key. */
  record Id128(long hi, long lo) {}
}
