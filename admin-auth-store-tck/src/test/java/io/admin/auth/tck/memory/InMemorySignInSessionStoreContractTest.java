package io.admin.auth.tck.memory;

import io.admin.auth.core.spi.SignInSessionStore;
import io.admin.auth.core.store.memory.InMemorySignInSessionStore;
import io.admin.auth.tck.SignInSessionStoreContract;

class InMemorySignInSessionStoreContractTest extends SignInSessionStoreContract {

  @Override
  protected SignInSessionStore newStore() {
    return new InMemorySignInSessionStore();
  }
}
