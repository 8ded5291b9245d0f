package io.admin.auth.jdbc;

import io.admin.auth.core.spi.ApiKeyStore;
import io.admin.auth.core.spi.AuthorizationCodeStore;
import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.spi.ConsentStore;
import io.admin.auth.core.spi.SignInSessionStore;
import io.admin.auth.core.spi.SigningKeyStore;
import io.admin.auth.core.spi.RefreshTokenStore;
import io.admin.auth.core.spi.FailureCountStore;
import io.admin.auth.core.spi.UserStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Stores on a fresh, migrated database, for the contract suites in other packages. */
public final class TestStores {

  private TestStores() {}

  /** An API key store on a fresh database. */
  public static ApiKeyStore apiKeys(Dialect dialect) {
    return new JdbcApiKeyStore(new Jdbc(TestDatabases.migrated(dialect), dialect), 100);
  }

  /** A key store on a fresh database, under a random KEK. */
  public static SigningKeyStore keys(Dialect dialect) {
    SecureRandom random = new SecureRandom();
    return new JdbcSigningKeyStore(new Jdbc(TestDatabases.migrated(dialect), dialect),
        new PrivateKeyCipher(KeyEncryptionKey.generate(random), random));
  }

  /** A client store on a fresh database. */
  public static ClientStore clients(Dialect dialect) {
    return new JdbcClientStore(new Jdbc(TestDatabases.migrated(dialect), dialect));
  }

  /** A refresh-token store on a fresh database. */
  public static RefreshTokenStore refreshTokens(Dialect dialect) {
    return new JdbcRefreshTokenStore(new Jdbc(TestDatabases.migrated(dialect), dialect), 100);
  }

  /** A started revocation store on a fresh database; close it after the test. */
  public static JdbcRevocationStore revocations(Dialect dialect) {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "test-revocation-poll");
      t.setDaemon(true);
      return t;
    });
    JdbcRevocationStore store = new JdbcRevocationStore(
        new Jdbc(TestDatabases.migrated(dialect), dialect), Duration.ofSeconds(5),
        Duration.ofSeconds(60), 100, System::nanoTime);
    store.start(scheduler);
    return store;
  }

  /** A failure-count store on a fresh database. */
  public static FailureCountStore failureCounts(Dialect dialect) {
    return failureCounts(TestDatabases.migrated(dialect), dialect);
  }

  /** A failure-count store on {@code dataSource}, migrated already. */
  public static FailureCountStore failureCounts(javax.sql.DataSource dataSource, Dialect dialect) {
    return new JdbcFailureCountStore(new Jdbc(dataSource, dialect));
  }

  /** A user store on a fresh database. */
  public static UserStore users(Dialect dialect) {
    return new JdbcUserStore(new Jdbc(TestDatabases.migrated(dialect), dialect));
  }

  /** An authorization-code store on a fresh database. */
  public static AuthorizationCodeStore authorizationCodes(Dialect dialect) {
    return authorizationCodes(TestDatabases.migrated(dialect), dialect);
  }

  /** An authorization-code store on {@code dataSource}, migrated already. */
  public static AuthorizationCodeStore authorizationCodes(javax.sql.DataSource dataSource,
      Dialect dialect) {
    return new JdbcAuthorizationCodeStore(new Jdbc(dataSource, dialect), 100);
  }

  /** A sign-in session store on a fresh database. */
  public static SignInSessionStore signInSessions(Dialect dialect) {
    return new JdbcSignInSessionStore(new Jdbc(TestDatabases.migrated(dialect), dialect), 100);
  }

  /** A consent store on a fresh database. */
  public static ConsentStore consents(Dialect dialect) {
    return new JdbcConsentStore(new Jdbc(TestDatabases.migrated(dialect), dialect));
  }
}
