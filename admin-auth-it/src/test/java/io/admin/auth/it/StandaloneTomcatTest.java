package io.admin.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.jdbc.TestDatabases;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WAR in a standalone Tomcat 11 distribution, as an operator runs it, with its DataSource and
 * secrets in {@code context.xml} and every store in an embedded PostgreSQL: what was issued
 * before a redeploy or a restart still holds after it, and two Tomcat processes on one database
 * accept each other's tokens and see each other's revocations.
 */
class StandaloneTomcatTest {

  private final Secrets secrets = Secrets.random();
  private final Flow flow = new Flow(secrets);

  private static String freshDatabase() {
    return TestDatabases.postgresServer().getJdbcUrl("postgres",
        TestDatabases.freshPostgresName());
  }

  private static Path driverJar() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Path::of).filter(p -> p.getFileName().toString().matches("postgresql-.*\\.jar"))
        .findFirst().orElseThrow(() -> new IllegalStateException("no PostgreSQL driver jar"));
  }

  @Test
  void warWhenRedeployedAndTomcatRestartedThenTokensKeysAndRevocationsSurvive(
      @TempDir Path dir) {
    Path war = WarBuilder.build(dir.resolve("app.war"));
    try (TomcatNode node = new TomcatNode(dir.resolve("node"), freshDatabase(), secrets, war,
        driverJar())) {
      node.start(flow);
      String base = node.url();
      Flow.Tokens first = flow.clientCredentials(base);
      assertEquals(200, flow.helloWithToken(base, first.access()));
      Flow.Tokens second = flow.refresh(base, first.refresh());
      assertEquals(200, flow.helloWithToken(base, second.access()));
      String apiKey = flow.createApiKey(base, second.access());
      assertEquals(200, flow.helloWithKey(base, apiKey));
      flow.revoke(base, first.access());
      Await.status(() -> flow.helloWithToken(base, first.access()), 401, Duration.ofSeconds(5));

      String before = flow.instance(base);
      node.touchWar();
      String redeployed = node.awaitInstance(flow, before);
      assertNotEquals(before, redeployed);
      Flow.Tokens third = stillHolds(base, first, second, apiKey);

      node.stop();
      node.start(flow);
      stillHolds(base, first, third, apiKey);

      String logs = node.logs();
      for (String secret : secrets.values()) {
        assertFalse(logs.contains(secret), "a secret from the properties file is in the logs");
      }
      // The stores' threads stop with the application: Tomcat names any thread a redeployed
      // application left running.
      List<String> leaks = logs.lines()
          .filter(l -> l.contains("admin-auth") && l.contains("failed to stop")).toList();
      assertEquals(List.of(), leaks);
      assertTrue(logs.contains("admin-auth stores are in the database at"), "INFO line missing");
    }
  }

  /** After a redeploy or restart: the old tokens and the key still work, the revoked one not. */
  private Flow.Tokens stillHolds(String base, Flow.Tokens revoked, Flow.Tokens live,
      String apiKey) {
    assertEquals(200, flow.helloWithToken(base, live.access()));
    assertEquals(200, flow.helloWithKey(base, apiKey));
    assertEquals(401, flow.helloWithToken(base, revoked.access()));
    Flow.Tokens next = flow.refresh(base, live.refresh());
    assertEquals(200, flow.helloWithToken(base, next.access()));
    return next;
  }

  @Test
  void twoTomcatsOnOneDatabaseWhenTokenFromOneThenTheOtherAcceptsAndSeesItsRevocation(
      @TempDir Path dir) {
    Path war = WarBuilder.build(dir.resolve("app.war"));
    String db = freshDatabase();
    try (TomcatNode a = new TomcatNode(dir.resolve("a"), db, secrets, war, driverJar());
        TomcatNode b = new TomcatNode(dir.resolve("b"), db, secrets, war, driverJar())) {
      a.start(flow);
      b.start(flow);
      Flow.Tokens fromA = flow.clientCredentials(a.url());
      assertEquals(200, flow.helloWithToken(b.url(), fromA.access()));
      String keyFromB = flow.createApiKey(b.url(), flow.clientCredentials(b.url()).access());
      assertEquals(200, flow.helloWithKey(a.url(), keyFromB));
      Flow.Tokens refreshedOnB = flow.refresh(b.url(), fromA.refresh());
      assertEquals(200, flow.helloWithToken(a.url(), refreshedOnB.access()));

      // Brute force spread over both nodes is blocked at one node's count (5 per user): the
      // failure counts live in the shared database, not in each Tomcat.
      assertEquals(200, flow.helloWithBasic(b.url(), Flow.BASIC_USER, Flow.BASIC_PASSWORD));
      for (int i = 0; i < 5; i++) {
        TomcatNode node = i % 2 == 0 ? a : b;
        assertEquals(401, flow.helloWithBasic(node.url(), Flow.BASIC_USER, "wrong-" + i),
            "wrong password " + (i + 1));
      }
      for (TomcatNode node : List.of(a, b)) {
        assertEquals(429, flow.helloWithBasic(node.url(), Flow.BASIC_USER, Flow.BASIC_PASSWORD),
            "blocked on both nodes after five failures spread over them");
      }

      flow.revoke(a.url(), fromA.access());
      Duration seen = Await.status(() -> flow.helloWithToken(b.url(), fromA.access()), 401,
          Duration.ofSeconds(1));
      assertTrue(seen.compareTo(Duration.ofSeconds(1)) <= 0, "seen after " + seen);
      for (TomcatNode node : List.of(a, b)) {
        String logs = node.logs();
        secrets.values().forEach(s -> assertFalse(logs.contains(s), "secret in the logs"));
      }
    }
  }
}
