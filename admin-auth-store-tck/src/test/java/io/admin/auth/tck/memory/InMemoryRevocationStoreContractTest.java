package io.admin.auth.tck.memory;

import io.admin.auth.core.spi.RevocationStore;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.tck.RevocationStoreContract;

/** The in-memory revocation store against the published contract. */
class InMemoryRevocationStoreContractTest extends RevocationStoreContract {

  @Override
  protected RevocationStore newStore() {
    return new InMemoryRevocationStore();
  }
}
