package io.admin.auth.jdbc.contract;

import io.admin.auth.core.spi.RefreshTokenStore;
import io.admin.auth.tck.RefreshTokenStoreContract;
import io.admin.auth.jdbc.Dialect;
import io.admin.auth.jdbc.TestStores;

/** The {@link RefreshTokenStore} contract on H2. */
class JdbcRefreshTokenStoreH2ContractTest extends RefreshTokenStoreContract {
  @Override
  protected RefreshTokenStore newStore() {
    return TestStores.refreshTokens(Dialect.H2);
  }
}
