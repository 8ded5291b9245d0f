package io.admin.auth.servlet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admin.auth.core.apikey.ApiKeyService;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.password.Argon2Params;
import io.admin.auth.core.password.BasicAuthenticator;
import io.admin.auth.core.password.PasswordHasher;
import io.admin.auth.core.spi.User;
import io.admin.auth.core.store.memory.InMemoryApiKeyStore;
import io.admin.auth.core.store.memory.InMemoryUserStore;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.config.RateLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * How an application turns on API keys and Basic in code: the services over its stores, one
 * builder, and a scheduled flush of API key last-use times that it stops on shutdown.
 */
class ApiKeysAndBasicWiringExampleTest {

  @Test
  void exampleWhenApiKeysAndBasicWiredThenBasicUserReachesTheApplication() throws Exception {
    SecureRandom random = new SecureRandom();
    Clock clock = Clock.systemUTC();
    byte[] pepper = new byte[32];
    random.nextBytes(pepper); // in production: from a secret manager, the same on every node
    SecretHasher secrets = SecretHasher.withPepper(pepper);

    DefaultTokenService tokens = DefaultTokenService.builder().issuer("http://127.0.0.1").build();
    ApiKeyService apiKeys = ApiKeyService.builder()
        .store(new InMemoryApiKeyStore()).hasher(secrets).clock(clock).random(random).build();
    InMemoryUserStore users = new InMemoryUserStore();
    // PasswordHasher.owasp(random) in production; cheap parameters keep the example fast.
    PasswordHasher passwords = PasswordHasher.withParams(new Argon2Params(64, 1, 1), random);
    users.save(new User("ops", passwords.hash("ops-password"), Set.of("users:read"), false));
    BasicAuthenticator basic = BasicAuthenticator.builder()
        .users(users).hasher(passwords).cacheKeyHasher(secrets).clock(clock).random(random).build();

    AdminAuth auth = AdminAuth.builder(tokens)
        .apiKeys(apiKeys)                       // X-API-Key / ApiKey scheme + /api/v3/api-keys
        .basic(basic)                           // off unless set
        .rateLimits(RateLimits.builder(clock)
            .perPrincipal(RateLimits.bucket(600, Duration.ofMinutes(1), clock))
            .build())
        .accessPolicy(AccessPolicy.builder()
            .protectedPrefix("/api")
            .rule("GET", "/api/v3/me")
            .build())
        .build();

    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    ScheduledFuture<?> flushes = apiKeys.lastUsed().scheduleFlushes(scheduler, Duration.ofMinutes(1));
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServletContainerInitializer((classes, ctx) -> {
      auth.register(ctx);
      ctx.addServlet("me", new jakarta.servlet.http.HttpServlet() {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(jakarta.servlet.http.HttpServletRequest req,
            jakarta.servlet.http.HttpServletResponse res) throws java.io.IOException {
          res.getWriter().print(req.getRemoteUser());
        }
      }).addMapping("/api/v3/me");
    });
    server.setHandler(context);
    server.start();
    try {
      String credentials = Base64.getEncoder().encodeToString(
          "ops:ops-password".getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> me = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/api/v3/me"))
          .header("Authorization", "Basic " + credentials).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, me.statusCode());
      assertEquals("ops", me.body());
    } finally {
      server.stop();
      flushes.cancel(false);
      scheduler.shutdown();
      apiKeys.lastUsed().flush(); // the last batch, so no use is lost on shutdown
    }
  }
}
