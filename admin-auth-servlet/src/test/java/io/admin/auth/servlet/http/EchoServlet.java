package io.admin.auth.servlet.http;

import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.servlet.AdminAuthFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/** The protected application: echoes what the servlet API tells it about the caller. */
public final class EchoServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  static final String MARKER = "protected-resource";

  /** Public so a {@code web.xml} can name it. */
  public EchoServlet() {}

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("resource", MARKER);
    json.put("method", req.getMethod());
    json.put("remote_user", req.getRemoteUser());
    json.put("auth_type", req.getAuthType());
    json.put("principal_name", req.getUserPrincipal() == null ? null : req.getUserPrincipal().getName());
    json.put("in_role_reader", req.isUserInRole("reader"));
    json.put("in_role_users_read", req.isUserInRole("users:read"));
    json.put("in_role_admin", req.isUserInRole("admin"));
    Object attr = req.getAttribute(AdminAuthFilter.PRINCIPAL_ATTRIBUTE);
    if (attr instanceof AuthPrincipal p) {
      json.put("attr_subject", p.subject());
      json.put("attr_client_id", p.clientId());
      json.put("attr_method", p.method().wireName());
      json.put("attr_scopes", String.join(" ", p.scopes()));
    }
    json.put("mdc_subject", MDC.get(AdminAuthFilter.MDC_SUBJECT));
    json.put("mdc_client_id", MDC.get(AdminAuthFilter.MDC_CLIENT_ID));
    byte[] bytes = Json.write(json).getBytes(StandardCharsets.UTF_8);
    res.setContentType("application/json");
    res.getOutputStream().write(bytes);
  }
}
