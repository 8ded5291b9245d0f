package io.admin.auth.testkit.internal.http;

import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.servlet.AdminAuthFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The protected resource {@code GET /api/v3/me} of the mock authorization server and the dev
 * server: echoes who the filter says the caller is ({@code subject}, {@code auth_method},
 * {@code client_id}, {@code scopes}, {@code issuer}), as {@code docs/http-contract.md} lists.
 * Any authenticated caller may call it; mount it behind {@link AdminAuthFilter}.
 *
 * <p>Internal: public only so that the {@code admin-auth-devserver} module can share it.
 */
public final class MeServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Answers 200 with the caller as JSON, or 500 when no filter put a principal in front. */
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
    res.setStatus(200);
    res.setContentType("application/json");
    res.setCharacterEncoding("UTF-8");
    res.setHeader("Cache-Control", "no-store");
    res.getWriter().write(Json.write(body));
  }
}
