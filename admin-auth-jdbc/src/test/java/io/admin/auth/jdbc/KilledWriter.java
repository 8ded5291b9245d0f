package io.admin.auth.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.admin.auth.core.spi.ApiKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The child process of {@link SigkillDurabilityTest}: opens the stores, writes one revocation and
 * one API key, prints {@code committed} and waits to be killed.
 */
public final class KilledWriter {

  private KilledWriter() {}

  /** Arguments: JDBC URL, KEK in base64, jti, API key id. */
  public static void main(String[] args) throws Exception {
    Dialect dialect = Dialect.fromJdbcUrl(args[0]);
    // A pool, as a server runs: it keeps the H2 database open, so nothing is flushed by a close.
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(args[0]);
    config.setUsername(dialect == Dialect.H2 ? "sa" : "postgres");
    config.setMaximumPoolSize(3);
    DataSource ds = new HikariDataSource(config);
    // Deliberately never closed: the process is killed with SIGKILL while it runs.
    JdbcStores stores = JdbcStores.builder(ds, dialect)
        .keyEncryptionKey(KeyEncryptionKey.fromBase64(args[1])).migrateSchema(true).build();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    stores.revocationStore().revokeAccessToken(args[2], Instant.parse("2100-01-01T00:00:00Z"));
    stores.apiKeyStore().insert(new ApiKey(args[3], "ci", "alice", Set.of(), t0, null, null, null,
        "hmac-sha256:" + Base64.getEncoder().encodeToString(new byte[8]), null, null));
    System.out.println("committed");
    System.out.flush();
    Thread.sleep(60_000);
  }
}
