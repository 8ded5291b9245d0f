package io.admin.auth.core.store.memory;

import io.admin.auth.core.spi.ApiKeyStore;
import io.admin.auth.tck.ApiKeyStoreContract;

class InMemoryApiKeyStoreTest extends ApiKeyStoreContract {
  @Override
  protected ApiKeyStore newStore() {
    return new InMemoryApiKeyStore();
  }
}
