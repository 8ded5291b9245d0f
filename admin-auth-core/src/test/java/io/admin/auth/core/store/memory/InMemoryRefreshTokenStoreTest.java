package io.admin.auth.core.store.memory;

import io.admin.auth.core.spi.RefreshTokenStore;
import io.admin.auth.tck.RefreshTokenStoreContract;

class InMemoryRefreshTokenStoreTest extends RefreshTokenStoreContract {

  @Override
  protected RefreshTokenStore newStore() {
    return new InMemoryRefreshTokenStore();
  }
}
