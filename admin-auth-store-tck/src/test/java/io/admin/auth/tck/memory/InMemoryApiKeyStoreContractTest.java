package io.admin.auth.tck.memory;

import io.admin.auth.core.spi.ApiKeyStore;
import io.admin.auth.core.store.memory.InMemoryApiKeyStore;
import io.admin.auth.tck.ApiKeyStoreContract;

class InMemoryApiKeyStoreContractTest extends ApiKeyStoreContract {
  @Override
  protected ApiKeyStore newStore() {
    return new InMemoryApiKeyStore();
  }
}
