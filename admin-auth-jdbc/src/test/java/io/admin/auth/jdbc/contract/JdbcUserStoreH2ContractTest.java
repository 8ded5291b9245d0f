package io.admin.auth.jdbc.contract;

import io.admin.auth.core.spi.UserStore;
import io.admin.auth.tck.UserStoreContract;
import io.admin.auth.jdbc.Dialect;
import io.admin.auth.jdbc.TestStores;

/** The {@link UserStore} contract on H2. */
class JdbcUserStoreH2ContractTest extends UserStoreContract {
  @Override
  protected UserStore newStore() {
    return TestStores.users(Dialect.H2);
  }
}
