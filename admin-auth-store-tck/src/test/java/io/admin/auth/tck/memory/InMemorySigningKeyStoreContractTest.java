package io.admin.auth.tck.memory;

import io.admin.auth.core.spi.SigningKeyStore;
import io.admin.auth.core.store.memory.InMemorySigningKeyStore;
import io.admin.auth.tck.SigningKeyStoreContract;

class InMemorySigningKeyStoreContractTest extends SigningKeyStoreContract {

  @Override
  protected SigningKeyStore newStore() {
    return new InMemorySigningKeyStore();
  }
}
