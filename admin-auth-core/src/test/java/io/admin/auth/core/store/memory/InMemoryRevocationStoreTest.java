package io.admin.auth.core.store.memory;

import io.admin.auth.core.spi.RevocationStore;
import io.admin.auth.core.spi.RevocationStoreContract;

class InMemoryRevocationStoreTest extends RevocationStoreContract {

  @Override
  protected RevocationStore newStore() {
    return new InMemoryRevocationStore();
  }
}
