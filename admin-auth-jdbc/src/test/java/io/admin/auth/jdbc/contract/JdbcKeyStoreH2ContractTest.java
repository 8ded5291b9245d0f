package io.admin.auth.jdbc.contract;

import io.admin.auth.core.spi.KeyStore;
import io.admin.auth.core.spi.KeyStoreContract;
import io.admin.auth.jdbc.Dialect;
import io.admin.auth.jdbc.TestStores;

/** The {@link KeyStore} contract on H2. */
class JdbcKeyStoreH2ContractTest extends KeyStoreContract {
  @Override
  protected KeyStore newStore() {
    return TestStores.keys(Dialect.H2);
  }
}
