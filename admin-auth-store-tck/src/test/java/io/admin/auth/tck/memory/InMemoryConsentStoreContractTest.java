package io.admin.auth.tck.memory;

import io.admin.auth.core.spi.ConsentStore;
import io.admin.auth.core.store.memory.InMemoryConsentStore;
import io.admin.auth.tck.ConsentStoreContract;

class InMemoryConsentStoreContractTest extends ConsentStoreContract {

  @Override
  protected ConsentStore newStore() {
    return new InMemoryConsentStore();
  }
}
