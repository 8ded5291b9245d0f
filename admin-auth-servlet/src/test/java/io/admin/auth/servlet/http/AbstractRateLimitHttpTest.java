package io.admin.auth.servlet.http;

import static io.admin.auth.servlet.http.AbstractFilterHttpTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.config.RateLimits;
import jakarta.servlet.ServletContainerInitializer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Rate limits over HTTP: the token endpoint per authenticated client and per remote address, and
 * the optional per-principal limit on protected paths; each exceeded one is 429 {@code
 * AUTH_RATE_LIMITED} with {@code Retry-After}. Buckets refill on the test clock only; every test
 * starts an hour later, with full buckets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractRateLimitHttpTest {

  static final int PER_CLIENT = 3;
  static final int PER_ADDRESS = 5;
  static final int PER_PRINCIPAL = 2;

  private CoreFixture core;
  private TestServer server;
  private Http http;

  abstract TestServer.Factory container();

  @BeforeAll
  void start() throws Exception {
    core = new CoreFixture();
    AdminAuth auth = AdminAuth.builder(core.tokens())
        .rateLimits(RateLimits.builder(core.clock())
            .tokenPerClient(RateLimits.bucket(PER_CLIENT, Duration.ofMinutes(1), core.clock()))
            .tokenPerAddress(RateLimits.bucket(PER_ADDRESS, Duration.ofMinutes(1), core.clock()))
            .perPrincipal(RateLimits.bucket(PER_PRINCIPAL, Duration.ofMinutes(1), core.clock()))
            .build())
        .accessPolicy(AccessPolicy.builder().protectedPrefix("/api").rule("GET", "/api/v3/me").build())
        .build();
    ServletContainerInitializer app = (classes, ctx) -> {
      auth.register(ctx);
      ctx.addServlet("echo", new EchoServlet()).addMapping("/");
    };
    server = container().start("", app);
    http = new Http(server.base());
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  @BeforeEach
  void laterOn() {
    core.advance(Duration.ofHours(1));
  }

  @Test
  void tokenWhenClientExceedsItsLimitThen429WithRetryAfterAndOtherClientsUnaffected()
      throws Exception {
    for (int i = 0; i < PER_CLIENT; i++) {
      assertEquals(200, token(CoreFixture.CLIENT_A, CoreFixture.SECRET_A).statusCode());
    }
    HttpResponse<String> r = token(CoreFixture.CLIENT_A, CoreFixture.SECRET_A);
    assertError(r, 429, "rate_limited", "AUTH_RATE_LIMITED");
    // 3 per minute: one token back every 20 seconds.
    assertEquals("20", r.headers().firstValue("Retry-After").orElse(null));
    assertEquals(Map.of("retry_after_seconds", 20L), Http.body(r).get("details"));
    assertEquals(200, token(CoreFixture.CLIENT_B, CoreFixture.SECRET_B).statusCode());
    core.advance(Duration.ofSeconds(20));
    assertEquals(200, token(CoreFixture.CLIENT_A, CoreFixture.SECRET_A).statusCode());
  }

  @Test
  void tokenWhenClientNamedWithWrongSecretThenItsBudgetIsNotSpent() throws Exception {
    for (int i = 0; i < PER_CLIENT; i++) {
      assertError(token(CoreFixture.CLIENT_A, "wrong-secret"), 401, "invalid_client",
          "AUTH_CLIENT_INVALID");
    }
    assertEquals(200, token(CoreFixture.CLIENT_A, CoreFixture.SECRET_A).statusCode());
  }

  @Test
  void tokenWhenOneAddressExceedsItsLimitThen429BeforeClientAuthentication() throws Exception {
    for (int i = 0; i < PER_ADDRESS; i++) {
      assertError(token("nobody-" + i, "wrong-secret"), 401, "invalid_client", "AUTH_CLIENT_INVALID");
    }
    HttpResponse<String> r = token(CoreFixture.CLIENT_B, CoreFixture.SECRET_B);
    assertError(r, 429, "rate_limited", "AUTH_RATE_LIMITED");
    assertEquals("12", r.headers().firstValue("Retry-After").orElse(null));
  }

  @Test
  void protectedWhenPrincipalExceedsItsLimitThen429() throws Exception {
    String bearer = "Bearer " + Http.body(token(CoreFixture.CLIENT_A, CoreFixture.SECRET_A))
        .get("access_token");
    for (int i = 0; i < PER_PRINCIPAL; i++) {
      assertEquals(200, http.get("/api/v3/me", "Authorization", bearer).statusCode());
    }
    HttpResponse<String> r = http.get("/api/v3/me", "Authorization", bearer);
    assertError(r, 429, "rate_limited", "AUTH_RATE_LIMITED");
    assertEquals("30", r.headers().firstValue("Retry-After").orElse(null));
    String other = "Bearer " + Http.body(token(CoreFixture.CLIENT_B, CoreFixture.SECRET_B))
        .get("access_token");
    assertEquals(200, http.get("/api/v3/me", "Authorization", other).statusCode());
  }

  private HttpResponse<String> token(String client, String secret) throws Exception {
    return http.form("/api/v3/auth/token", "grant_type=client_credentials", "Authorization",
        "Basic " + Base64.getEncoder().encodeToString(
            (client + ":" + secret).getBytes(StandardCharsets.UTF_8)));
  }
}
