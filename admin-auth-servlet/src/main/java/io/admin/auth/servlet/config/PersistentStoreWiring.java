package io.admin.auth.servlet.config;

import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.config.ConfigReader;
import io.admin.auth.core.store.PersistentStoreProvider;
import io.admin.auth.core.store.PersistentStores;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the persistent stores a properties file asks for ({@value AdminAuthProperties#STORE_DATASOURCE}
 * names a container-managed {@link DataSource} in JNDI), through whichever {@link
 * PersistentStoreProvider} the application carries (admin-auth-jdbc's), so this module never
 * depends on a store implementation. Without a data source everything stays in memory, which
 * {@link #warnInMemory} says once, as a warning, at start.
 */
final class PersistentStoreWiring {

  private static final Logger LOG = LoggerFactory.getLogger(PersistentStoreWiring.class);
  private static final String DATASOURCE_NAME = "datasource";

  /** Finds a JNDI name; the seam between the properties and the container's naming service. */
  @FunctionalInterface
  interface Naming {
    /** The object bound to {@code name}, or empty. */
    Optional<Object> lookup(String name);
  }

  private PersistentStoreWiring() {}

  /** The container's JNDI naming service. */
  static Naming jndi() {
    return name -> {
      try {
        return Optional.ofNullable(new InitialContext().lookup(name));
      } catch (NamingException | RuntimeException e) {
        // No naming context (outside a container) or no such entry: both mean "not bound".
        return Optional.empty();
      }
    };
  }

  /**
   * The stores named by the properties, or empty (in memory).
   *
   * @param tokensByDefaultFactory whether the built-in token service factory will use the stores
   *     (it then needs an explicit token pepper)
   * @throws AdminAuthConfigException naming what is missing or cannot be used
   */
  static Optional<PersistentStores> open(ConfigReader config, Naming naming,
      boolean tokensByDefaultFactory) {
    ConfigReader store = config.under(AdminAuthProperties.STORE_PREFIX);
    if (!store.isSet(DATASOURCE_NAME)) {
      for (String name : store.names()) {
        throw store.error(name, "only meaningful with " + AdminAuthProperties.STORE_DATASOURCE);
      }
      return Optional.empty();
    }
    List<PersistentStoreProvider> providers =
        checkedProviders(config, tokensByDefaultFactory, Set.of(DATASOURCE_NAME),
        AdminAuthProperties.STORE_DATASOURCE);
    String jndiName = jndiName(store.requiredString(DATASOURCE_NAME));
    Object bound = naming.lookup(jndiName).orElseThrow(() -> store.error(DATASOURCE_NAME,
        "nothing is bound at '" + jndiName + "': declare the DataSource in the container (a"
            + " <Resource> in Tomcat's context.xml, a Resource in Jetty's jetty-env.xml)"));
    if (!(bound instanceof DataSource dataSource)) {
      throw store.error(DATASOURCE_NAME, "'" + jndiName + "' is a "
          + bound.getClass().getName() + ", not a javax.sql.DataSource");
    }
    return Optional.of(openOn(store, providers, dataSource, store.key(DATASOURCE_NAME),
        jndiName));
  }

  /**
   * The stores on a data source the host application owns and hands over itself (the Spring Boot
   * starter: the application's {@code DataSource} bean), so {@value
   * AdminAuthProperties#STORE_DATASOURCE} is refused; the same secrets are required as with it.
   *
   * @param name how errors and the log name the data source, e.g. its bean name
   * @throws AdminAuthConfigException naming what is missing or cannot be used
   */
  static PersistentStores open(ConfigReader config, DataSource dataSource, String name) {
    ConfigReader store = config.under(AdminAuthProperties.STORE_PREFIX);
    if (store.isSet(DATASOURCE_NAME)) {
      throw store.error(DATASOURCE_NAME, "names a JNDI data source, but the application hands"
          + " admin-auth its own DataSource ('" + name + "'): remove it");
    }
    List<PersistentStoreProvider> providers = checkedProviders(config, true, Set.of(),
        "the stores in DataSource '" + name + "'");
    // No property names the data source: a failure to use it is the first thing it needs, the KEK.
    return openOn(store, providers, dataSource, "DataSource '" + name + "'", name);
  }

  /** Checks the secrets a persistent store needs and the store keys; finds the providers. */
  private static List<PersistentStoreProvider> checkedProviders(ConfigReader config,
      boolean tokensByDefaultFactory, Set<String> ownKeys, String storeSource) {
    ConfigReader store = config.under(AdminAuthProperties.STORE_PREFIX);
    // Hashes written to the database must verify after a restart and on every node, which a
    // pepper drawn at random per start cannot give.
    // Blank counts as absent, as everywhere else (an empty variable behind a placeholder).
    if (tokensByDefaultFactory
        && config.string(DefaultTokenServiceFactory.TOKEN + "pepper").isEmpty()) {
      throw config.error(DefaultTokenServiceFactory.TOKEN + "pepper", "is required with "
          + storeSource + ": client secrets and refresh tokens are"
          + " stored as hashes under it (base64 of at least 32 bytes, best as ${env:NAME},"
          + " ${file:/path} or ${jndi:java:comp/env/NAME})");
    }
    if (config.bool(AdminAuthProperties.API_KEYS_ENABLED, false)
        && config.string(AdminAuthProperties.API_KEYS_PEPPER).isEmpty()) {
      throw config.error(AdminAuthProperties.API_KEYS_PEPPER, "is required with "
          + storeSource + " and " + AdminAuthProperties.API_KEYS_ENABLED
          + "=true: API keys are stored as hashes under it (base64 of at least 32 bytes, best as"
          + " ${env:NAME}, ${file:/path} or ${jndi:java:comp/env/NAME})");
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    List<PersistentStoreProvider> providers = PersistentStoreProvider.available(
        loader != null ? loader : PersistentStoreWiring.class.getClassLoader());
    if (providers.isEmpty()) {
      throw store.error(DATASOURCE_NAME, "no persistent store provider found: put admin-auth-jdbc"
          + " in the application (WEB-INF/lib) next to admin-auth-servlet");
    }
    Set<String> known = new TreeSet<>(ownKeys);
    providers.forEach(p -> known.addAll(p.settings()));
    for (String name : store.names()) {
      if (!known.contains(name)) {
        throw store.error(name, "unknown property; known: " + String.join(", ", known));
      }
    }
    return providers;
  }

  private static PersistentStores openOn(ConfigReader store,
      List<PersistentStoreProvider> providers, DataSource dataSource, String property,
      String name) {
    PersistentStoreProvider provider;
    try {
      provider = providers.stream().filter(p -> p.supports(dataSource)).findFirst()
          .orElseThrow(() -> new AdminAuthConfigException(property, "no store provider supports"
              + " the database at '" + name + "' (admin-auth-jdbc supports H2 and PostgreSQL)"));
    } catch (AuthUnavailableException e) {
      throw new AdminAuthConfigException(property,
          "cannot connect to the database at '" + name + "': " + e.getMessage(), e);
    }
    try {
      PersistentStores stores = provider.open(dataSource, store);
      LOG.info("admin-auth stores are in the database at {}", name);
      return stores;
    } catch (AuthUnavailableException e) {
      throw new AdminAuthConfigException(property,
          "cannot reach the database at '" + name + "': " + e.getMessage(), e);
    } catch (IllegalStateException e) {
      throw new AdminAuthConfigException(property, String.valueOf(e.getMessage()), e);
    }
  }

  /** Says, once per start, what in-memory mode loses. */
  static void warnInMemory() {
    warnInMemory(AdminAuthProperties.STORE_DATASOURCE + " is not set");
  }

  /** {@link #warnInMemory()}, saying {@code why} there is no database. */
  static void warnInMemory(String why) {
    LOG.warn("admin-auth keeps signing keys, clients, refresh tokens, revocations, API keys and"
        + " users in memory, since {}: nothing survives a restart or a redeploy"
        + " (every issued token and API key dies) and the nodes of one application do not share"
        + " them", why);
  }

  /** {@code jdbc/x} is short for {@code java:comp/env/jdbc/x}, as in {@code web.xml}. */
  static String jndiName(String name) {
    return name.startsWith("java:") ? name : "java:comp/env/" + name;
  }
}
