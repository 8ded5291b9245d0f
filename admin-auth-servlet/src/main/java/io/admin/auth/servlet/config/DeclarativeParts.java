package io.admin.auth.servlet.config;

import io.admin.auth.core.apikey.ApiKeyService;
import io.admin.auth.core.config.ConfigReader;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.core.observe.AuthObserver;
import io.admin.auth.core.spi.UserStore;
import io.admin.auth.core.store.PersistentStores;
import io.admin.auth.core.store.memory.InMemoryUserStore;
import io.admin.auth.core.verify.AccessTokenVerifier;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The declarative configuration of {@link AdminAuthProperties}, one part at a time, for a host
 * that makes and owns each part itself and may swap any of them for its own: the Spring Boot
 * starter, where each part is a bean. The keys and their rules are those of the properties file,
 * with one difference: the host hands over its {@link DataSource}, so {@value
 * AdminAuthProperties#STORE_DATASOURCE} (a JNDI name) is refused. Every problem is an {@link
 * AdminAuthConfigException} naming the property.
 *
 * <p>Order of use: {@link #openStores} when the host has a data source, then {@link
 * #tokenService} and {@link #apiKeyService} (or {@link #resourceServerVerifier} when {@link
 * #isResourceServer}), and last {@link #configure} on a builder over them.
 */
public final class DeclarativeParts {

  private DeclarativeParts() {}

  /**
   * Whether the properties describe a resource server (any {@code admin.auth.resource-server.*}
   * key), which verifies the issuer's tokens with its public keys and has no token service or
   * stores.
   *
   * @param properties the {@code admin.auth.*} keys, full names, as for {@link
   *     AdminAuthProperties#load}
   * @return true if any {@code admin.auth.resource-server.*} key is set
   * @throws AdminAuthConfigException if a key under {@code admin.auth.} is unknown
   */
  public static boolean isResourceServer(Properties properties) {
    return ResourceServerProperties.configured(checked(properties));
  }

  /**
   * Opens every persistent store on {@code dataSource} through the store provider on the class
   * path (admin-auth-jdbc), with the {@code admin.auth.store.*} settings (the KEK, the schema).
   * Requires {@code admin.auth.token.pepper}, and with API keys {@value
   * AdminAuthProperties#API_KEYS_PEPPER}, as the properties file does with a data source. The
   * caller owns the result and closes it when the application stops; the data source stays its
   * own.
   *
   * @param properties the {@code admin.auth.*} keys, full names, as for {@link
   *     AdminAuthProperties#load}
   * @param dataSource the host's data source; it stays open when the stores are closed
   * @param name how errors and the log name the data source (a bean name)
   * @return the open stores, which the caller closes
   * @throws AdminAuthConfigException naming what is missing or cannot be used
   */
  public static PersistentStores openStores(Properties properties, DataSource dataSource,
      String name) {
    ConfigReader c = checked(properties);
    if (ResourceServerProperties.configured(c)) {
      throw c.error(ResourceServerProperties.ISSUER, "a resource server keeps no stores: open"
          + " none next to " + ResourceServerProperties.PREFIX + "*");
    }
    return PersistentStoreWiring.open(c, dataSource, name);
  }

  /**
   * The built-in token service ({@link DefaultTokenServiceFactory}) on {@code stores}, or in
   * memory when empty; the clients of the properties are registered in it.
   *
   * @param properties the {@code admin.auth.*} keys, full names, as for {@link
   *     AdminAuthProperties#load}
   * @param stores the stores of {@link #openStores}, or empty for memory
   * @param observer told what the service does, for metrics ({@link AuthObserver#noop()} for
   *     none); give the {@link AdminAuth.Builder#observer builder} the same one
   * @return the token service, with the keys and clients of the properties
   * @throws AdminAuthConfigException naming the first property that cannot be used
   */
  public static TokenService tokenService(Properties properties,
      Optional<PersistentStores> stores, AuthObserver observer) {
    ConfigReader c = checked(properties);
    c.requiredString(AdminAuthProperties.ISSUER);
    // With stores, the people of UserInfo and ID tokens are the users Basic and the login page
    // check; in memory the service keeps its default directory.
    return new DefaultTokenServiceFactory().create(properties, stores,
        stores.map(PersistentStores::userStore).orElse(null),
        Objects.requireNonNull(observer, "observer"));
  }

  /**
   * The API key service of the properties, in {@code stores} or in memory; empty unless {@value
   * AdminAuthProperties#API_KEYS_ENABLED} is {@code true}.
   *
   * @param properties the {@code admin.auth.*} keys, full names, as for {@link
   *     AdminAuthProperties#load}
   * @param stores the stores of {@link #openStores}, or empty to keep the keys in memory
   * @return the service, or empty when API keys are not enabled
   * @throws AdminAuthConfigException naming the first property that cannot be used
   */
  public static Optional<ApiKeyService> apiKeyService(Properties properties,
      Optional<PersistentStores> stores) {
    return DeclarativeSchemes.apiKeys(checked(properties), stores, Clock.systemUTC(),
        new SecureRandom());
  }

  /**
   * The verifier a resource server's keys describe ({@link ResourceServerProperties}).
   *
   * @param properties the {@code admin.auth.*} keys, full names, as for {@link
   *     AdminAuthProperties#load}
   * @param observer told of cache hits and misses, for metrics ({@link AuthObserver#noop()} for
   *     none)
   * @return the verifier of the issuer's access tokens
   * @throws AdminAuthConfigException naming the first property that cannot be used, or when the
   *     properties describe no resource server
   */
  public static AccessTokenVerifier resourceServerVerifier(Properties properties,
      AuthObserver observer) {
    ConfigReader c = checked(properties);
    if (!ResourceServerProperties.configured(c)) {
      throw c.error(ResourceServerProperties.ISSUER, "is required for a resource server");
    }
    return ResourceServerProperties.verifier(c,
        Objects.requireNonNull(observer, "observer"));
  }

  /**
   * Applies every servlet-side key to {@code builder}, made with {@link AdminAuth#builder} over
   * the token service or {@link AdminAuth#resourceServer} over the verifier: the access policy,
   * roles, realm, HTTPS, endpoints, trusted third-party issuers, Basic (users in {@code stores}
   * when present), rate limits (failure counts in {@code stores}) and API keys. An {@link
   * ApiKeyService} already on the builder is kept (the properties then only place its endpoints);
   * otherwise one is made as by {@link #apiKeyService}. With no stores, store settings are
   * refused and in-memory mode is logged once as a warning, as by {@link AdminAuthProperties#load}.
   *
   * @param properties the {@code admin.auth.*} keys, full names, as for {@link
   *     AdminAuthProperties#load}
   * @param builder the builder to configure, over the token service or the verifier
   * @param stores the stores of {@link #openStores}, or empty
   * @return {@code builder}, configured and not yet built
   * @throws AdminAuthConfigException naming the first property that cannot be used
   */
  public static AdminAuth.Builder configure(Properties properties, AdminAuth.Builder builder,
      Optional<PersistentStores> stores) {
    ConfigReader c = checked(properties);
    if (stores.isEmpty()) {
      for (String name : c.under(AdminAuthProperties.STORE_PREFIX).names()) {
        throw c.error(AdminAuthProperties.STORE_PREFIX + name,
            "only meaningful with persistent stores (a DataSource)");
      }
    }
    // Basic and the login page check passwords against the persistent user store when there is
    // one; without, the declared users live in memory for this builder.
    AdminAuthProperties.configure(c, properties, builder, stores,
        stores.<UserStore>map(PersistentStores::userStore).orElseGet(InMemoryUserStore::new));
    if (builder.tokens != null) {
      if (!c.isSet(AdminAuthProperties.BASE_URL)) {
        // The metadata's base URL then defaults to the issuer, so a bad issuer is reported as such.
        c.check(AdminAuthProperties.ISSUER,
            () -> SettingChecks.checkBaseUrl(builder.tokens.issuer()));
      }
      if (stores.isEmpty()) {
        PersistentStoreWiring.warnInMemory("the application has no DataSource");
      }
    }
    return builder;
  }

  private static ConfigReader checked(Properties properties) {
    ConfigReader c = AdminAuthProperties.reader(properties);
    AdminAuthProperties.checkKeys(c);
    return c;
  }
}
