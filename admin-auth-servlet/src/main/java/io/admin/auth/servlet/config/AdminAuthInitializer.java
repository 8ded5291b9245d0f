package io.admin.auth.servlet.config;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Optional;
import java.util.Set;

/**
 * Zero-code registration, discovered through {@code META-INF/services}: off unless a properties
 * file is present, either at the location of the {@code admin.auth.config} context parameter or
 * at {@code /WEB-INF/admin-auth.properties}. When present, bad configuration throws {@link
 * AdminAuthConfigException}, which fails the application start.
 */
public final class AdminAuthInitializer implements ServletContainerInitializer {

  /** For the container, which finds the initializer through {@code META-INF/services}. */
  public AdminAuthInitializer() {}

  /** Registers admin-auth when a properties file is found, and its shutdown with the context. */
  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    Optional<String> location = DeclarativeConfig.location(context);
    if (location.isPresent()) {
      DeclarativeConfig.register(context, location.get());
      // Only an initializer may add a ServletContextListener; the web.xml listener closes itself.
      context.addListener(new StoreCloser());
    }
  }

  /** Closes the persistent stores when the application stops. */
  private static final class StoreCloser implements ServletContextListener {
    @Override
    public void contextDestroyed(ServletContextEvent event) {
      DeclarativeConfig.close(event.getServletContext());
    }
  }
}
