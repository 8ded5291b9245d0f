package io.admin.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.zaxxer.hikari.HikariDataSource;
import io.admin.auth.core.testing.LogCapture;
import io.admin.auth.jdbc.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.naming.NamingException;
import org.eclipse.jetty.ee10.plus.webapp.EnvConfiguration;
import org.eclipse.jetty.ee10.plus.webapp.PlusConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.plus.jndi.EnvEntry;
import org.eclipse.jetty.plus.jndi.Resource;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same WAR file in Jetty 12 (ee10 {@code WebAppContext}), its DataSource and secrets bound
 * in JNDI the way {@code jetty-env.xml} binds them ({@code org.eclipse.jetty.plus.jndi.Resource}
 * and {@code EnvEntry}, scoped to the webapp): the same flow, and the same survival of a redeploy
 * and of a restart of the server.
 */
class JettyWarDeploymentTest {

  private final Secrets secrets = Secrets.random();
  private final Flow flow = new Flow(secrets);

  @Test
  void warWhenDeployedInJettyWithJndiDataSourceThenFlowWorksAndSurvivesRedeployAndRestart(
      @TempDir Path dir) throws Exception {
    Path war = WarBuilder.build(dir.resolve("app.war"));
    try (LogCapture logs = new LogCapture();
        HikariDataSource db = TestDatabases.hikariPostgres(TestDatabases.freshPostgresName(), 8)) {
      Server server = start(war, db, dir.resolve("work-1"));
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

        // Redeploy: the context stops (closing the stores) and starts a new copy of the WAR.
        String before = flow.instance(base);
        WebAppContext webapp = (WebAppContext) server.getHandler();
        webapp.stop();
        webapp.start();
        assertNotEquals(before, flow.instance(base));
        second = stillHolds(base, first, second, apiKey);
      } finally {
        server.stop();
      }
      Server restarted = start(war, db, dir.resolve("work-2"));
      try {
        stillHolds(url(restarted), first, second, apiKey);
      } finally {
        restarted.stop();
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

  private Server start(Path war, HikariDataSource db, Path work) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    WebAppContext webapp = new WebAppContext();
    webapp.setContextPath("/app");
    webapp.setWar(war.toString());
    webapp.setTempDirectory(work.toFile());
    webapp.addConfiguration(new EnvConfiguration(), new PlusConfiguration());
    bind(webapp, db);
    server.setHandler(webapp);
    server.start();
    return server;
  }

  /** What a {@code jetty-env.xml} declares: the DataSource and the secrets, for this webapp. */
  private void bind(WebAppContext webapp, HikariDataSource db) throws NamingException {
    new Resource(webapp, "jdbc/adminAuth", db);
    for (var e : secrets.entries().entrySet()) {
      new EnvEntry(webapp, e.getKey(), e.getValue(), true);
    }
  }

  private static String url(Server server) {
    return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
        + "/app";
  }
}
