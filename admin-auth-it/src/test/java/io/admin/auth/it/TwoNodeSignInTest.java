package io.admin.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.signin.ApprovedAuthorization;
import io.admin.auth.core.signin.Pkce;
import io.admin.auth.core.spi.SignInSettings;
import io.admin.auth.core.spi.User;
import io.admin.auth.jdbc.KeyEncryptionKey;
import io.admin.auth.jdbc.TestDatabases;
import io.admin.auth.testkit.signin.SignInDriver;
import io.admin.auth.testkit.signin.SignInOutcome;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two nodes (two embedded Jettys, each with its own pool and stores) on one embedded PostgreSQL
 * database, as behind a load balancer: codes, clients, keys, users, sign-in sessions and consents
 * are shared through the JDBC stores only; the sign-in driver reaches them through a routing
 * client that plays the load balancer (docs/http-contract.md, "Signing people in" and "Refresh-token
 * rotation and reuse detection" for the exactly-one-winner rule).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeSignInTest {

  private static final String SPA_REDIRECT = "http://127.0.0.1:8400/callback";
  private static final String WEB_REDIRECT = "https://web.example/cb";
  private static final String WEB_SECRET = "web-secret-0123456789abcdef";
  private static final String PASSWORD = "correct horse battery staple";
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  private static final Set<String> SCOPES = Set.of("openid", "profile", "offline_access",
      "users:read");
  private static final int ROUNDS = 8;
  private static final int CALLERS_PER_NODE = 2;

  private final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private URI publicBase;
  private SignInNode nodeA;
  private SignInNode nodeB;

  @BeforeAll
  void start() throws Exception {
    String database = TestDatabases.freshPostgresName();
    SecureRandom random = new SecureRandom();
    byte[] pepper = new byte[32];
    random.nextBytes(pepper);
    KeyEncryptionKey kek = KeyEncryptionKey.generate(random);
    // One public address for both, as behind a load balancer; nothing listens there, the
    // routing client sends each request to the node a test chooses.
    publicBase = URI.create("http://127.0.0.1:" + unusedPort());
    nodeA = SignInNode.start(database, publicBase.toString(), pepper, kek);
    nodeB = SignInNode.start(database, publicBase.toString(), pepper, kek);
    nodeA.tokens().registerClient(ClientRegistration.signingIn("spa", null, SCOPES,
        new SignInSettings(true, List.of(SPA_REDIRECT), List.of(), true, null)));
    nodeA.tokens().registerClient(ClientRegistration.signingIn("web", WEB_SECRET, SCOPES,
        new SignInSettings(false, List.of(WEB_REDIRECT), List.of(), false, "Web App")));
    // One person per test, so that no test finds a consent or session another one left.
    for (String person : List.of("alice", "bob")) {
      nodeA.stores().userStore().save(new User(person, SignInNode.HASHER.hash(PASSWORD),
          Set.of("users:read"), false));
    }
  }

  private SignInDriver driver(RoutingHttpClient routes) {
    return SignInDriver.builder(publicBase).clientId("web").clientSecret(WEB_SECRET)
        .redirectUri(WEB_REDIRECT).scope("openid profile offline_access users:read")
        .parameter("prompt", "consent").httpClient(routes).build();
  }

  @Test
  void signInStartedOnNodeAThenLoginConsentAndCodeExchangeOnNodeB() throws Exception {
    RoutingHttpClient routes = new RoutingHttpClient(publicBase,
        i -> i == 0 ? nodeA.base() : nodeB.base());

    SignInOutcome outcome = driver(routes).signIn("alice", PASSWORD);

    SignInOutcome.SignedIn in =
        assertInstanceOf(SignInOutcome.SignedIn.class, outcome, outcome::toString);
    assertTrue(in.consentShown());
    List<String> log = routes.log();
    assertEquals("GET /api/v3/auth/authorize -> " + nodeA.port(), log.get(0), log.toString());
    assertTrue(log.subList(1, log.size()).stream().allMatch(l -> l.endsWith("-> " + nodeB.port())),
        log.toString());
    assertTrue(log.contains("POST /api/v3/auth/token -> " + nodeB.port()), log.toString());
    for (SignInNode node : List.of(nodeA, nodeB)) {
      AuthOutcome.Authenticated access = assertInstanceOf(AuthOutcome.Authenticated.class,
          node.tokens().verify(in.accessToken()));
      assertEquals("alice", access.principal().subject());
    }
  }

  @Test
  void signInWhenEveryRequestGoesToTheOtherNodeThenSignedIn() {
    RoutingHttpClient routes = new RoutingHttpClient(publicBase,
        i -> i % 2 == 0 ? nodeA.base() : nodeB.base());

    SignInOutcome outcome = driver(routes).signIn("bob", PASSWORD);

    assertTrue(assertInstanceOf(SignInOutcome.SignedIn.class, outcome, outcome::toString)
        .consentShown());
    assertTrue(routes.log().size() >= 5, routes.log().toString());
  }

  @AfterAll
  void stop() throws Exception {
    try (SignInNode a = nodeA; SignInNode b = nodeB) {
      // closes both
    }
  }

  @Test
  void sameCodeRedeemedOnBothNodesAtOnceThenExactlyOneWinnerEachRound() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2 * CALLERS_PER_NODE);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        // Issued on A; redeemed on A and B at once.
        String code = nodeA.tokens().issueAuthorizationCode(new ApprovedAuthorization("spa",
            SPA_REDIRECT, Pkce.s256(VERIFIER), "alice", SCOPES, "n-" + round, Instant.now(),
            null)).code();
        List<HttpResponse<String>> answers = race(pool, code);

        long winners = answers.stream().filter(r -> r.statusCode() == 200).count();
        assertEquals(1, winners, "round " + round + ": " + statuses(answers));
        for (HttpResponse<String> r : answers) {
          if (r.statusCode() != 200) {
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"code\":\"AUTH_AUTHORIZATION_CODE_INVALID\""),
                r.body());
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private List<HttpResponse<String>> race(ExecutorService pool, String code) throws Exception {
    int callers = 2 * CALLERS_PER_NODE;
    CountDownLatch ready = new CountDownLatch(callers);
    CountDownLatch go = new CountDownLatch(1);
    String body = "grant_type=authorization_code&client_id=spa&code=" + enc(code)
        + "&redirect_uri=" + enc(SPA_REDIRECT) + "&code_verifier=" + VERIFIER;
    List<Future<HttpResponse<String>>> futures = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      URI node = (i % 2 == 0 ? nodeA : nodeB).base().resolve("/api/v3/auth/token");
      HttpRequest request = HttpRequest.newBuilder(node)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      futures.add(pool.submit(() -> {
        ready.countDown();
        go.await();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
      }));
    }
    assertTrue(ready.await(30, TimeUnit.SECONDS), "every caller started");
    go.countDown();
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (Future<HttpResponse<String>> f : futures) {
      answers.add(f.get(60, TimeUnit.SECONDS));
    }
    return answers;
  }

  private static int unusedPort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String statuses(List<HttpResponse<String>> answers) {
    return answers.stream().map(r -> r.uri().getPort() + "=" + r.statusCode()).toList()
        .toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
