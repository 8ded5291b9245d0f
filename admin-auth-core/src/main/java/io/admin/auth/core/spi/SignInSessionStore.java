package io.admin.auth.core.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * Persists sign-in sessions by the hash of their id. Thread-safe, also across nodes sharing the
 * store; throws {@link io.admin.auth.core.AuthUnavailableException} only when the backing store
 * cannot be reached.
 */
public interface SignInSessionStore {

  /**
   * Stores a new session, or replaces the one with the same {@code idHash}.
   *
   * @param session the session to store
   */
  void save(SignInSession session);

  /**
   * The session with this id hash, or empty (expired sessions may still be returned).
   *
   * @param idHash the keyed hash of the session id from the cookie
   * @return the session, or empty when unknown
   */
  Optional<SignInSession> find(String idHash);

  /**
   * Ends a session (logout); {@code false} when there was none.
   *
   * @param idHash the keyed hash of the session id
   * @return {@code true} when a session was deleted
   */
  boolean delete(String idHash);

  /**
   * Deletes sessions whose {@code expiresAt} is at or before {@code cutoff}; returns how many.
   *
   * @param cutoff the instant at or before which sessions go
   * @return how many sessions were deleted
   */
  int purgeExpired(Instant cutoff);

  /**
   * Whether what this store holds survives a restart.
   *
   * @return {@code true} unless the store loses its content with the process
   */
  default boolean persistent() {
    return true;
  }
}
