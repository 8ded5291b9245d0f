package io.admin.auth.core.password;

/**
 * Observes what {@link BasicAuthenticator} did for each attempt, for metrics and for tests that
 * must prove the timing-equalising path ran. Called synchronously on the request thread: keep it
 * cheap and never throw. Never receives a password; unknown user names are not passed either,
 * because users often type a password into the user field.
 */
public interface VerificationListener {

  /** A listener that ignores everything. */
  VerificationListener NONE = new VerificationListener() {};

  /**
   * A cached successful verification answered the attempt; no password hash was computed.
   *
   * @param user the user name as presented
   */
  default void cacheHit(String user) {}

  /**
   * The password was verified against the stored hash of an existing user.
   *
   * @param user the user name as presented
   * @param matched whether the password matched
   */
  default void hashVerified(String user, boolean matched) {}

  /** The user was unknown, so the password was verified against the dummy hash. */
  default void dummyVerified() {}

  /**
   * The user's outdated hash was replaced after a successful login.
   *
   * @param user the user name as presented
   */
  default void rehashed(String user) {}
}
