package io.admin.auth.core.spi;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Basic-auth user. Immutable; holds only the password hash, masked in {@link #toString()}.
 *
 * @param name the user id; non-blank and without {@code ':'} (RFC 7617 section 2 forbids it, and
 *     it keeps {@code name + ":" + password} unambiguous)
 * @param passwordHash Argon2id PHC or bcrypt hash (see {@link io.admin.auth.core.password.PasswordHasher})
 * @param scopes scopes granted to the user (sorted, unmodifiable)
 * @param disabled whether the user is barred from logging in
 */
public record User(String name, String passwordHash, Set<String> scopes, boolean disabled) {

  /**
   * Requires a non-blank name without {@code ':'} and a password hash, and freezes a sorted copy of
   * the scopes.
   *
   * @param name the user name: not blank, no {@code ':'}
   * @param passwordHash the encoded password hash; required
   * @param scopes the scopes Basic authentication grants; {@code null} means none
   * @param disabled {@code true} when the user may not authenticate
   */
  public User {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(passwordHash, "passwordHash");
    if (name.isBlank() || name.indexOf(':') >= 0) {
      throw new IllegalArgumentException("user name must be non-blank and contain no ':'");
    }
    scopes = scopes == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
  }

  /**
   * This user with another password hash.
   *
   * @param hash the new password hash
   * @return a copy with that hash; this user is unchanged
   */
  public User withPasswordHash(String hash) {
    return new User(name, hash, scopes, disabled);
  }

  /**
   * This user, enabled or disabled.
   *
   * @param value {@code true} to disable
   * @return a copy with that flag; this user is unchanged
   */
  public User withDisabled(boolean value) {
    return new User(name, passwordHash, scopes, value);
  }

  /** Never prints the password hash. */
  @Override
  public String toString() {
    return "User[name=" + name + ", passwordHash=**********, scopes=" + scopes + ", disabled="
        + disabled + "]";
  }
}
