package io.admin.auth.jdbc.contract;

import io.admin.auth.core.spi.AuthorizationCodeStore;
import io.admin.auth.jdbc.Dialect;
import io.admin.auth.jdbc.TestStores;
import io.admin.auth.tck.AuthorizationCodeStoreContract;

/** The {@link AuthorizationCodeStore} contract on H2. */
class JdbcAuthorizationCodeStoreH2ContractTest extends AuthorizationCodeStoreContract {
  @Override
  protected AuthorizationCodeStore newStore() {
    return TestStores.authorizationCodes(Dialect.H2);
  }
}
