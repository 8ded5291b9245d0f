package io.admin.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import com.zaxxer.hikari.HikariDataSource;
import io.admin.auth.core.testing.LogCapture;
import io.admin.auth.jdbc.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.jetty.ee10.plus.webapp.EnvConfiguration;
import org.eclipse.jetty.ee10.plus.webapp.PlusConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same WAR file in Jetty 12 (ee10 {@code WebAppContext}), its DataSource and secrets declared
 * in a {@code jetty-env.xml} that Jetty's {@code EnvConfiguration} reads, as an operator deploys
 * it: the same flow, and the same survival of a redeploy and of a restart of the server.
 */
class JettyWarDeploymentTest {

  /** The {@code poolName} the template sets, so the test can tell its DataSource from others. */
  private static final String POOL_NAME = "admin-auth-jetty-env";

  private final Secrets secrets = Secrets.random();
  private final Flow flow = new Flow(secrets);

  @Test
  void warWhenDeployedInJettyWithJettyEnvXmlDataSourceThenFlowWorksAndSurvivesRedeployAndRestart(
      @TempDir Path dir) throws Exception {
    Path war = WarBuilder.build(dir.resolve("app.war"));
    String jdbcUrl = TestDatabases.postgresServer().getJdbcUrl("postgres",
        TestDatabases.freshPostgresName());
    Path jettyEnv = JettyEnvXml.write(dir.resolve("jetty-env.xml"), jdbcUrl, secrets);
    try (LogCapture logs = new LogCapture()) {
      Server server = start(war, jettyEnv, dir.resolve("work-1"));
      Flow.Tokens first;
      Flow.Tokens second;
      String apiKey;
      try {
        String base = url(server);
        first = flow.clientCredentials(base);
        assertEquals(200, flow.helloWithToken(base, first.access()));
        second = flow.refresh(base, first.refresh());
        apiKey = flow.createApiKey(base, second.access());
        assertEquals(200, flow.helloWithKey(base, apiKey));
        flow.revoke(base, first.access());
        Await.status(() -> flow.helloWithToken(base, first.access()), 401, Duration.ofSeconds(5));

        // Redeploy: the context stops (closing the stores) and starts a new copy of the WAR,
        // for which EnvConfiguration reads jetty-env.xml again and binds a new pool.
        String before = flow.instance(base);
        WebAppContext webapp = webapp(server);
        HikariDataSource pool = deployedDataSource(webapp);
        stop(webapp, webapp);
        webapp.start();
        assertNotSame(pool, deployedDataSource(webapp));
        assertNotEquals(before, flow.instance(base));
        second = stillHolds(base, first, second, apiKey);
      } finally {
        stop(server, webapp(server));
      }
      Server restarted = start(war, jettyEnv, dir.resolve("work-2"));
      try {
        stillHolds(url(restarted), first, second, apiKey);
      } finally {
        stop(restarted, webapp(restarted));
      }
      for (String secret : secrets.values()) {
        assertEquals(List.of(), logs.linesContaining(secret), "secret in the logs");
      }
      assertFalse(logs.linesContaining("admin-auth stores are in the database at").isEmpty());
    }
  }

  private Flow.Tokens stillHolds(String base, Flow.Tokens revoked, Flow.Tokens live,
      String apiKey) {
    assertEquals(200, flow.helloWithToken(base, live.access()));
    assertEquals(200, flow.helloWithKey(base, apiKey));
    assertEquals(401, flow.helloWithToken(base, revoked.access()));
    Flow.Tokens next = flow.refresh(base, live.refresh());
    assertEquals(200, flow.helloWithToken(base, next.access()));
    return next;
  }

  /**
   * A server with the WAR at {@code /app}, JNDI from {@code jettyEnv} only: no entry is bound in
   * code, so the application finds its DataSource and secrets only if Jetty read the file.
   */
  private static Server start(Path war, Path jettyEnv, Path work) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    WebAppContext webapp = new WebAppContext();
    webapp.setContextPath("/app");
    webapp.setWar(war.toString());
    webapp.setTempDirectory(work.toFile());
    webapp.addConfiguration(new EnvConfiguration(), new PlusConfiguration());
    // Outside the WAR, so the WAR is the very file Tomcat deploys and holds no secret.
    webapp.setAttribute(EnvConfiguration.JETTY_ENV_XML,
        ResourceFactory.of(webapp).newResource(jettyEnv));
    // A broken jetty-env.xml fails the start with its cause, not a 503 on every request.
    webapp.setThrowUnavailableOnStartupException(true);
    server.setHandler(webapp);
    try {
      server.start();
    } catch (Exception e) {
      server.stop();
      throw e;
    }
    return server;
  }

  /**
   * The DataSource the application sees at {@code java:comp/env/jdbc/adminAuth}, asserted to be
   * the pool {@code jetty-env.xml} declares.
   */
  private static HikariDataSource deployedDataSource(WebAppContext webapp)
      throws NamingException {
    HikariDataSource pool = assertInstanceOf(HikariDataSource.class, bound(webapp));
    assertEquals(POOL_NAME, pool.getPoolName());
    return pool;
  }

  private static Object bound(WebAppContext webapp) throws NamingException {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    // Jetty keeps a java:comp per webapp and finds it through the context class loader.
    thread.setContextClassLoader(webapp.getClassLoader());
    try {
      return new InitialContext().lookup("java:comp/env/jdbc/adminAuth");
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /**
   * Stops {@code target} (the webapp or its server), then closes the pool the webapp's
   * {@code jetty-env.xml} made: Jetty unbinds it but leaves closing it to its owner, and each
   * start makes a new one, so an unclosed pool would hold its connections until the JVM exits.
   */
  private static void stop(LifeCycle target, WebAppContext webapp) throws Exception {
    Object pool = webapp.isAvailable() ? bound(webapp) : null;
    try {
      target.stop();
    } finally {
      if (pool instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }

  private static WebAppContext webapp(Server server) {
    return (WebAppContext) server.getHandler();
  }

  private static String url(Server server) {
    return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
        + "/app";
  }
}
