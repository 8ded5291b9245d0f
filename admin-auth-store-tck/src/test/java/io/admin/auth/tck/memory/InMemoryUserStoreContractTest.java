package io.admin.auth.tck.memory;

import io.admin.auth.core.spi.UserStore;
import io.admin.auth.core.store.memory.InMemoryUserStore;
import io.admin.auth.tck.UserStoreContract;

class InMemoryUserStoreContractTest extends UserStoreContract {
  @Override
  protected UserStore newStore() {
    return new InMemoryUserStore();
  }
}
