package io.admin.auth.tck.memory;

import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.store.memory.InMemoryClientStore;
import io.admin.auth.tck.ClientStoreContract;

class InMemoryClientStoreContractTest extends ClientStoreContract {

  @Override
  protected ClientStore newStore() {
    return new InMemoryClientStore();
  }
}
