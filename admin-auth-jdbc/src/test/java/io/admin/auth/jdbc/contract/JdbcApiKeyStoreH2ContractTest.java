package io.admin.auth.jdbc.contract;

import io.admin.auth.core.spi.ApiKeyStore;
import io.admin.auth.tck.ApiKeyStoreContract;
import io.admin.auth.jdbc.Dialect;
import io.admin.auth.jdbc.TestStores;

/** The {@link ApiKeyStore} contract on H2. */
class JdbcApiKeyStoreH2ContractTest extends ApiKeyStoreContract {
  @Override
  protected ApiKeyStore newStore() {
    return TestStores.apiKeys(Dialect.H2);
  }
}
