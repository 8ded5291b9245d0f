package io.admin.auth.servlet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.store.PersistentStores;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Brute-force throttles shared through the database: two nodes (two Jetty servers, each with its
 * own filter opened from the same properties file on one H2 database) block a user after the
 * same number of wrong Basic passwords as one node does, however a load balancer spreads them,
 * and the block holds on both.
 */
class SharedFailureThrottleHttpTest {

  private static final String JNDI = "java:comp/env/jdbc/adminAuth";
  /** The default Basic limit per user (see {@link RateLimits}). */
  private static final int USER_LIMIT = 5;
  private static final String PASSWORD = "right-password-0123";
  /** The default client-authentication limit per client id. */
  private static final int CLIENT_LIMIT = 10;
  private static final String CLIENT_SECRET = "client-secret-0123456789";

  private final SecureRandom random = new SecureRandom();
  private final Properties properties = properties();
  private final DataSource h2 = h2();
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<Server> servers = new ArrayList<>();
  private final List<PersistentStores> stores = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (Server s : servers) {
      s.stop();
    }
    stores.forEach(PersistentStores::close);
  }

  @Test
  void basicWhenWrongPasswordsAlternateOverTwoNodesThenBlockedAtTheOneNodeCountOnBoth()
      throws Exception {
    List<URI> nodes = List.of(node(), node());
    assertEquals(USER_LIMIT, failuresBeforeBlock(nodes, "ops"));
    for (URI node : nodes) {
      HttpResponse<String> r = get(node, "ops", PASSWORD);
      assertEquals(429, r.statusCode(), "blocked on " + node + ": " + r.body());
      assertTrue(r.body().contains("AUTH_RATE_LIMITED"), r.body());
      assertTrue(r.headers().firstValue("Retry-After").isPresent());
    }
  }

  @Test
  void basicWhenWrongPasswordsOnOneNodeThenBlockedAtTheSameCount() throws Exception {
    assertEquals(USER_LIMIT, failuresBeforeBlock(List.of(node()), "ops"));
  }

  @Test
  void basicWhenRightPasswordOnOtherNodeBeforeTheLimitThenLogsIn() throws Exception {
    List<URI> nodes = List.of(node(), node());
    for (int i = 0; i < USER_LIMIT - 1; i++) {
      assertEquals(401, get(nodes.get(i % 2), "ops", "wrong-" + i).statusCode());
    }
    assertEquals(200, get(nodes.get(1), "ops", PASSWORD).statusCode());
  }

  @Test
  void tokenWhenWrongClientSecretsAlternateOverTwoNodesThenBlockedAtTheOneNodeCountOnBoth()
      throws Exception {
    List<URI> nodes = List.of(node(), node());
    int failures = 0;
    while (failures < 4 * CLIENT_LIMIT) {
      HttpResponse<String> r = token(nodes.get(failures % 2), "reports", "wrong-" + failures);
      if (r.statusCode() == 429) {
        break;
      }
      assertEquals(401, r.statusCode(), r.body());
      failures++;
    }
    assertEquals(CLIENT_LIMIT, failures);
    for (URI node : nodes) {
      assertEquals(429, token(node, "reports", CLIENT_SECRET).statusCode());
    }
  }

  private HttpResponse<String> token(URI node, String clientId, String secret) throws Exception {
    String basic = Base64.getEncoder().encodeToString(
        (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return client.send(HttpRequest.newBuilder(node.resolve("/api/v3/auth/token"))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Wrong passwords sent round-robin to {@code nodes} until one is refused with 429. */
  private int failuresBeforeBlock(List<URI> nodes, String user) throws Exception {
    for (int i = 0; i < 4 * USER_LIMIT; i++) {
      HttpResponse<String> r = get(nodes.get(i % nodes.size()), user, "wrong-" + i);
      if (r.statusCode() == 429) {
        return i;
      }
      assertEquals(401, r.statusCode(), r.body());
    }
    throw new AssertionError("never blocked after " + 4 * USER_LIMIT + " wrong passwords");
  }

  private HttpResponse<String> get(URI node, String user, String password) throws Exception {
    String basic = Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return client.send(HttpRequest.newBuilder(node.resolve("/api/me"))
        .header("Authorization", "Basic " + basic).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** One node: the filter opened from the shared properties and database, on its own server. */
  private URI node() throws Exception {
    AdminAuthProperties.Loaded loaded = AdminAuthProperties.open(properties,
        name -> Optional.ofNullable(Map.<String, Object>of(JNDI, h2).get(name)));
    loaded.stores().ifPresent(stores::add);
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServletContainerInitializer((classes, ctx) -> {
      loaded.auth().register(ctx);
      ctx.addServlet("ok", new HttpServlet() {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
          resp.getWriter().write("ok");
        }
      }).addMapping("/");
    });
    server.setHandler(context);
    servers.add(server);
    server.start();
    return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
  }

  private Properties properties() {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    Properties p = new Properties();
    p.setProperty("admin.auth.issuer", "https://issuer.test");
    p.setProperty("admin.auth.protected-prefixes", "/api");
    p.setProperty("admin.auth.rule.1", "GET /api/me");
    p.setProperty("admin.auth.store.datasource", "jdbc/adminAuth");
    p.setProperty("admin.auth.store.kek", base64(32));
    p.setProperty("admin.auth.token.pepper", base64(32));
    p.setProperty("admin.auth.client.reports.secret", CLIENT_SECRET);
    p.setProperty("admin.auth.basic.enabled", "true");
    // bcrypt cost 4: an imported hash, cheap to check.
    p.setProperty("admin.auth.user.ops.password-hash",
        OpenBSDBCrypt.generate("2b", PASSWORD.toCharArray(), salt, 4));
    return p;
  }

  private String base64(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  private static DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    return ds;
  }
}
