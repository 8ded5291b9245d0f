package io.admin.auth.core.store.memory;

import io.admin.auth.core.spi.User;
import io.admin.auth.core.spi.UserStore;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link UserStore} in a {@link ConcurrentHashMap}; every mutation is one atomic map operation. */
public final class InMemoryUserStore implements UserStore {

  private final ConcurrentHashMap<String, User> users = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryUserStore() {}

  @Override
  public Optional<User> find(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(users.get(name));
  }

  @Override
  public void save(User user) {
    Objects.requireNonNull(user, "user");
    users.put(user.name(), user);
  }

  @Override
  public boolean replacePasswordHash(String name, String expectedHash, String newHash) {
    Objects.requireNonNull(newHash, "newHash");
    boolean[] replaced = new boolean[1];
    users.computeIfPresent(name, (k, old) -> {
      if (old.passwordHash().equals(expectedHash)) {
        replaced[0] = true;
        return old.withPasswordHash(newHash);
      }
      return old;
    });
    return replaced[0];
  }

  @Override
  public boolean delete(String name) {
    return name != null && users.remove(name) != null;
  }
}
