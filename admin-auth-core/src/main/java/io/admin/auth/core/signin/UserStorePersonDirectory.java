package io.admin.auth.core.signin;

import io.admin.auth.core.spi.Person;
import io.admin.auth.core.spi.PersonDirectory;
import io.admin.auth.core.spi.UserStore;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The default {@link PersonDirectory}: the people are the users of a {@link UserStore} (those of
 * Basic and of the default login page). The subject is the user name, released as {@code
 * preferred_username} under the {@code profile} scope; a user store knows no other claim.
 * Thread-safe when the store is.
 */
public final class UserStorePersonDirectory implements PersonDirectory {

  private final UserStore users;

  /**
   * A directory over {@code users}.
   *
   * @param users the store of the people, each known by user name
   */
  public UserStorePersonDirectory(UserStore users) {
    this.users = Objects.requireNonNull(users, "users");
  }

  /** The user named {@code subject}, or empty when there is none. */
  @Override
  public Optional<Person> find(String subject) {
    if (subject == null || subject.isBlank()) {
      return Optional.empty();
    }
    return users.find(subject)
        .map(u -> new Person(u.name(), Map.of("preferred_username", u.name())));
  }
}
