package io.admin.auth.jdbc.examples;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.apikey.ApiKeyService;
import io.admin.auth.core.apikey.IssuedApiKey;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.issue.TokenResult;
import io.admin.auth.jdbc.Dialect;
import io.admin.auth.jdbc.JdbcStores;
import io.admin.auth.jdbc.KeyEncryptionKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How an application wires the JDBC stores, using only the public API: a DataSource (here an H2
 * file; in production a HikariCP pool on {@code jdbc:postgresql:...}), the KEK and the pepper from
 * configuration, then the token and API-key services on top.
 */
class JdbcWiringExampleTest {

  @Test
  void wireTokensAndApiKeysOnOneDatabase(@TempDir Path dataDir) {
    // In production both come from the environment, e.g. ADMIN_AUTH_KEK; never from the database.
    SecureRandom random = new SecureRandom();
    String kekSetting = KeyEncryptionKey.generate(random).toBase64();
    byte[] pepper = new byte[32];
    random.nextBytes(pepper);

    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:file:" + dataDir.resolve("admin-auth"));
    Dialect dialect = Dialect.fromJdbcUrl(dataSource.getURL());

    try (JdbcStores stores = JdbcStores.builder(dataSource, dialect)
        .keyEncryptionKey(KeyEncryptionKey.fromBase64(kekSetting))
        .migrateSchema(true)                       // or apply SchemaInitializer.ddl(dialect) by hand
        .revocationPollInterval(Duration.ofSeconds(5))
        .build()) {
      DefaultTokenService tokens = DefaultTokenService.builder()
          .issuer("https://auth.example")
          .secretPepper(pepper)
          .keyStore(stores.keyStore())
          .clientStore(stores.clientStore())
          .refreshTokenStore(stores.refreshTokenStore())
          .revocationStore(stores.revocationStore())
          .build();
      ApiKeyService apiKeys = ApiKeyService.builder()
          .store(stores.apiKeyStore())
          .hasher(SecretHasher.withPepper(pepper))
          .build();

      OAuthClient client = tokens.registerClient(
          ClientRegistration.of("reporting", "a-long-client-secret", Set.of("users:read")));
      TokenResult.Issued issued = assertInstanceOf(TokenResult.Issued.class,
          tokens.clientCredentials(client, Optional.empty()));
      assertInstanceOf(AuthOutcome.Authenticated.class,
          tokens.verify(issued.response().accessToken()));

      IssuedApiKey key = apiKeys.create("alice", "ci-bot", Set.of("users:read"), null);
      assertInstanceOf(AuthOutcome.Authenticated.class, apiKeys.authenticate(key.key()));
    }
  }
}
