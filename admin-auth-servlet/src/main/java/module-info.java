/**
 * admin-auth for Jakarta Servlet containers: the filter (Bearer, API key, Basic), the token,
 * revocation, introspection, JWKS, metadata and API-key endpoints, and their wiring in code,
 * {@code web.xml} or a properties file. Compiled against Servlet 6.0, which the container provides.
 */
module io.admin.auth.servlet {
  requires transitive io.admin.auth.core;
  requires transitive jakarta.servlet;
  requires java.naming;
  // The container's DataSource for the persistent stores (reached through core.store).
  requires java.sql;

  exports io.admin.auth.servlet;
  exports io.admin.auth.servlet.access;
  exports io.admin.auth.servlet.config;
  exports io.admin.auth.servlet.endpoint;
  exports io.admin.auth.servlet.error;
  exports io.admin.auth.servlet.scheme;
  exports io.admin.auth.servlet.session;
  exports io.admin.auth.servlet.signin;

  provides jakarta.servlet.ServletContainerInitializer
      with io.admin.auth.servlet.config.AdminAuthInitializer;
}
