package io.admin.auth.core.store.memory;

import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.tck.ClientStoreContract;

class InMemoryClientStoreTest extends ClientStoreContract {

  @Override
  protected ClientStore newStore() {
    return new InMemoryClientStore();
  }
}
