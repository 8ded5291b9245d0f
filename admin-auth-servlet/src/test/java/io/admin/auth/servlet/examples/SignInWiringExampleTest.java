package io.admin.auth.servlet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.password.Argon2Params;
import io.admin.auth.core.password.BasicAuthenticator;
import io.admin.auth.core.password.PasswordHasher;
import io.admin.auth.core.signin.Pkce;
import io.admin.auth.core.spi.SignInSettings;
import io.admin.auth.core.spi.User;
import io.admin.auth.core.store.memory.InMemoryUserStore;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.signin.ContainerLoginHook;
import io.admin.auth.servlet.signin.SignIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * How an application signs its people in to a third-party app: a sign-in client registered on
 * the token service, the container's login first ({@link ContainerLoginHook}) and the default
 * login page over the users of Basic for everyone else.
 */
class SignInWiringExampleTest {

  @Test
  void exampleWhenSignInWiredThenTheAuthorizationRequestLeadsToTheLoginPage() throws Exception {
    SecureRandom random = new SecureRandom();
    DefaultTokenService tokens = DefaultTokenService.builder().issuer("http://127.0.0.1")
        .keepRs256KeyForIdTokens(true).build();
    tokens.registerClient(ClientRegistration.signingIn("reports", "reports-secret-0123456789",
        Set.of("openid", "profile", "users:read"),
        new SignInSettings(false, List.of("https://reports.example/cb"), List.of(), false,
            "Reports")));

    InMemoryUserStore users = new InMemoryUserStore();
    // PasswordHasher.owasp(random) in production; cheap parameters keep the example fast.
    PasswordHasher passwords = PasswordHasher.withParams(new Argon2Params(64, 1, 1), random);
    users.save(new User("ops", passwords.hash("ops-password"), Set.of(), false));
    byte[] pepper = new byte[32];
    random.nextBytes(pepper);
    BasicAuthenticator basic = BasicAuthenticator.builder().users(users).hasher(passwords)
        .cacheKeyHasher(SecretHasher.withPepper(pepper)).random(random).build();

    AdminAuth auth = AdminAuth.builder(tokens)
        .basic(basic)
        .signIn(SignIn.builder()
            .loginHook(new ContainerLoginHook()) // whoever the container logged in
            .defaultLoginPage(basic)             // everyone else: the library's login page
            .build())
        .accessPolicy(AccessPolicy.builder().protectedPrefix("/api").build())
        .build();

    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServletContainerInitializer((classes, ctx) -> auth.register(ctx));
    server.setHandler(context);
    server.start();
    try {
      String authorize = "http://127.0.0.1:" + connector.getLocalPort()
          + "/api/v3/auth/authorize?response_type=code&client_id=reports&redirect_uri="
          + "https%3A%2F%2Freports.example%2Fcb&scope=openid&state=s1&code_challenge="
          + Pkce.s256("a-verifier-of-at-least-forty-three-characters-long")
          + "&code_challenge_method=S256";
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(authorize)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(302, r.statusCode());
      assertTrue(r.headers().firstValue("Location").orElseThrow()
          .startsWith("/api/v3/auth/login?pending="));
    } finally {
      server.stop();
    }
  }
}
