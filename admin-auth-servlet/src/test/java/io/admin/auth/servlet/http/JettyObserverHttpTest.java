package io.admin.auth.servlet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admin.auth.core.testing.RecordingObserver;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.config.RateLimits;
import jakarta.servlet.ServletContainerInitializer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link AdminAuth.Builder#observer} hears over real HTTP on Jetty: one authentication per
 * protected request (method and code, {@code none} without a credential), and the refusals of
 * the rate limits by name. Answers are those of an unobserved filter.
 */
class JettyObserverHttpTest {

  private final RecordingObserver observer = new RecordingObserver();
  private CoreFixture core;
  private TestServer server;
  private Http http;

  @BeforeEach
  void start() throws Exception {
    core = new CoreFixture();
    AdminAuth auth = AdminAuth.builder(core.tokens())
        .rateLimits(RateLimits.builder(core.clock())
            .tokenPerClient(RateLimits.bucket(1, Duration.ofMinutes(1), core.clock()))
            .perPrincipal(RateLimits.bucket(1, Duration.ofMinutes(1), core.clock()))
            .build())
        .accessPolicy(AccessPolicy.builder().protectedPrefix("/api")
            .rule("GET", "/api/v3/me").build())
        .observer(observer)
        .build();
    ServletContainerInitializer app = (classes, ctx) -> {
      auth.register(ctx);
      ctx.addServlet("echo", new EchoServlet()).addMapping("/");
    };
    server = JettyTestServer.start("", app);
    http = new Http(server.base());
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void protectedRequestsWhenObservedThenEachAuthenticationReportedByMethodAndCode()
      throws Exception {
    String token = (String) Http.body(token()).get("access_token");
    assertEquals(401, http.get("/api/v3/me").statusCode());
    assertEquals(401, http.get("/api/v3/me", "Authorization", "Bearer not.a.token").statusCode());
    assertEquals(200, http.get("/api/v3/me", "Authorization", "Bearer " + token).statusCode());
    assertEquals(List.of("auth none AUTH_CREDENTIALS_MISSING", "auth bearer AUTH_TOKEN_INVALID",
        "auth bearer ok"), observer.calls());
  }

  @Test
  void limitsWhenExceededThenEachRefusalReportedUnderTheLimitsName() throws Exception {
    String token = (String) Http.body(token()).get("access_token");
    assertEquals(429, token().statusCode());
    assertEquals(200, http.get("/api/v3/me", "Authorization", "Bearer " + token).statusCode());
    assertEquals(429, http.get("/api/v3/me", "Authorization", "Bearer " + token).statusCode());
    assertEquals(List.of("rate token_per_client", "auth bearer ok", "auth bearer ok",
        "rate principal"), observer.calls());
  }

  private HttpResponse<String> token() throws Exception {
    return http.form("/api/v3/auth/token", "grant_type=client_credentials", "Authorization",
        "Basic " + Base64.getEncoder().encodeToString(
            (CoreFixture.CLIENT_A + ":" + CoreFixture.SECRET_A).getBytes(StandardCharsets.UTF_8)));
  }
}
