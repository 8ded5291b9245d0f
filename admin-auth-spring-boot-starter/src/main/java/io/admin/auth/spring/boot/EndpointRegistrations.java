package io.admin.auth.spring.boot;

import io.admin.auth.servlet.config.AdminAuth;
import jakarta.servlet.ServletContext;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/**
 * Maps each endpoint servlet of an {@link AdminAuth} on its exact path, one {@link
 * ServletRegistrationBean} per servlet: their number depends on the settings (API keys, sign-in),
 * so they cannot be one bean each. Exact paths take precedence over the DispatcherServlet's
 * {@code /}, so the application's controllers never see these requests.
 */
final class EndpointRegistrations implements ServletContextInitializer {

  private final AdminAuth auth;

  EndpointRegistrations(AdminAuth auth) {
    this.auth = auth;
  }

  @Override
  public void onStartup(ServletContext context) throws jakarta.servlet.ServletException {
    for (var entry : auth.servlets().entrySet()) {
      ServletRegistrationBean<?> registration =
          new ServletRegistrationBean<>(entry.getValue(), entry.getKey());
      registration.setName("adminAuth:" + entry.getKey());
      registration.onStartup(context);
    }
    // The servlet module's initializer and web.xml listener check this, so that a properties
    // file in the same application cannot register admin-auth a second time.
    context.setAttribute(AdminAuth.REGISTERED_ATTRIBUTE, Boolean.TRUE);
  }
}
