package io.admin.auth.servlet.config;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Explicit {@code web.xml} registration, for containers that do not run {@code
 * ServletContainerInitializer}s or applications that want the wiring visible:
 *
 * <pre>{@code
 * <context-param><param-name>admin.auth.config</param-name>
 *   <param-value>/WEB-INF/admin-auth.properties</param-value></context-param>
 * <context-param><param-name>admin.auth.issuer</param-name>
 *   <param-value>https://api.example.com</param-value></context-param>
 * <listener><listener-class>io.admin.auth.servlet.config.AdminAuthListener</listener-class></listener>
 * }</pre>
 *
 * <p>Unlike the initializer, the listener is explicit, so a missing {@code admin.auth.config}
 * parameter is an error. If the initializer already registered admin-auth, the listener does
 * nothing.
 */
public final class AdminAuthListener implements ServletContextListener {

  /** For the container, which instantiates the listener named in {@code web.xml}. */
  public AdminAuthListener() {}

  /** Registers admin-auth from the file named by the {@code admin.auth.config} parameter. */
  @Override
  public void contextInitialized(ServletContextEvent event) {
    String location = event.getServletContext().getInitParameter(DeclarativeConfig.CONFIG_PARAM);
    if (location == null || location.isBlank()) {
      throw new AdminAuthConfigException(DeclarativeConfig.CONFIG_PARAM,
          "context parameter is required");
    }
    DeclarativeConfig.register(event.getServletContext(), location.strip());
  }

  /** Stops the persistent stores' background work, if the properties opened any. */
  @Override
  public void contextDestroyed(ServletContextEvent event) {
    DeclarativeConfig.close(event.getServletContext());
  }
}
