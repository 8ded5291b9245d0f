package io.admin.auth.jdbc;

import io.admin.auth.core.spi.ApiKeyStore;
import io.admin.auth.core.spi.UserStore;

/** Stores on a fresh, migrated database, for the contract suites in other packages. */
public final class TestStores {

  private TestStores() {}

  /** An API key store on a fresh database. */
  public static ApiKeyStore apiKeys(Dialect dialect) {
    return new JdbcApiKeyStore(new Jdbc(TestDatabases.migrated(dialect), dialect), 100);
  }

  /** A user store on a fresh database. */
  public static UserStore users(Dialect dialect) {
    return new JdbcUserStore(new Jdbc(TestDatabases.migrated(dialect), dialect));
  }
}
