package io.admin.auth.core.store.memory;

import io.admin.auth.core.spi.SigningKeyStore;
import io.admin.auth.tck.SigningKeyStoreContract;

class InMemorySigningKeyStoreTest extends SigningKeyStoreContract {

  @Override
  protected SigningKeyStore newStore() {
    return new InMemorySigningKeyStore();
  }
}
