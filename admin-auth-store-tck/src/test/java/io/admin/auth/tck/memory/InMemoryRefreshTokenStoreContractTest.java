package io.admin.auth.tck.memory;

import io.admin.auth.core.spi.RefreshTokenStore;
import io.admin.auth.core.store.memory.InMemoryRefreshTokenStore;
import io.admin.auth.tck.RefreshTokenStoreContract;

class InMemoryRefreshTokenStoreContractTest extends RefreshTokenStoreContract {

  @Override
  protected RefreshTokenStore newStore() {
    return new InMemoryRefreshTokenStore();
  }
}
