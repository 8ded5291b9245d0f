package io.admin.auth.core.verify;

import io.admin.auth.core.internal.jose.ParsedClaims;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.VerificationKey;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Tokens that passed every check of {@link AccessTokenVerifier}, keyed by the whole token string
 * (compared with {@code equals}, so a hit is never a different token), with what the verifier
 * needs to answer a repeat without the signature check or claim parsing: its {@link Checked} answer,
 * with the claims (for the time checks and the revocation lookup, which the verifier still makes on
 * every hit) and the key object that verified it (a hit counts only while the key ring still holds
 * that key).
 *
 * <p>Bounded in entries and in estimated bytes ({@link #estimatedBytes}); when an insert would
 * exceed either bound, an eighth of the capacity is evicted first (expired entries and then
 * whatever comes next in hash order, which is effectively random), so a flood of distinct valid
 * tokens costs amortised constant work per insert. Reads are lock-free; inserts and removals
 * take a short lock to keep the accounting exact. Thread-safe.
 *
 * <p>The map hashes only the token's length and last {@value #HASHED_CHARS} characters (the end of
 * the signature, effectively random for signed tokens): {@code String.hashCode} over a whole token,
 * recomputed for every request's new string, cost as much as an HMAC. Equality is still the whole
 * token. Crafted collisions gain nothing: only tokens that verified get in, and a lookup that
 * collides just compares a few more strings.
 */
final class VerifiedTokenCache {

  /** Per-entry overhead beyond the token characters: map node, entry, claims, principal. */
  static final int ENTRY_OVERHEAD_BYTES = 2048;
  /** How many trailing characters of a token go into its hash. */
  static final int HASHED_CHARS = 32;

  private final ConcurrentHashMap<TokenKey, Entry> map = new ConcurrentHashMap<>();
  private final int maxEntries;
  private final long maxBytes;
  private final Object lock = new Object();
  private long bytes;

  VerifiedTokenCache(int maxEntries, long maxBytes) {
    if (maxEntries < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("cache bounds must be positive");
    }
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  /**
   * What one verified token costs this cache: a conservative estimate of its retained heap (the
   * token is held as a Latin-1 string, the claims twice: typed and in the principal).
   */
  static long estimatedBytes(String token) {
    return ENTRY_OVERHEAD_BYTES + 3L * token.length();
  }

  /** The entry for exactly {@code token}, or {@code null}. */
  Entry get(String token) {
    return map.get(new TokenKey(token));
  }

  /** Remembers a verified token; a token too large for the byte bound is not cached. */
  void put(String token, Entry entry, long nowEpochSecond) {
    if (entry.bytes() > maxBytes) {
      return;
    }
    synchronized (lock) {
      TokenKey key = new TokenKey(token);
      if (map.containsKey(key)) {
        return;
      }
      if (map.size() + 1 > maxEntries || bytes + entry.bytes() > maxBytes) {
        evict(Math.max(1, maxEntries / 8), Math.max(entry.bytes(), maxBytes / 8), nowEpochSecond);
      }
      if (map.size() + 1 <= maxEntries && bytes + entry.bytes() <= maxBytes) {
        map.put(key, entry);
        bytes += entry.bytes();
      }
    }
  }

  /** Forgets {@code token} if it still maps to {@code entry}. */
  void remove(String token, Entry entry) {
    synchronized (lock) {
      if (map.remove(new TokenKey(token), entry)) {
        bytes -= entry.bytes();
      }
    }
  }

  /**
   * Points {@code token}'s entry at {@code key}, a new object with the same key material as the
   * entry's (so later hits compare by identity again); returns the entry to use.
   */
  Entry rekey(String token, Entry entry, VerificationKey key) {
    Entry updated = new Entry(new Checked(entry.claims(), entry.outcome(), key, null),
        entry.bytes());
    synchronized (lock) {
      return map.replace(new TokenKey(token), entry, updated) ? updated : entry;
    }
  }

  /** Forgets every entry whose verifying key {@code notTrusted} accepts; returns how many. */
  int removeIf(Predicate<VerificationKey> notTrusted) {
    int removed = 0;
    synchronized (lock) {
      for (Iterator<Map.Entry<TokenKey, Entry>> it = map.entrySet().iterator(); it.hasNext(); ) {
        Entry e = it.next().getValue();
        if (notTrusted.test(e.key())) {
          it.remove();
          bytes -= e.bytes();
          removed++;
        }
      }
    }
    return removed;
  }

  /** How many tokens are cached. */
  int size() {
    return map.size();
  }

  /** The estimated bytes held, never above the byte bound. */
  long bytes() {
    synchronized (lock) {
      return bytes;
    }
  }

  // Called under the lock: expired entries go first, then arbitrary ones until enough is free.
  private void evict(int entriesToFree, long bytesToFree, long nowEpochSecond) {
    int freedEntries = 0;
    long freedBytes = 0;
    for (Iterator<Entry> it = map.values().iterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (e.expiresAtEpochSecond() <= nowEpochSecond) {
        it.remove();
        bytes -= e.bytes();
        freedEntries++;
        freedBytes += e.bytes();
      }
    }
    for (Iterator<Entry> it = map.values().iterator();
        it.hasNext() && (freedEntries < entriesToFree || freedBytes < bytesToFree); ) {
      Entry e = it.next();
      it.remove();
      bytes -= e.bytes();
      freedEntries++;
      freedBytes += e.bytes();
    }
  }

  /** A token as a map key: equal when the whole strings are equal, hashed on their ends. */
  static final class TokenKey {
    private final String token;
    private final int hash;

    TokenKey(String token) {
      this.token = token;
      int h = token.length();
      for (int i = Math.max(0, token.length() - HASHED_CHARS); i < token.length(); i++) {
        h = 31 * h + token.charAt(i);
      }
      this.hash = h;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TokenKey k && k.hash == hash && k.token.equals(token);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return "TokenKey[**********]";
    }
  }

  /**
   * One verified token.
   *
   * @param verified the answer given when it was verified: its claims (for the time checks and
   *     revocation lookup made on every hit), the principal, and the key object that verified it;
   *     a hit that passes those checks answers with this very object, allocating nothing
   * @param bytes its {@link #estimatedBytes} cost
   */
  record Entry(Checked verified, long bytes) {
    Entry {
      Objects.requireNonNull(verified, "verified");
      Objects.requireNonNull(verified.parsed(), "claims");
      Objects.requireNonNull(verified.outcome(), "outcome");
      Objects.requireNonNull(verified.key(), "key");
    }

    ParsedClaims claims() {
      return verified.parsed();
    }

    AuthOutcome.Authenticated outcome() {
      return verified.outcome();
    }

    VerificationKey key() {
      return verified.key();
    }

    long expiresAtEpochSecond() {
      return claims().expiresAt().getEpochSecond();
    }
  }
}
