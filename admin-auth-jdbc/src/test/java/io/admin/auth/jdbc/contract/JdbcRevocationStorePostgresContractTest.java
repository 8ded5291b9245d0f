package io.admin.auth.jdbc.contract;

import io.admin.auth.core.spi.RevocationStore;
import io.admin.auth.tck.RevocationStoreContract;
import io.admin.auth.jdbc.Dialect;
import io.admin.auth.jdbc.JdbcRevocationStore;
import io.admin.auth.jdbc.TestStores;
import org.junit.jupiter.api.AfterEach;

/** The {@link RevocationStore} contract on Postgres. */
class JdbcRevocationStorePostgresContractTest extends RevocationStoreContract {
  private JdbcRevocationStore started;

  @Override
  protected RevocationStore newStore() {
    started = TestStores.revocations(Dialect.POSTGRESQL);
    return started;
  }

  @AfterEach
  void stop() {
    started.close();
  }
}
