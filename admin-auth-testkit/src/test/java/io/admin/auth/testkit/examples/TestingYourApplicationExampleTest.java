package io.admin.auth.testkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.config.AdminAuthProperties;
import io.admin.auth.testkit.TestTokens;
import io.admin.auth.testkit.junit.AdminAuthExtension;
import io.admin.auth.testkit.junit.WithToken;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Testing your own application: a small orders application behind the filter on Jetty, wired
 * from its test properties file, which references the test key the extension exports; tokens come
 * from {@link WithToken} parameters and fields and are verified by the application's real
 * resource-server verifier. Compiles as a user would write it.
 */
class TestingYourApplicationExampleTest {

  @RegisterExtension
  static AdminAuthExtension auth = AdminAuthExtension.builder().exportSystemProperties().build();

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Server server;
  private static URI base;

  @WithToken(subject = "clerk", scopes = "orders:read", bearer = true)
  String reader;

  @BeforeAll
  static void startTheApplication() throws Exception {
    Properties properties = new Properties();
    try (InputStream in = TestingYourApplicationExampleTest.class
        .getResourceAsStream("orders-app-test.properties")) {
      properties.load(in);
    }
    AdminAuth adminAuth = AdminAuthProperties.load(properties);
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServletContainerInitializer((classes, ctx) -> {
      adminAuth.register(ctx);
      ctx.addServlet("orders", new OrdersServlet()).addMapping("/api/orders");
    });
    server.setHandler(context);
    server.start();
    base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  @AfterAll
  static void stopTheApplication() throws Exception {
    server.stop();
  }

  @Test
  void listOrdersWhenTokenHasOrdersReadThen200ForThatUser() throws Exception {
    HttpResponse<String> r = send("GET", reader);
    assertEquals(200, r.statusCode());
    assertEquals("orders of clerk", r.body());
  }

  @Test
  void createOrderWhenTokenLacksOrdersWriteThen403(
      @WithToken(scopes = "orders:read") String token) throws Exception {
    HttpResponse<String> r = send("POST", "Bearer " + token);
    assertEquals(403, r.statusCode());
    assertTrue(r.body().contains("AUTH_INSUFFICIENT_SCOPE"), r::body);
  }

  @Test
  void createOrderWhenTokenHasOrdersWriteThen201(
      @WithToken(subject = "buyer", scopes = {"orders:read", "orders:write"}, bearer = true)
      String authorization) throws Exception {
    assertEquals(201, send("POST", authorization).statusCode());
  }

  @Test
  void listOrdersWhenTokenExpiredOrForgedThen401(TestTokens tokens) throws Exception {
    String expired = tokens.token().scopes("orders:read").expired().sign();
    String forged = tokens.token().scopes("orders:read").signedByUnknownKey().sign();
    assertEquals(401, send("GET", "Bearer " + expired).statusCode());
    assertEquals(401, send("GET", "Bearer " + forged).statusCode());
    assertEquals(401, send("GET", null).statusCode());
  }

  private static HttpResponse<String> send(String method, String authorization)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/orders"))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The application under test. */
  private static final class OrdersServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
      res.setContentType("text/plain");
      res.getWriter().write("orders of " + req.getRemoteUser());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) {
      res.setStatus(201);
    }
  }
}
