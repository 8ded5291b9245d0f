package io.admin.auth.core.spi;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person's sign-in at the authorization server: who, when and how. The browser holds a random
 * session id in a cookie; the store holds only its keyed hash, so any node of a cluster can
 * continue the session. Immutable.
 *
 * @param idHash the keyed hash of the session id; primary key
 * @param subject the person's id
 * @param authTime when the person authenticated ({@code auth_time}; {@code max_age} and
 *     {@code prompt=login} compare against it)
 * @param authMethods how ({@code amr} values, e.g. {@code pwd}); may be empty
 * @param expiresAt when the session ends by itself
 */
public record SignInSession(
    String idHash, String subject, Instant authTime, Set<String> authMethods, Instant expiresAt) {

  /**
   * Requires every field but the methods, and freezes a sorted copy of them.
   *
   * @param idHash the keyed hash of the session id; required
   * @param subject the person's id; required
   * @param authTime when the person authenticated; required
   * @param authMethods how ({@code amr} values); {@code null} means none
   * @param expiresAt when the session ends by itself; required
   */
  public SignInSession {
    Objects.requireNonNull(idHash, "idHash");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(authTime, "authTime");
    Objects.requireNonNull(expiresAt, "expiresAt");
    authMethods = authMethods == null
        ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(authMethods));
  }

  /**
   * Whether the session is still usable at {@code now}.
   *
   * @param now the instant to check at
   * @return {@code true} before {@link #expiresAt()}
   */
  public boolean isActive(Instant now) {
    return now.isBefore(expiresAt);
  }

  /** Prints only a short prefix of the hash. */
  @Override
  public String toString() {
    return "SignInSession[idHash=" + idHash.substring(0, Math.min(12, idHash.length()))
        + "..., subject=" + subject + ", authTime=" + authTime + ", authMethods=" + authMethods
        + ", expiresAt=" + expiresAt + "]";
  }
}
