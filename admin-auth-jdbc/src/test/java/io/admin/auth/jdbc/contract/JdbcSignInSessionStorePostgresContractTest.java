package io.admin.auth.jdbc.contract;

import io.admin.auth.core.spi.SignInSessionStore;
import io.admin.auth.jdbc.Dialect;
import io.admin.auth.jdbc.TestStores;
import io.admin.auth.tck.SignInSessionStoreContract;

/** The {@link SignInSessionStore} contract on Postgres. */
class JdbcSignInSessionStorePostgresContractTest extends SignInSessionStoreContract {
  @Override
  protected SignInSessionStore newStore() {
    return TestStores.signInSessions(Dialect.POSTGRESQL);
  }
}
