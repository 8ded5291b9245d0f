package io.admin.auth.jdbc;

import io.admin.auth.core.spi.User;
import io.admin.auth.core.spi.UserStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link UserStore} in table {@code admin_auth_user}. Names compare exactly (case-sensitive) in
 * both dialects. A row that cannot be read back as a valid user is logged and treated as absent:
 * the login fails.
 */
public final class JdbcUserStore implements UserStore {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcUserStore.class);
  private static final List<String> COLUMNS = List.of("name", "password_hash", "scopes", "disabled");

  private final Jdbc jdbc;
  private final String upsert;

  JdbcUserStore(Jdbc jdbc) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.upsert = Jdbc.upsert(jdbc.dialect(), "admin_auth_user", List.of("name"), COLUMNS);
  }

  /** {@inheritDoc} */
  @Override
  public Optional<User> find(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return jdbc.query("reading a user", "SELECT name, password_hash, scopes, disabled FROM"
        + " admin_auth_user WHERE name = ?", JdbcUserStore::map, name).stream()
        .flatMap(Optional::stream).findFirst();
  }

  /** {@inheritDoc} */
  @Override
  public void save(User user) {
    Objects.requireNonNull(user, "user");
    jdbc.update("saving a user", upsert, user.name(), user.passwordHash(),
        Jdbc.joinTokens(user.scopes()), user.disabled());
  }

  /** {@inheritDoc} */
  @Override
  public boolean replacePasswordHash(String name, String expectedHash, String newHash) {
    Objects.requireNonNull(newHash, "newHash");
    return name != null && expectedHash != null && jdbc.update("updating a password hash",
        "UPDATE admin_auth_user SET password_hash = ? WHERE name = ? AND password_hash = ?",
        newHash, name, expectedHash) == 1;
  }

  /** {@inheritDoc} */
  @Override
  public boolean delete(String name) {
    return name != null
        && jdbc.update("deleting a user", "DELETE FROM admin_auth_user WHERE name = ?", name) == 1;
  }

  private static Optional<User> map(ResultSet rs) throws SQLException {
    String name = rs.getString("name");
    try {
      return Optional.of(new User(name, rs.getString("password_hash"),
          Jdbc.splitTokens(rs.getString("scopes")), rs.getBoolean("disabled")));
    } catch (RuntimeException e) {
      LOG.error("admin_auth_user row name={} is corrupted ({}); the user is treated as unknown",
          name, e.getMessage());
      return Optional.empty();
    }
  }
}
