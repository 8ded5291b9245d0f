package io.admin.auth.jdbc.contract;

import io.admin.auth.core.spi.FailureCountStore;
import io.admin.auth.jdbc.Dialect;
import io.admin.auth.jdbc.TestStores;
import io.admin.auth.tck.FailureCountStoreContract;

/** The {@link FailureCountStore} contract on Postgres. */
class JdbcFailureCountStorePostgresContractTest extends FailureCountStoreContract {

  @Override
  protected FailureCountStore newStore() {
    return TestStores.failureCounts(Dialect.POSTGRESQL);
  }
}
