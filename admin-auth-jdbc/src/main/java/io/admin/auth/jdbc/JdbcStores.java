package io.admin.auth.jdbc;

import io.admin.auth.core.spi.ApiKeyStore;
import io.admin.auth.core.spi.AuthorizationCodeStore;
import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.spi.ConsentStore;
import io.admin.auth.core.spi.SignInSessionStore;
import io.admin.auth.core.spi.SigningKeyStore;
import io.admin.auth.core.spi.RefreshTokenStore;
import io.admin.auth.core.spi.RevocationStore;
import io.admin.auth.core.spi.FailureCountStore;
import io.admin.auth.core.spi.UserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Every admin-auth store over one {@link DataSource}, ready to hand to {@code
 * DefaultTokenService.builder()} and the API-key and Basic-auth services.
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.builder(dataSource, Dialect.POSTGRESQL)
 *     .keyEncryptionKey(KeyEncryptionKey.fromBase64(System.getenv("ADMIN_AUTH_KEK")))
 *     .migrateSchema(true)
 *     .build();
 * DefaultTokenService tokens = DefaultTokenService.builder().issuer(issuer)
 *     .keyStore(stores.keyStore()).clientStore(stores.clientStore())
 *     .refreshTokenStore(stores.refreshTokenStore()).revocationStore(stores.revocationStore())
 *     .build();
 * }</pre>
 *
 * <p>{@link Builder#build()} checks everything before any request: the schema version (or
 * migrates, when asked), the key-encryption key against the database, and loads the revocation
 * list. It then runs, on daemon threads it owns: the PostgreSQL {@code LISTEN} connection, the
 * revocation poll and the purge of expired rows. {@link #close()} stops them; the {@code
 * DataSource} stays the caller's. On PostgreSQL give the pool at least three connections per node:
 * one is held by {@code LISTEN}, one by the purge lock while a cycle runs. On H2 every
 * connection the stores take first sets {@code WRITE_DELAY 0}, so a committed revocation survives
 * the process being killed (H2's default 500 ms delay loses it); this needs the H2 user to be an
 * admin, as the default {@code sa} is.
 */
public final class JdbcStores implements AutoCloseable {

  private final Dialect dialect;
  private final JdbcSigningKeyStore keys;
  private final JdbcClientStore clients;
  private final JdbcRefreshTokenStore refreshTokens;
  private final JdbcRevocationStore revocations;
  private final JdbcApiKeyStore apiKeys;
  private final JdbcUserStore users;
  private final JdbcFailureCountStore failureCounts;
  private final JdbcAuthorizationCodeStore authorizationCodes;
  private final JdbcSignInSessionStore signInSessions;
  private final JdbcConsentStore consents;
  private final Maintenance maintenance;
  private final ScheduledExecutorService scheduler;

  private JdbcStores(Builder b) {
    this.dialect = b.dialect;
    Jdbc jdbc = new Jdbc(b.dataSource, b.dialect);
    SchemaInitializer schema = new SchemaInitializer(b.dataSource, b.dialect);
    if (b.migrateSchema) {
      schema.migrate();
    } else if (b.schemaManagedExternally) {
      schema.verifyTables();
    } else {
      schema.verify();
    }
    PrivateKeyCipher cipher = new PrivateKeyCipher(b.kek, b.random);
    KekCheck.verify(jdbc, cipher, b.clock);
    this.keys = new JdbcSigningKeyStore(jdbc, cipher);
    this.clients = new JdbcClientStore(jdbc);
    this.refreshTokens = new JdbcRefreshTokenStore(jdbc, b.purgeBatchSize);
    this.revocations = new JdbcRevocationStore(jdbc, b.revocationPollInterval,
        b.revocationMaxStaleness, b.purgeBatchSize, System::nanoTime);
    this.apiKeys = new JdbcApiKeyStore(jdbc, b.purgeBatchSize);
    this.users = new JdbcUserStore(jdbc);
    this.failureCounts = new JdbcFailureCountStore(jdbc);
    this.authorizationCodes = new JdbcAuthorizationCodeStore(jdbc, b.purgeBatchSize);
    this.signInSessions = new JdbcSignInSessionStore(jdbc, b.purgeBatchSize);
    this.consents = new JdbcConsentStore(jdbc);
    this.maintenance = new Maintenance(jdbc, b.clock, revocations, refreshTokens, apiKeys,
        b.apiKeyRetention, failureCounts, authorizationCodes, signInSessions);
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "admin-auth-jdbc-maintenance");
      t.setDaemon(true);
      return t;
    });
    try {
      revocations.start(scheduler);
      if (!b.purgeInterval.isZero()) {
        long ms = b.purgeInterval.toMillis();
        scheduler.scheduleWithFixedDelay(maintenance::purgeQuietly, ms, ms, TimeUnit.MILLISECONDS);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Stores with every default (see {@link Builder}), for a schema that is already in place.
   *
   * @param dataSource the database holding the admin-auth schema; not null, stays the caller's to
   *     close
   * @param dialect the SQL dialect of that database; not null
   * @param kek the key that seals the private signing keys; must open the keys already stored
   * @return running stores; close them when the application stops
   * @throws IllegalStateException when the schema is missing or old, or {@code kek} does not open
   *     this database's keys
   * @throws IllegalArgumentException when {@code kek} is {@code null}, naming the setting
   */
  public static JdbcStores create(DataSource dataSource, Dialect dialect, KeyEncryptionKey kek) {
    return builder(dataSource, dialect).keyEncryptionKey(kek).build();
  }

  /**
   * A builder for stores on {@code dataSource}, which speaks {@code dialect}.
   *
   * @param dataSource the database holding, or to hold, the admin-auth schema; not null, stays the
   *     caller's to close
   * @param dialect the SQL dialect of that database; not null
   * @return a builder with every default; nothing touches the database before {@link
   *     Builder#build()}
   */
  public static Builder builder(DataSource dataSource, Dialect dialect) {
    return new Builder(dataSource, dialect);
  }

  /**
   * Signing keys, private parts sealed under the KEK; adds coordinate rotation across nodes.
   *
   * @return the same store on every call, live until {@link #close()}
   */
  public SigningKeyStore keyStore() {
    return keys;
  }

  /**
   * Registered OAuth clients.
   *
   * @return the same store on every call
   */
  public ClientStore clientStore() {
    return clients;
  }

  /**
   * Refresh tokens with atomic rotation.
   *
   * @return the same store on every call
   */
  public RefreshTokenStore refreshTokenStore() {
    return refreshTokens;
  }

  /**
   * Revocations, answered from this node's cache (see {@link JdbcRevocationStore}).
   *
   * @return the same store on every call; its cache is fed until {@link #close()}
   */
  public JdbcRevocationStore revocationStore() {
    return revocations;
  }

  /**
   * API keys.
   *
   * @return the same store on every call
   */
  public ApiKeyStore apiKeyStore() {
    return apiKeys;
  }

  /**
   * Basic-auth users.
   *
   * @return the same store on every call
   */
  public UserStore userStore() {
    return users;
  }

  /**
   * The dialect these stores speak.
   *
   * @return the dialect given to the builder
   */
  public Dialect dialect() {
    return dialect;
  }

  /**
   * Runs one purge cycle now (normally the background does, every {@code purgeInterval}).
   *
   * @return rows deleted by this node; 0 when another node holds the purge lock
   */
  public int purgeNow() {
    return maintenance.purgeOnce();
  }

  /**
   * Brute-force failure counts shared by every node on this database.
   *
   * @return the same store on every call
   */
  public FailureCountStore failureCountStore() {
    return failureCounts;
  }

  /**
   * Authorization codes, redeemed atomically across nodes.
   *
   * @return the same store on every call
   */
  public AuthorizationCodeStore authorizationCodeStore() {
    return authorizationCodes;
  }

  /**
   * People's sign-in sessions, continued by any node.
   *
   * @return the same store on every call
   */
  public SignInSessionStore signInSessionStore() {
    return signInSessions;
  }

  /**
   * People's consents to third-party clients.
   *
   * @return the same store on every call
   */
  public ConsentStore consentStore() {
    return consents;
  }

  /** Stops the listener, the poll and the purge. Idempotent; the DataSource is not closed. */
  @Override
  public void close() {
    revocations.close();
    scheduler.shutdownNow();
  }

  /** Configures {@link JdbcStores}; only the key-encryption key is required. */
  public static final class Builder {
    private final DataSource dataSource;
    private final Dialect dialect;
    private KeyEncryptionKey kek;
    private boolean migrateSchema;
    private boolean schemaManagedExternally;
    private Clock clock = Clock.systemUTC();
    private SecureRandom random;
    private Duration revocationPollInterval = Duration.ofSeconds(5);
    private Duration revocationMaxStaleness = Duration.ofSeconds(60);
    private Duration purgeInterval = Duration.ofMinutes(5);
    private int purgeBatchSize = 500;
    private Duration apiKeyRetention = Duration.ofDays(30);

    private Builder(DataSource dataSource, Dialect dialect) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /**
     * The key-encryption key (setting {@value KeyEncryptionKey#SETTING}). Required.
     *
     * @param kek the KEK; {@code null} makes {@link #build()} fail with a message naming the
     *     setting
     * @return this builder
     */
    public Builder keyEncryptionKey(KeyEncryptionKey kek) {
      this.kek = kek;
      return this;
    }

    /**
     * Whether {@code build()} applies missing DDL ({@link SchemaInitializer}); default false.
     *
     * @param migrateSchema true to create or upgrade the tables on {@code build()}; false to check,
     *     not change, the schema
     * @return this builder
     */
    public Builder migrateSchema(boolean migrateSchema) {
      this.migrateSchema = migrateSchema;
      return this;
    }

    /**
     * Whether a migration tool (Flyway, Liquibase) applies the scripts in this jar, keeping its
     * own history: {@code build()} then checks that the tables exist instead of reading {@value
     * SchemaInitializer#VERSION_TABLE}. Default false; not together with {@link #migrateSchema}.
     *
     * @param external true when the tables are applied by another tool
     * @return this builder
     */
    public Builder schemaManagedExternally(boolean external) {
      this.schemaManagedExternally = external;
      return this;
    }

    /**
     * The time source for purging; default the system UTC clock.
     *
     * @param clock decides which rows have expired; not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Randomness for GCM nonces; default a new {@link SecureRandom}.
     *
     * @param random the source of the nonces that seal private keys; not null
     * @return this builder
     */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * How often each node re-reads the whole revocation list, the bound on staleness when
     * notifications are lost (and the only feed on H2); default 5 s.
     *
     * @param interval time between two full reloads; not null
     * @return this builder
     */
    public Builder revocationPollInterval(Duration interval) {
      this.revocationPollInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /**
     * How old this node's revocation list may get (database unreachable) before verification
     * answers "unavailable" instead of possibly missing a revocation; default 60 s.
     *
     * @param maxStaleness age of the last successful load beyond which verification is unavailable;
     *     not null
     * @return this builder
     */
    public Builder revocationMaxStaleness(Duration maxStaleness) {
      this.revocationMaxStaleness = Objects.requireNonNull(maxStaleness, "maxStaleness");
      return this;
    }

    /**
     * How often expired rows are purged; default 5 minutes; {@link Duration#ZERO} turns it off.
     *
     * @param interval time between two purge cycles; not null, zero for no background purge
     * @return this builder
     */
    public Builder purgeInterval(Duration interval) {
      this.purgeInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /**
     * Rows per DELETE statement when purging; default 500.
     *
     * @param batchSize rows deleted per statement, 1 to 100000 (checked by {@link #build()})
     * @return this builder
     */
    public Builder purgeBatchSize(int batchSize) {
      this.purgeBatchSize = batchSize;
      return this;
    }

    /**
     * How long expired or revoked API keys stay listed before they are purged; default 30 days.
     *
     * @param retention how long after expiry or revocation a key is kept; not null
     * @return this builder
     */
    public Builder apiKeyRetention(Duration retention) {
      this.apiKeyRetention = Objects.requireNonNull(retention, "retention");
      return this;
    }

    /**
     * Checks the configuration and the database, then starts the background work.
     *
     * @return running stores, schema and KEK checked, background work started; close them when done
     * @throws IllegalArgumentException for a missing KEK or an invalid setting
     * @throws IllegalStateException for a schema that is missing or old, or a wrong KEK
     * @throws io.admin.auth.core.AuthUnavailableException when the database cannot be reached
     */
    public JdbcStores build() {
      if (kek == null) {
        KeyEncryptionKey.fromBase64(null); // throws the message that names the setting
      }
      if (migrateSchema && schemaManagedExternally) {
        throw new IllegalArgumentException(
            "migrateSchema and schemaManagedExternally exclude each other");
      }
      if (purgeBatchSize < 1 || purgeBatchSize > 100_000) {
        throw new IllegalArgumentException("purgeBatchSize must be in 1..100000");
      }
      if (purgeInterval.isNegative() || apiKeyRetention.isNegative()) {
        throw new IllegalArgumentException("purgeInterval and apiKeyRetention must not be negative");
      }
      if (revocationMaxStaleness.compareTo(revocationPollInterval) <= 0) {
        throw new IllegalArgumentException(
            "revocationMaxStaleness must be longer than revocationPollInterval");
      }
      if (random == null) {
        random = new SecureRandom();
      }
      return new JdbcStores(this);
    }
  }
}
