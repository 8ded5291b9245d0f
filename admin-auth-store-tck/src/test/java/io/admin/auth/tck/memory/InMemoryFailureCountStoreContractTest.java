package io.admin.auth.tck.memory;

import io.admin.auth.core.ratelimit.InMemoryFailureCountStore;
import io.admin.auth.core.spi.FailureCountStore;
import io.admin.auth.tck.FailureCountStoreContract;

/** The in-memory failure-count store against the published contract. */
class InMemoryFailureCountStoreContractTest extends FailureCountStoreContract {

  @Override
  protected FailureCountStore newStore() {
    return new InMemoryFailureCountStore(1000);
  }
}
