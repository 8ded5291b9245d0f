package io.admin.auth.it.webapp;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.UUID;

/**
 * The sample application inside the WAR: {@code /api/hello} is protected by the filter, {@code
 * /public/instance} names this deployment (a new value after each redeploy or restart), so the
 * tests can tell when the container has brought a new copy of the application up.
 */
public final class HelloServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final String instance = UUID.randomUUID().toString();

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setContentType("text/plain");
    resp.setCharacterEncoding("UTF-8");
    if (req.getServletPath().startsWith("/public")) {
      resp.getWriter().write(instance);
      return;
    }
    Principal who = req.getUserPrincipal();
    resp.getWriter().write("hello " + (who == null ? "nobody" : who.getName()));
  }
}
