package io.admin.auth.core.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * Persists sign-in sessions by the hash of their id. Thread-safe, also across nodes sharing the
 * store; throws {@link io.admin.auth.core.AuthUnavailableException} only when the backing store
 * cannot be reached.
 */
public interface SignInSessionStore {

  /** Stores a new session, or replaces the one with the same {@code idHash}. */
  void save(SignInSession session);

  /** The session with this id hash, or empty (expired sessions may still be returned). */
  Optional<SignInSession> find(String idHash);

  /** Ends a session (logout); {@code false} when there was none. */
  boolean delete(String idHash);

  /** Deletes sessions whose {@code expiresAt} is at or before {@code cutoff}; returns how many. */
  int purgeExpired(Instant cutoff);

  /** Whether what this store holds survives a restart. */
  default boolean persistent() {
    return true;
  }
}
