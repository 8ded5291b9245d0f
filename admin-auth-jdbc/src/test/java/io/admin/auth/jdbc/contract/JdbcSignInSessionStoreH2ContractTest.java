package io.admin.auth.jdbc.contract;

import io.admin.auth.core.spi.SignInSessionStore;
import io.admin.auth.jdbc.Dialect;
import io.admin.auth.jdbc.TestStores;
import io.admin.auth.tck.SignInSessionStoreContract;

/** The {@link SignInSessionStore} contract on H2. */
class JdbcSignInSessionStoreH2ContractTest extends SignInSessionStoreContract {
  @Override
  protected SignInSessionStore newStore() {
    return TestStores.signInSessions(Dialect.H2);
  }
}
