package io.admin.auth.jdbc.contract;

import io.admin.auth.core.spi.ConsentStore;
import io.admin.auth.jdbc.Dialect;
import io.admin.auth.jdbc.TestStores;
import io.admin.auth.tck.ConsentStoreContract;

/** The {@link ConsentStore} contract on Postgres. */
class JdbcConsentStorePostgresContractTest extends ConsentStoreContract {
  @Override
  protected ConsentStore newStore() {
    return TestStores.consents(Dialect.POSTGRESQL);
  }
}
