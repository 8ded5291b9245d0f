package io.admin.auth.jdbc.contract;

import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.tck.ClientStoreContract;
import io.admin.auth.jdbc.Dialect;
import io.admin.auth.jdbc.TestStores;

/** The {@link ClientStore} contract on Postgres. */
class JdbcClientStorePostgresContractTest extends ClientStoreContract {
  @Override
  protected ClientStore newStore() {
    return TestStores.clients(Dialect.POSTGRESQL);
  }
}
