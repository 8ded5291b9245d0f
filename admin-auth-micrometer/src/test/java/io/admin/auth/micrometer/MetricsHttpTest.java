package io.admin.auth.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.testing.MutableClock;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.config.RateLimits;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The meters after real HTTP requests to the filter and endpoints on Jetty (a live port), counted
 * in a {@link SimpleMeterRegistry}: issuance by grant, authentications by method and code, cache
 * hits and misses, revocations, rate-limit refusals and key rotation, and no secret, token,
 * subject or client id in any tag. Timers are checked by count only, never by duration.
 */
class MetricsHttpTest {

  private static final String ISSUER = "https://auth.example.test";
  private static final String CLIENT = "reporting-client";
  private static final String SECRET = "reporting-secret-0123456789abcdef";
  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final HttpClient client = HttpClient.newHttpClient();
  private Server server;
  private URI base;

  @BeforeEach
  void start() throws Exception {
    AdminAuthMetrics metrics = AdminAuthMetrics.bindTo(registry);
    DefaultTokenService tokens = DefaultTokenService.builder().issuer(ISSUER).clock(clock)
        .random(new SecureRandom()).observer(metrics).build();
    tokens.registerClient(ClientRegistration.of(CLIENT, SECRET, Set.of("reports:read")));
    AdminAuth auth = AdminAuth.builder(tokens)
        .clock(clock)
        .rateLimits(RateLimits.builder(clock)
            .tokenPerClient(RateLimits.bucket(2, Duration.ofMinutes(1), clock)).build())
        .accessPolicy(AccessPolicy.builder().protectedPrefix("/api/reports")
            .rule("GET", "/api/reports").build())
        .observer(metrics)
        .build();
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServletContainerInitializer((classes, ctx) -> {
      auth.register(ctx);
      ctx.addServlet("reports", new ReportsServlet()).addMapping("/api/reports");
    });
    server.setHandler(context);
    server.start();
    base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
  }

  @Test
  void requestsWhenServedThenEveryMeterCountsThemByItsTags() throws Exception {
    String token = accessToken(token());
    assertEquals(200, get("Bearer " + token).statusCode());
    assertEquals(200, get("Bearer " + token).statusCode());
    assertEquals(401, get("Bearer not.a.token").statusCode());
    assertEquals(401, get(null).statusCode());
    assertEquals(200, revoke(token).statusCode());
    assertEquals(401, get("Bearer " + token).statusCode());
    assertEquals(200, token().statusCode());
    assertEquals(429, token().statusCode());

    assertEquals(2.0, count(AdminAuthMetrics.TOKENS_ISSUED, "grant", "client_credentials"));
    assertEquals(2L, authentications("bearer", "success", "none"));
    assertEquals(1L, authentications("bearer", "rejected", "AUTH_TOKEN_INVALID"));
    assertEquals(1L, authentications("bearer", "rejected", "AUTH_TOKEN_REVOKED"));
    assertEquals(1L, authentications("none", "rejected", "AUTH_CREDENTIALS_MISSING"));
    // Misses: the first use and the malformed token (a lookup like any other).
    assertEquals(2.0, count(AdminAuthMetrics.TOKEN_CACHE, "result", "miss"));
    // Hits: the second use, the revocation's check of the token, and the use after revocation
    // (a hit still consults the revocation store).
    assertEquals(3.0, count(AdminAuthMetrics.TOKEN_CACHE, "result", "hit"));
    assertEquals(1.0, count(AdminAuthMetrics.REVOCATIONS, "kind", "access_token"));
    assertEquals(1.0, count(AdminAuthMetrics.RATE_LIMITED, "limit", "token_per_client"));
    assertEquals(1.0, count(AdminAuthMetrics.KEY_ROTATIONS, "step", "created"));
    assertEquals(0.0, registry.get(AdminAuthMetrics.REFRESH_REUSE).counter().count());

    for (Meter meter : registry.getMeters()) {
      for (Tag tag : meter.getId().getTags()) {
        String v = tag.getValue();
        // A part of the token counts from 8 characters on: the random token contains short tag
        // values such as "hit" or "none" by chance now and then (about one run in 200 for "hit").
        assertFalse(v.contains(CLIENT) || v.contains(SECRET)
            || v.length() >= 8 && token.contains(v)
            || v.contains(token.substring(token.length() - 20)) || v.contains("not.a.token"),
            () -> meter.getId() + " carries " + v);
      }
    }
  }

  @Test
  void bindToWhenNothingHappenedYetThenCacheAndReuseCountersExistAtZero() {
    assertEquals(0.0, count(AdminAuthMetrics.TOKEN_CACHE, "result", "hit"));
    assertEquals(0.0, registry.get(AdminAuthMetrics.CODE_REPLAYS).counter().count());
    assertTrue(registry.find(AdminAuthMetrics.AUTHENTICATIONS).timers().isEmpty());
  }

  private double count(String name, String tag, String value) {
    return registry.get(name).tag(tag, value).counter().count();
  }

  private long authentications(String method, String outcome, String error) {
    return registry.get(AdminAuthMetrics.AUTHENTICATIONS).tag("method", method)
        .tag("outcome", outcome).tag("error", error).timer().count();
  }

  private HttpResponse<String> token() throws Exception {
    return post("/api/v3/auth/token", "grant_type=client_credentials");
  }

  private HttpResponse<String> revoke(String token) throws Exception {
    return post("/api/v3/auth/revoke", "token=" + token);
  }

  private HttpResponse<String> post(String path, String form) throws Exception {
    String basic = Base64.getEncoder().encodeToString(
        (CLIENT + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    return client.send(HttpRequest.newBuilder(base.resolve(path))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/reports"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String accessToken(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response::body);
    Matcher m = ACCESS_TOKEN.matcher(response.body());
    assertTrue(m.find(), response::body);
    return m.group(1);
  }

  /** The protected application. */
  private static final class ReportsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse res)
        throws java.io.IOException {
      res.setContentType("text/plain");
      res.getWriter().write("reports");
    }
  }
}
