package io.admin.auth.servlet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.AdminAuthFilter;
import io.admin.auth.servlet.config.AdminAuth;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * How an application wires admin-auth in code: a token service, an access policy, one call to
 * register everything, and application servlets that read the caller from the request.
 */
class ProgrammaticWiringExampleTest {

  /** Application code: uses only the servlet API and the principal attribute. */
  static final class UsersServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
      AuthPrincipal caller = (AuthPrincipal) req.getAttribute(AdminAuthFilter.PRINCIPAL_ATTRIBUTE);
      res.setContentType("text/plain");
      res.getWriter().print(req.getRemoteUser() + " via " + caller.clientId()
          + (req.isUserInRole("users:read") ? " may read" : ""));
    }
  }

  @Test
  void exampleWhenClientGetsTokenThenItCanCallTheProtectedServlet() throws Exception {
    DefaultTokenService tokens = DefaultTokenService.builder()
        .issuer("http://127.0.0.1")
        .build();
    tokens.registerClient(ClientRegistration.of("reporting", "reporting-secret-0123456789",
        Set.of("users:read")));

    AdminAuth auth = AdminAuth.builder(tokens)
        .accessPolicy(AccessPolicy.builder()
            .protectedPrefix("/api")
            .rule("GET", "/api/v3/users", "users:read")
            .build())
        .build();

    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServletContainerInitializer((classes, ctx) -> {
      auth.register(ctx);
      ctx.addServlet("users", new UsersServlet()).addMapping("/api/v3/users");
    });
    server.setHandler(context);
    server.start();
    try {
      String base = "http://127.0.0.1:" + connector.getLocalPort();
      HttpClient client = HttpClient.newHttpClient();
      String basic = Base64.getEncoder().encodeToString(
          "reporting:reporting-secret-0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      HttpResponse<String> token = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v3/auth/token"))
          .header("Authorization", "Basic " + basic)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
          .build(), HttpResponse.BodyHandlers.ofString());
      String accessToken = io.admin.auth.core.internal.jose.Json.parseObject(token.body()).orElseThrow()
          .get("access_token").toString();

      HttpResponse<String> users = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v3/users"))
          .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, users.statusCode());
      assertEquals("reporting via reporting may read", users.body());
    } finally {
      server.stop();
    }
  }
}
