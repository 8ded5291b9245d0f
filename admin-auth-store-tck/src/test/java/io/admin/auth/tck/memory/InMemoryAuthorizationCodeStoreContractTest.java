package io.admin.auth.tck.memory;

import io.admin.auth.core.spi.AuthorizationCodeStore;
import io.admin.auth.core.store.memory.InMemoryAuthorizationCodeStore;
import io.admin.auth.tck.AuthorizationCodeStoreContract;

class InMemoryAuthorizationCodeStoreContractTest extends AuthorizationCodeStoreContract {

  @Override
  protected AuthorizationCodeStore newStore() {
    return new InMemoryAuthorizationCodeStore();
  }
}
