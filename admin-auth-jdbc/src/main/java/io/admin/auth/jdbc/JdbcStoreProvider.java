package io.admin.auth.jdbc;

import io.admin.auth.core.config.ConfigReader;
import io.admin.auth.core.store.PersistentStoreProvider;
import io.admin.auth.core.store.PersistentStores;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The JDBC {@link PersistentStoreProvider}: {@link JdbcStores} on H2 or PostgreSQL, found by
 * {@link java.util.ServiceLoader} so that declarative set-ups reach them without code.
 *
 * <p>Settings (relative to the reader it is given, {@code admin.auth.store.} in a properties
 * file):
 *
 * <ul>
 *   <li>{@value #KEK} (required): the key-encryption key, 32 random bytes in base64, best given
 *       as a reference ({@code ${env:ADMIN_AUTH_KEK}}, {@code ${file:/run/secrets/kek}}) so it is
 *       never written next to the database it protects;
 *   <li>{@value #SCHEMA}: {@code create} (default) applies the missing DDL at start, several
 *       nodes at once included, recording it in {@value SchemaInitializer#VERSION_TABLE}; {@code
 *       verify} changes nothing and only checks that every table is there, for schemas applied by
 *       Flyway or Liquibase from the scripts in the jar ({@code
 *       classpath:io/admin/auth/jdbc/schema/postgresql} or {@code .../h2}, named the Flyway way,
 *       {@code V<n>__<name>.sql}) or by a DBA from {@link SchemaInitializer#ddl};
 *   <li>{@value #REVOCATION_POLL_INTERVAL}: how often each node re-reads the revocation list
 *       (ISO-8601, default {@code PT5S}); on PostgreSQL revocations also arrive at once through
 *       {@code LISTEN/NOTIFY}.
 * </ul>
 */
public final class JdbcStoreProvider implements PersistentStoreProvider {

  /** Setting: the key-encryption key in base64. */
  public static final String KEK = "kek";
  /** Setting: {@code create} or {@code verify}. */
  public static final String SCHEMA = "schema";
  /** Setting: ISO-8601 duration between full reads of the revocation list. */
  public static final String REVOCATION_POLL_INTERVAL = "revocation-poll-interval";

  /** Created by {@link java.util.ServiceLoader}. */
  public JdbcStoreProvider() {}

  @Override
  public Set<String> settings() {
    return Set.of(KEK, SCHEMA, REVOCATION_POLL_INTERVAL);
  }

  @Override
  public boolean supports(DataSource dataSource) {
    return dialect(dataSource).isPresent();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The settings are checked before the database is touched, so a missing KEK stops the start
   * without a connection attempt.
   */
  @Override
  public PersistentStores open(DataSource dataSource, ConfigReader settings) {
    if (!settings.isSet(KEK)) {
      throw settings.error(KEK, "is required with a persistent store: 32 random bytes in base64"
          + " (e.g. `openssl rand -base64 32`), given as ${env:NAME}, ${file:/path} or"
          + " ${jndi:java:comp/env/NAME}; it encrypts the private signing keys in the database");
    }
    KeyEncryptionKey kek = settings.value(KEK, "base64 of 32 bytes",
        KeyEncryptionKey::fromBase64).orElseThrow();
    boolean create = settings.value(SCHEMA, "create or verify", v -> switch (
        v.toLowerCase(Locale.ROOT)) {
      case "create" -> true;
      case "verify" -> false;
      default -> throw new IllegalArgumentException("unknown mode");
    }).orElse(true);
    Duration poll = settings.duration(REVOCATION_POLL_INTERVAL, Duration.ofSeconds(5));
    // Under a minute: the stores' default staleness bound (60 s) must stay longer than the poll.
    if (poll.isNegative() || poll.isZero() || poll.compareTo(Duration.ofMinutes(1)) >= 0) {
      throw settings.error(REVOCATION_POLL_INTERVAL, "must be positive and under PT1M, was "
          + poll);
    }
    Dialect dialect = dialect(dataSource).orElseThrow(() -> new IllegalStateException(
        "the DataSource is neither H2 nor PostgreSQL"));
    SchemaInitializer schema = new SchemaInitializer(dataSource, dialect);
    settings.check(SCHEMA, () -> {
      if (create) {
        schema.migrate();
      } else {
        schema.verifyTables();
      }
    });
    JdbcStores stores;
    try {
      stores = JdbcStores.builder(dataSource, dialect).keyEncryptionKey(kek)
          .schemaManagedExternally(!create).revocationPollInterval(poll).build();
    } catch (IllegalStateException e) {
      // The schema was checked just above, so what build() refuses is the KEK (KekCheck); its
      // message names the setting and never the key.
      throw settings.error(KEK, "does not open the signing keys already stored in this database"
          + " (a different key-encryption key was used when they were written)");
    }
    return new PersistentStores(stores.keyStore(), stores.clientStore(),
        stores.refreshTokenStore(), stores.revocationStore(), stores.apiKeyStore(),
        stores.userStore(), stores.failureCountStore(), stores.authorizationCodeStore(),
        stores.signInSessionStore(), stores.consentStore(), stores::close);
  }

  private static Optional<Dialect> dialect(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return Optional.of(Dialect.fromJdbcUrl(c.getMetaData().getURL()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    } catch (SQLException e) {
      throw new io.admin.auth.core.AuthUnavailableException(
          "cannot connect to the admin-auth database (SQLState " + e.getSQLState() + ")", e);
    }
  }
}
