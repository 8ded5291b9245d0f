package io.admin.auth.core.spi;

import java.util.Optional;

/**
 * Persists Basic-auth users. Implementations must be thread-safe. Every method throws
 * {@link io.admin.auth.core.AuthUnavailableException} when the store cannot be reached.
 *
 * <p>There is deliberately no change-notification method: notifications do not cross nodes. The
 * {@link io.admin.auth.core.password.BasicAuthenticator} instead re-reads the user on every cache
 * hit and compares the password hash and the disabled flag, which is correct whoever changed the
 * row.
 */
public interface UserStore {

  /**
   * The user called {@code name}, or empty. Called on every Basic authentication.
   *
   * @param name the user name, exact match
   * @return the user, disabled ones included, or empty when unknown
   */
  Optional<User> find(String name);

  /**
   * Inserts the user or replaces the one with the same name.
   *
   * @param user the user to store
   */
  void save(User user);

  /**
   * Replaces the password hash only if it is still {@code expectedHash} (compare-and-set), so that
   * a login re-hashing an outdated hash cannot undo a concurrent password change.
   *
   * @param name the user name
   * @param expectedHash the hash the caller read
   * @param newHash the hash to store instead
   * @return whether the hash was replaced
   */
  boolean replacePasswordHash(String name, String expectedHash, String newHash);

  /**
   * Removes the user; {@code false} if there was none.
   *
   * @param name the user name
   * @return {@code true} when a user was removed
   */
  boolean delete(String name);
}
