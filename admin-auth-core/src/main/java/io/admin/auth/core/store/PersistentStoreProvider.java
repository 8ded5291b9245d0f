package io.admin.auth.core.store;

import io.admin.auth.core.config.ConfigReader;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Opens every store on a {@link DataSource}: the service that declarative set-ups (a properties
 * file naming a container-managed {@code DataSource}) use to reach persistent stores without
 * depending on their implementation at compile time. Implementations are found with {@link
 * ServiceLoader} ({@code provides} in a module descriptor, or {@code META-INF/services} on the
 * class path); admin-auth-jdbc provides one for H2 and PostgreSQL.
 */
public interface PersistentStoreProvider {

  /**
   * The setting names (relative to the reader given to {@link #open}) this provider reads, so
   * that a front end can refuse any other name as a misspelling.
   *
   * @return the names; may be empty
   */
  Set<String> settings();

  /**
   * Whether this provider can open stores on {@code dataSource}; may open one connection to ask
   * the database what it is.
   *
   * @param dataSource the application's database
   * @return {@code true} when it can open stores on it
   * @throws io.admin.auth.core.AuthUnavailableException when the database cannot be reached
   */
  boolean supports(DataSource dataSource);

  /**
   * Checks the settings, then opens every store: creates or verifies the schema as the settings
   * say, checks secrets such as a key-encryption key against what the database holds, and starts
   * the stores' background work.
   *
   * @param dataSource the database; stays the caller's (never closed)
   * @param settings the provider's settings, e.g. the reader of {@code admin.auth.store.}
   * @return the stores; close them when the application stops
   * @throws io.admin.auth.core.config.ConfigException naming the setting that is missing or
   *     cannot be used, never quoting a secret
   * @throws IllegalStateException when the database does not hold what the settings promise
   *     (for example a schema to verify that is missing)
   * @throws io.admin.auth.core.AuthUnavailableException when the database cannot be reached
   */
  PersistentStores open(DataSource dataSource, ConfigReader settings);

  /**
   * The providers visible to {@code loader} (the caller's application class loader).
   *
   * @param loader the class loader to search
   * @return the providers, in service-loader order; may be empty
   */
  static List<PersistentStoreProvider> available(ClassLoader loader) {
    return ServiceLoader.load(PersistentStoreProvider.class, loader).stream()
        .map(ServiceLoader.Provider::get).toList();
  }
}
