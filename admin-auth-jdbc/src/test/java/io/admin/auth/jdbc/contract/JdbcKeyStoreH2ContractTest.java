package io.admin.auth.jdbc.contract;

import io.admin.auth.core.spi.SigningKeyStore;
import io.admin.auth.tck.SigningKeyStoreContract;
import io.admin.auth.jdbc.Dialect;
import io.admin.auth.jdbc.TestStores;

/** The {@link SigningKeyStore} contract on H2. */
class JdbcKeyStoreH2ContractTest extends SigningKeyStoreContract {
  @Override
  protected SigningKeyStore newStore() {
    return TestStores.keys(Dialect.H2);
  }
}
