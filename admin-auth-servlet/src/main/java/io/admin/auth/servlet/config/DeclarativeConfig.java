package io.admin.auth.servlet.config;

import io.admin.auth.core.store.PersistentStores;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Shared by {@link AdminAuthInitializer} and {@link AdminAuthListener}: finds and reads the
 * properties file named by the {@value #CONFIG_PARAM} context parameter, applies the {@value
 * #ISSUER_PARAM} override, and registers admin-auth on the context.
 */
final class DeclarativeConfig {

  /** Context init parameter: location of the properties file. */
  static final String CONFIG_PARAM = "admin.auth.config";
  /** Context init parameter: the issuer, overriding the file. */
  static final String ISSUER_PARAM = "admin.auth.issuer";
  /** Where the initializer looks when no location is configured. */
  static final String DEFAULT_LOCATION = "/WEB-INF/admin-auth.properties";

  /** Context attribute holding the open persistent stores, closed with the application. */
  static final String STORES_ATTRIBUTE = "io.admin.auth.stores";

  private DeclarativeConfig() {}

  /** The configured location, or the default one if that resource exists, or empty. */
  static Optional<String> location(ServletContext context) {
    String configured = context.getInitParameter(CONFIG_PARAM);
    if (configured != null && !configured.isBlank()) {
      return Optional.of(configured.strip());
    }
    try {
      return context.getResource(DEFAULT_LOCATION) != null
          ? Optional.of(DEFAULT_LOCATION) : Optional.empty();
    } catch (MalformedURLException e) {
      return Optional.empty();
    }
  }

  static void register(ServletContext context, String location) {
    if (context.getAttribute(AdminAuth.REGISTERED_ATTRIBUTE) != null) {
      return;
    }
    Properties properties = read(context, location);
    String issuer = context.getInitParameter(ISSUER_PARAM);
    if (issuer != null && !issuer.isBlank()) {
      properties.setProperty(AdminAuthProperties.ISSUER, issuer.strip());
    }
    AdminAuthProperties.Loaded loaded =
        AdminAuthProperties.open(properties, PersistentStoreWiring.jndi());
    try {
      loaded.auth().register(context);
    } catch (RuntimeException e) {
      loaded.stores().ifPresent(PersistentStores::close);
      throw e;
    }
    loaded.stores().ifPresent(s -> context.setAttribute(STORES_ATTRIBUTE, s));
    context.log("admin-auth registered from " + location);
  }

  /**
   * Stops the persistent stores' background work when the application stops, so that a redeploy
   * leaves no thread (and no class loader) of the old application behind. Idempotent.
   */
  static void close(ServletContext context) {
    if (context.getAttribute(STORES_ATTRIBUTE) instanceof PersistentStores stores) {
      context.removeAttribute(STORES_ATTRIBUTE);
      stores.close();
    }
  }

  /** Reads {@code classpath:name}, {@code file:path}, or a context resource path like /WEB-INF/x. */
  static Properties read(ServletContext context, String location) {
    Properties properties = new Properties();
    try (InputStream in = open(context, location)) {
      if (in == null) {
        throw new AdminAuthConfigException(CONFIG_PARAM, "no properties file at '" + location + "'");
      }
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AdminAuthConfigException(CONFIG_PARAM, "cannot read '" + location + "'", e);
    }
    return properties;
  }

  private static InputStream open(ServletContext context, String location) throws IOException {
    if (location.startsWith("classpath:")) {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      String name = location.substring("classpath:".length()).replaceFirst("^/", "");
      return (loader != null ? loader : DeclarativeConfig.class.getClassLoader())
          .getResourceAsStream(name);
    }
    if (location.startsWith("file:")) {
      Path path = Path.of(location.substring("file:".length()));
      return Files.isRegularFile(path) ? Files.newInputStream(path) : null;
    }
    if (location.startsWith("/")) {
      return context.getResourceAsStream(location);
    }
    throw new AdminAuthConfigException(CONFIG_PARAM,
        "must be classpath:..., file:... or a context path starting with /, was '" + location + "'");
  }
}
