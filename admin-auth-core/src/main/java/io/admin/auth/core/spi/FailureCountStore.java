package io.admin.auth.core.spi;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where brute-force throttles keep their failure counts ({@link FailureCount}), keyed by a
 * fixed-size digest of the throttled name (never the name itself). The in-memory store counts per
 * node; a database store shares the counts between every node on the database, so N nodes behind
 * a load balancer do not give an attacker N times the guesses.
 *
 * <p>The policy (window, limit, block) stays with the caller: the store only guarantees that
 * {@link #update} is atomic for one key across every node sharing the store, so concurrent
 * failures are each counted exactly once.
 */
public interface FailureCountStore {

  /** Size in bytes of every key (a SHA-256 digest). */
  int KEY_LENGTH = 32;

  /**
   * Atomically replaces the state of {@code key} with {@code update} applied to it ({@code null}
   * when there is none). {@code update} must be a pure function: a store may call it again after
   * a conflict. A {@code null} result stores nothing (an existing state is then left as it was).
   *
   * @param key a {@value #KEY_LENGTH}-byte digest
   * @param now the caller's clock reading, used to forget expired states when room is needed
   * @param update the pure function from the current state (or {@code null}) to the new one (or
   *     {@code null})
   * @return the state stored, or empty when {@code update} returned {@code null} or the store
   *     refused a new key because it is full of states it must not forget
   */
  Optional<FailureCount> update(byte[] key, Instant now, UnaryOperator<FailureCount> update);

  /**
   * The state of {@code key}, if any (expired states may still be returned until purged).
   *
   * @param key a {@value #KEY_LENGTH}-byte digest
   * @return the state, or empty when none is stored
   */
  Optional<FailureCount> read(byte[] key);

  /**
   * Forgets {@code key}'s state; nothing happens when there is none.
   *
   * @param key a {@value #KEY_LENGTH}-byte digest
   */
  void delete(byte[] key);

  /**
   * Forgets every state expired at {@code now}.
   *
   * @param now the caller's clock reading
   * @return how many were forgotten
   */
  int purgeExpired(Instant now);

  /**
   * How many keys are stored now, expired ones included.
   *
   * @return the number of stored states, at least 0
   */
  long size();
}
