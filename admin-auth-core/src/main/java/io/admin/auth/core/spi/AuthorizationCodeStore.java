package io.admin.auth.core.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * Persists authorization codes by hash. Redeemed codes are marked, not deleted, until they
 * expire, so a second use is seen as a replay. Thread-safe, also across nodes sharing the store;
 * throws {@link io.admin.auth.core.AuthUnavailableException} only when the backing store cannot be
 * reached.
 */
public interface AuthorizationCodeStore {

  /**
   * Stores a new code; {@code codeHash} is unique.
   *
   * @param code the new code; its {@code redeemedAt} is {@code null}
   * @throws IllegalArgumentException when a code with the same hash is stored already (the
   *     stored one is kept: a colliding code must never rebind another's grant)
   */
  void save(AuthorizationCode code);

  /**
   * Atomically marks the code redeemed at {@code now} if it was not redeemed before: of any number
   * of concurrent callers (on any node) exactly one gets {@link Redeemed}. In SQL:
   * {@code UPDATE ... SET redeemed_at=? WHERE code_hash=? AND redeemed_at IS NULL}, then, if no
   * row changed, a read to tell {@link AlreadyRedeemed} from {@link NotFound}. Expiry is not
   * checked here (the caller checks it, so an expired code is never redeemed but a replay of a
   * redeemed one is still recognised).
   *
   * @param codeHash the keyed hash of the presented code
   * @param now the redemption instant
   * @return {@link Redeemed} for the one winner, otherwise {@link AlreadyRedeemed} or
   *     {@link NotFound}
   */
  RedeemResult redeem(String codeHash, Instant now);

  /**
   * Deletes codes whose {@code expiresAt} is at or before {@code cutoff}; returns how many. Once
   * deleted, a replay is answered as an unknown code.
   *
   * @param cutoff the instant at or before which expired codes go
   * @return how many codes were deleted
   */
  int purgeExpired(Instant cutoff);

  /**
   * Whether what this store holds survives a restart (see {@link RefreshTokenStore#persistent()}:
   * a persistent store needs an explicit pepper for the keyed hashes).
   *
   * @return {@code true} unless the store loses its content with the process
   */
  default boolean persistent() {
    return true;
  }

  /** The outcome of {@link #redeem}. */
  sealed interface RedeemResult permits Redeemed, AlreadyRedeemed, NotFound {}

  /** This caller redeemed the code; the record carries {@code redeemedAt}. */
  record Redeemed(AuthorizationCode code) implements RedeemResult {
    /**
     * Requires the code.
     *
     * @param code the code as stored, now with {@code redeemedAt} set
     */
    public Redeemed {
      Objects.requireNonNull(code, "code");
    }
  }

  /** The code had been redeemed before: a replay. */
  record AlreadyRedeemed(AuthorizationCode code) implements RedeemResult {
    /**
     * Requires the code.
     *
     * @param code the code as stored, with the first redemption instant
     */
    public AlreadyRedeemed {
      Objects.requireNonNull(code, "code");
    }
  }

  /** No code with that hash (never issued, or purged after expiry). */
  record NotFound() implements RedeemResult {}
}
