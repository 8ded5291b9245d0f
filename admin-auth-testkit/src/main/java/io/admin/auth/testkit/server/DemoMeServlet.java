package io.admin.auth.testkit.server;

import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.servlet.AdminAuthFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo resource {@code GET /api/v3/me}: echoes who the filter says the caller is
 * ({@code subject}, {@code auth_method}, {@code client_id}, {@code scopes}, {@code issuer}), as
 * contract section 1 lists. Any authenticated caller may call it.
 */
final class DemoMeServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Object attribute = req.getAttribute(AdminAuthFilter.PRINCIPAL_ATTRIBUTE);
    if (!(attribute instanceof AuthPrincipal)) {
      // Only reachable if the filter is not in front of this servlet: fail closed.
      res.sendError(500);
      return;
    }
    AuthPrincipal p = (AuthPrincipal) attribute;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", p.subject());
    body.put("auth_method", p.method().wireName());
    body.put("client_id", p.clientId());
    body.put("scopes", new ArrayList<>(p.scopes()));
    body.put("issuer", p.issuer());
    DemoResponses.json(res, 200, body);
  }
}
