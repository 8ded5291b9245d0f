package io.admin.auth.it;

import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.password.Argon2Params;
import io.admin.auth.core.password.BasicAuthenticator;
import io.admin.auth.core.password.PasswordHasher;
import io.admin.auth.core.signin.UserStorePersonDirectory;
import io.admin.auth.jdbc.Dialect;
import io.admin.auth.jdbc.JdbcStores;
import io.admin.auth.jdbc.KeyEncryptionKey;
import io.admin.auth.jdbc.TestDatabases;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.signin.SignIn;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * One node of a cluster that signs people in: its own connection pool, JDBC stores and token
 * service on the shared PostgreSQL database, the servlet module's endpoints and sign-in pages on
 * its own embedded Jetty. Every node has the same issuer, pepper and key-encryption key, as the
 * nodes behind one load balancer would.
 */
final class SignInNode implements AutoCloseable {

  /** Cheap Argon2id parameters: test users only. */
  static final PasswordHasher HASHER =
      PasswordHasher.withParams(new Argon2Params(64, 1, 1), new SecureRandom());

  private final HikariDataSource pool;
  private final JdbcStores stores;
  private final DefaultTokenService tokens;
  private final Server server;
  private final ServerConnector connector;

  private SignInNode(HikariDataSource pool, JdbcStores stores, DefaultTokenService tokens,
      Server server, ServerConnector connector) {
    this.pool = pool;
    this.stores = stores;
    this.tokens = tokens;
    this.server = server;
    this.connector = connector;
  }

  /** Starts a node on database {@code database} on a free loopback port. */
  static SignInNode start(String database, String issuer, byte[] pepper, KeyEncryptionKey kek)
      throws Exception {
    HikariDataSource pool = TestDatabases.hikariPostgres(database, 8);
    JdbcStores stores = JdbcStores.builder(pool, Dialect.POSTGRESQL).keyEncryptionKey(kek)
        .migrateSchema(true).purgeInterval(Duration.ZERO).build();
    DefaultTokenService tokens = DefaultTokenService.builder().issuer(issuer).secretPepper(pepper)
        .keyStore(stores.keyStore()).clientStore(stores.clientStore())
        .refreshTokenStore(stores.refreshTokenStore()).revocationStore(stores.revocationStore())
        .authorizationCodeStore(stores.authorizationCodeStore())
        .personDirectory(new UserStorePersonDirectory(stores.userStore()))
        .build();
    SecureRandom random = new SecureRandom();
    BasicAuthenticator basic = BasicAuthenticator.builder().users(stores.userStore())
        .hasher(HASHER).cacheKeyHasher(SecretHasher.withPepper(pepper)).random(random).build();
    AdminAuth auth = AdminAuth.builder(tokens).baseUrl(issuer).basic(basic)
        .accessPolicy(AccessPolicy.builder().protectedPrefix("/api").build())
        .signIn(SignIn.builder().sessionStore(stores.signInSessionStore())
            .consentStore(stores.consentStore()).defaultLoginPage(basic).random(random).build())
        .build();
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServletContainerInitializer((classes, ctx) -> auth.register(ctx));
    server.setHandler(context);
    server.start();
    return new SignInNode(pool, stores, tokens, server, connector);
  }

  /** {@code http://127.0.0.1:<port>}: this node itself, bypassing any routing. */
  URI base() {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  int port() {
    return connector.getLocalPort();
  }

  DefaultTokenService tokens() {
    return tokens;
  }

  JdbcStores stores() {
    return stores;
  }

  @Override
  public void close() throws Exception {
    try {
      server.stop();
    } finally {
      try {
        stores.close();
      } finally {
        pool.close();
      }
    }
  }
}
