package io.admin.auth.core.store.memory;

import io.admin.auth.core.spi.KeyStore;
import io.admin.auth.core.spi.KeyStoreContract;

class InMemoryKeyStoreTest extends KeyStoreContract {

  @Override
  protected KeyStore newStore() {
    return new InMemoryKeyStore();
  }
}
