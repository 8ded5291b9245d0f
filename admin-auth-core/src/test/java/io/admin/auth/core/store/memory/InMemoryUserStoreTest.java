package io.admin.auth.core.store.memory;

import io.admin.auth.core.spi.UserStore;
import io.admin.auth.tck.UserStoreContract;

class InMemoryUserStoreTest extends UserStoreContract {
  @Override
  protected UserStore newStore() {
    return new InMemoryUserStore();
  }
}
