package io.admin.auth.core.spi;

import java.util.Optional;

/**
 * Where the authorization server looks up a person's claims for ID tokens and UserInfo. The host
 * application owns its people; the default implementation reads the user store (the subject is
 * the user name, released as {@code preferred_username}). Thread-safe; throws
 * {@link io.admin.auth.core.AuthUnavailableException} only when the backing store cannot be
 * reached.
 */
@FunctionalInterface
public interface PersonDirectory {

  /**
   * The person with this subject, or empty when the application no longer knows them.
   *
   * @param subject the {@code sub} the tokens carry
   * @return the person, or empty when unknown
   */
  Optional<Person> find(String subject);
}
