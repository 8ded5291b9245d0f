package io.admin.auth.core.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Persists refresh tokens by hash. Used tokens are marked, not deleted, so a second use is seen
 * as reuse. Thread-safe (also across nodes sharing the store); throws
 * {@link io.admin.auth.core.AuthUnavailableException} only when the backing store cannot be reached.
 */
public interface RefreshTokenStore {

  /**
   * Stores a new token; {@code tokenHash} is unique.
   *
   * @param record the new token, unused and not revoked
   */
  void save(RefreshTokenRecord record);

  /**
   * The record for a hash, or empty.
   *
   * @param tokenHash the keyed hash of the presented token
   * @return the record, used, revoked or expired ones included, or empty when unknown
   */
  Optional<RefreshTokenRecord> find(String tokenHash);

  /**
   * Atomically marks the token used at {@code now} if it is neither used nor revoked: exactly one
   * of any number of concurrent callers gets {@link Consumed}. In SQL:
   * {@code UPDATE ... SET used_at=? WHERE token_hash=? AND used_at IS NULL AND revoked_at IS NULL},
   * then, if no row changed, a read to tell {@link AlreadyUsed} (used, whether or not also revoked),
   * {@link Revoked} and {@link NotFound} apart. Expiry is not checked here.
   *
   * @param tokenHash the keyed hash of the presented token
   * @param now the instant to mark the token used at
   * @return {@link Consumed} for the one winner, otherwise why not
   */
  ConsumeResult consume(String tokenHash, Instant now);

  /**
   * Marks every token of the family revoked at {@code now} (already revoked ones keep their time).
   * The revocation also covers tokens of the family saved <em>later</em>: {@link #consume} answers
   * {@link Revoked} for them. That closes a refresh race in which the loser revokes the family
   * between the winner's {@code consume} and its {@code save} of the rotated token. Because that
   * rotated token may expire after every token the revocation found, the revocation must outlive
   * them: it is kept while any token of the family is held (see {@link #purgeExpired}).
   *
   * @param familyId the family to revoke
   * @param now the revocation instant
   */
  void revokeFamily(String familyId, Instant now);

  /**
   * The ids of the families that hold a token issued to {@code clientId} for {@code subject}
   * (used, revoked or not, as long as it is held), in no particular order; with {@link
   * #revokeFamily} this ends every grant the client holds for the person, as withdrawing a
   * consent requires. Rare and never on a request's hot path, so a store may answer it with a
   * scan. The default, for stores written before this method, is empty: "cannot tell", and the
   * caller then says so rather than pretending to have revoked anything.
   *
   * @param subject the person's id
   * @param clientId the client id
   * @return the family ids (possibly none), or empty when the store cannot tell
   */
  default Optional<Set<String>> familiesOf(String subject, String clientId) {
    return Optional.empty();
  }

  /**
   * Deletes tokens whose {@code expiresAt} is at or before {@code cutoff}; they can no longer be
   * exchanged, so reuse of them needs no detection. Returns how many were deleted. A family
   * revocation is forgotten only once no token of the family is left, and not within minutes of
   * the revocation (a rotated token may still be on its way to {@link #save}).
   *
   * @param cutoff the instant at or before which expired tokens go
   * @return how many tokens were deleted
   */
  int purgeExpired(Instant cutoff);

  /**
   * Whether what this store holds survives a restart of the process. If so, the token service
   * needs an explicit secret pepper: refresh tokens are stored as keyed hashes, and a pepper
   * drawn at random per process would make them unverifiable after a restart. The default,
   * {@code true}, is the safe answer for a store the library does not know; only a store that
   * loses its content with the process (such as the in-memory one) answers {@code false}.
   *
   * @return {@code true} unless the store loses its content with the process
   */
  default boolean persistent() {
    return true;
  }

  /** The outcome of {@link #consume}. */
  sealed interface ConsumeResult permits Consumed, AlreadyUsed, Revoked, NotFound {}

  /** This caller consumed the token; the record is as it was before (with {@code usedAt} set). */
  record Consumed(RefreshTokenRecord record) implements ConsumeResult {
    /**
     * Requires the record.
     *
     * @param record the token as it was before this consumption, with {@code usedAt} set
     */
    public Consumed {
      Objects.requireNonNull(record, "record");
    }
  }

  /** The token had been used before: reuse. */
  record AlreadyUsed(RefreshTokenRecord record) implements ConsumeResult {
    /**
     * Requires the record.
     *
     * @param record the token as stored, with its first use
     */
    public AlreadyUsed {
      Objects.requireNonNull(record, "record");
    }
  }

  /** The token is unused but revoked. */
  record Revoked(RefreshTokenRecord record) implements ConsumeResult {
    /**
     * Requires the record.
     *
     * @param record the token as stored, with its revocation
     */
    public Revoked {
      Objects.requireNonNull(record, "record");
    }
  }

  /** No token with that hash. */
  record NotFound() implements ConsumeResult {}
}
