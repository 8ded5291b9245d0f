package io.admin.auth.core.verify;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.internal.jose.ParsedClaims;
import io.admin.auth.core.VerificationKey;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Tokens that passed every check of {@link AccessTokenVerifier}, with what the verifier needs to
 * answer a repeat without the signature check or claim parsing: its {@link Checked} answer (the
 * claims for the time checks and revocation lookup the verifier still makes on every hit, and the
 * key object that verified it: a hit counts only while the key ring still holds that key).
 *
 * <p>Keyed by the whole token ({@link TokenKey}): a hit is an equal string, compared in full, found
 * in the bucket of a secret-keyed hash of the token's end, so no attacker can aim at a bucket. Each
 * entry keeps the token (the string the first request brought, not a copy); that costs its length
 * in bytes, and saves a digest over every character on each hit.
 *
 * <p>Bounded in entries and in estimated bytes ({@link EntryFootprint}). When an insert would
 * exceed either bound, entries are evicted one at a time, S3-FIFO style, so that tokens which recur
 * stay and one-off tokens pass through: a new token enters a probation queue; evicting from it, a
 * token used again since it came in moves to the main queue, the others (and expired ones) go.
 * The main queue is a CLOCK: a token used since the hand last passed gets another round. Probation
 * is the victim while it holds at least a {@value #PROBATION_SHARE}th of the entries, so a flood
 * of one-off tokens churns probation and never reaches the main queue. While both bounds leave
 * room nothing is evicted, so any set of tokens that fits is kept whole.
 *
 * <p>Hits are lock-free: one short hash, one {@link ConcurrentHashMap} read that compares the whole
 * token, and a use counter bumped only while below its cap (so a hot token's entry is read, not
 * written, by every request). Inserts, evictions and removals take one lock, off the hit path.
 * Thread-safe.
 */
final class VerifiedTokenCache {

  /** Probation is evicted from while it holds at least 1/this of the entries. */
  static final int PROBATION_SHARE = 10;
  /** Uses remembered per entry: a token used this often survives as many passes of the hand. */
  static final int MAX_USES = 3;

  private final ConcurrentHashMap<TokenKey, Entry> map = new ConcurrentHashMap<>();
  private final TokenKey.Hasher hasher;
  private final int maxEntries;
  private final long maxBytes;
  private final Object lock = new Object();
  private final ArrayDeque<Entry> probation = new ArrayDeque<>();
  private final ArrayDeque<Entry> main = new ArrayDeque<>();
  private long bytes;
  private int dead;

  /** An empty cache whose hash key is drawn from {@code random}. */
  VerifiedTokenCache(int maxEntries, long maxBytes, SecureRandom random) {
    if (maxEntries < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("cache bounds must be positive");
    }
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    this.hasher = new TokenKey.Hasher(Objects.requireNonNull(random, "random"));
  }

  /** The entry for exactly {@code token}, or {@code null}. */
  Entry get(String token) {
    Entry e = map.get(hasher.key(token));
    if (e != null && e.uses < MAX_USES) {
      e.uses++; // racy on purpose: a lost count only costs the entry one round of the hand
    }
    return e;
  }

  /**
   * Remembers a verified token costing {@code entryBytes}; one larger than the byte bound is not
   * cached.
   */
  void put(String token, Checked verified, long entryBytes, long nowEpochSecond) {
    if (entryBytes > maxBytes) {
      return;
    }
    Entry entry = new Entry(token, hasher.hash(token), verified,
        (int) Math.min(Integer.MAX_VALUE, entryBytes));
    synchronized (lock) {
      if (map.containsKey(entry)) {
        return;
      }
      while ((map.size() + 1 > maxEntries || bytes + entry.bytes > maxBytes)
          && evictOne(nowEpochSecond)) {
        // one entry at a time until the new one fits
      }
      if (map.size() + 1 <= maxEntries && bytes + entry.bytes <= maxBytes) {
        map.put(entry, entry);
        bytes += entry.bytes;
        probation.addLast(entry);
      }
    }
  }

  /** Forgets {@code entry} if it is still cached. */
  void remove(Entry entry) {
    synchronized (lock) {
      if (forget(entry)) {
        dead++;
        compactIfMostlyDead();
      }
    }
  }

  /**
   * Points {@code entry} at {@code key}, a new object with the same key material as the entry's
   * (so later hits compare by identity again); returns the answer to use.
   */
  Checked rekey(Entry entry, VerificationKey key) {
    Checked old = entry.verified;
    Checked updated = new Checked(old.parsed(), old.outcome(), key, null);
    entry.verified = updated;
    return updated;
  }

  /** Forgets every entry whose verifying key {@code notTrusted} accepts; returns how many. */
  int removeIf(Predicate<VerificationKey> notTrusted) {
    int removed = 0;
    synchronized (lock) {
      for (Iterator<Entry> it = map.values().iterator(); it.hasNext(); ) {
        Entry e = it.next();
        if (notTrusted.test(e.key())) {
          it.remove();
          bytes -= e.bytes;
          e.removed = true;
          dead++;
          removed++;
        }
      }
      compactIfMostlyDead();
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

  // Under the lock: evicts one entry; false when there is none left to evict.
  private boolean evictOne(long now) {
    while (true) {
      boolean fromProbation = main.isEmpty()
          || (long) probation.size() * PROBATION_SHARE >= map.size();
      Entry e = fromProbation ? probation.pollFirst() : main.pollFirst();
      if (e == null) {
        return false;
      }
      if (e.removed) {
        dead--;
        continue;
      }
      if (e.uses > 0 && e.expiresAtEpochSecond() > now) {
        // Probation: used again, so promoted; main: one more round of the hand.
        e.uses = fromProbation ? 0 : (byte) (e.uses - 1);
        main.addLast(e);
        continue;
      }
      forget(e);
      return true;
    }
  }

  private boolean forget(Entry e) {
    if (e.removed || !map.remove(e, e)) {
      return false;
    }
    e.removed = true;
    bytes -= e.bytes;
    return true;
  }

  // Removed entries stay in their queue until the queue reaches them; when they outnumber the
  // live ones (tokens revoked or expired faster than the cache fills), sweep them out at once.
  private void compactIfMostlyDead() {
    if (dead > 64 && dead > map.size()) {
      probation.removeIf(e -> e.removed);
      main.removeIf(e -> e.removed);
      dead = 0;
    }
  }

  /**
   * One verified token: the token (the map key is the entry itself, saving an object per token)
   * and its answer.
   */
  static final class Entry extends TokenKey {
    /** The answer given when it was verified; replaced only to point at a reloaded equal key. */
    volatile Checked verified;
    /** Its {@link EntryFootprint} estimate. */
    final int bytes;
    /** Uses since it came in or the hand last passed, up to {@link #MAX_USES}. */
    byte uses;
    /** Set under the lock once it left the map; its queue drops it when reached. */
    boolean removed;

    Entry(String token, int hash, Checked verified, int bytes) {
      super(token, hash);
      Objects.requireNonNull(verified, "verified");
      Objects.requireNonNull(verified.parsed(), "claims");
      Objects.requireNonNull(verified.outcome(), "outcome");
      Objects.requireNonNull(verified.key(), "key");
      this.verified = verified;
      this.bytes = bytes;
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
