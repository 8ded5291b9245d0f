package io.admin.auth.servlet.http;

import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.password.BasicAuthenticator;
import io.admin.auth.core.password.PasswordHasher;
import io.admin.auth.core.spi.User;
import io.admin.auth.core.store.memory.InMemoryUserStore;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import jakarta.servlet.ServletContainerInitializer;
import java.security.SecureRandom;
import java.util.Set;

/**
 * A Jetty server with the filter and Basic on the real Argon2id parameters (19 MiB per hash), for
 * {@link BasicHashFloodProcessTest} to run in a child JVM with a small heap. Prints {@code
 * port=<n>} once it listens and stops when its standard input closes.
 */
public final class BasicFloodServerMain {

  static final String USER = "alice";
  static final String PASSWORD = "alice-password-0123456789";

  private BasicFloodServerMain() {}

  /** Starts the server; see the class comment. */
  public static void main(String[] args) throws Exception {
    SecureRandom random = new SecureRandom();
    PasswordHasher hasher = PasswordHasher.owasp(random);
    InMemoryUserStore users = new InMemoryUserStore();
    users.save(new User(USER, hasher.hash(PASSWORD), Set.of("users:read"), false));
    byte[] pepper = new byte[32];
    random.nextBytes(pepper);
    BasicAuthenticator basic = BasicAuthenticator.builder().users(users).hasher(hasher)
        .cacheKeyHasher(SecretHasher.withPepper(pepper)).random(random).build();
    AdminAuth auth = AdminAuth.builder(new CoreFixture().tokens())
        .basic(basic)
        .accessPolicy(AccessPolicy.builder().protectedPrefix("/api").rule("GET", "/api/v3/me")
            .build())
        .build();
    ServletContainerInitializer app = (classes, ctx) -> {
      auth.register(ctx);
      ctx.addServlet("echo", new EchoServlet()).addMapping("/");
    };
    TestServer server = JettyTestServer.start("", app);
    System.out.println("port=" + server.port());
    System.out.flush();
    while (System.in.read() >= 0) {
      // Runs until the parent closes the pipe (or kills the process).
    }
    server.close();
  }
}
