package io.admin.auth.devserver;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.admin.auth.jdbc.Dialect;
import io.admin.auth.jdbc.JdbcStores;
import io.admin.auth.jdbc.KeyEncryptionKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The dev server's stores (docs/http-contract.md): {@code memory}; by default an embedded H2
 * database file in the data folder, so that a restart keeps keys, clients, API keys, revocations, sign-in sessions and
 * consents; or
 * the database at a JDBC URL (PostgreSQL, or H2).
 *
 * <p>Persistent stores need two secrets that must outlive the process: the key-encryption key
 * sealing private signing keys ({@code ADMIN_AUTH_KEK}) and the pepper of client-secret and
 * refresh-token hashes ({@code ADMIN_AUTH_PEPPER}, base64, at least 32 bytes). When not set, each
 * is created once, owner-only, in the data folder: fine on one machine; several nodes sharing a
 * database must be given the same values.
 */
final class JdbcDevStorage implements DevStorage.Provider {

  /** Optional variable holding the hash pepper for persistent stores (base64, 32+ bytes). */
  static final String PEPPER_SETTING = "ADMIN_AUTH_PEPPER";

  private final Path dataDir;
  private final Map<String, String> env;
  private final SecureRandom random;

  JdbcDevStorage(Path dataDir, Map<String, String> env, SecureRandom random) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.env = Map.copyOf(env);
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public DevStorage open(StoreChoice choice) {
    if (choice instanceof StoreChoice.Memory) {
      return DevStorage.inMemory(List.of());
    }
    Path dir = choice instanceof StoreChoice.EmbeddedFile file ? file.dataDir() : dataDir;
    // WRITE_DELAY is set to 0 by the stores themselves; sa is the admin user they need.
    String url = choice instanceof StoreChoice.Jdbc jdbc ? jdbc.url()
        : "jdbc:h2:file:" + dir.toAbsolutePath().resolve("admin-auth") + ";DB_CLOSE_ON_EXIT=FALSE";
    Dialect dialect = Dialect.fromJdbcUrl(url);
    boolean kekGiven = isSet(KeyEncryptionKey.SETTING);
    boolean pepperGiven = isSet(PEPPER_SETTING);
    // Only create the folder when something will live in it: a server on PostgreSQL with both
    // secrets in its environment leaves no files behind.
    if (choice instanceof StoreChoice.EmbeddedFile || !kekGiven || !pepperGiven) {
      ownerOnlyFolder(dir);
    }
    List<String> notices = new ArrayList<>();
    KeyEncryptionKey kek = Optional.ofNullable(env.get(KeyEncryptionKey.SETTING))
        .filter(v -> !v.isEmpty()).map(KeyEncryptionKey::fromBase64)
        .orElseGet(() -> KeyEncryptionKey.fromFileOrCreate(dir.resolve("kek"), random));
    byte[] pepper = Optional.ofNullable(env.get(PEPPER_SETTING)).filter(v -> !v.isEmpty())
        .map(JdbcDevStorage::pepper)
        .orElseGet(() -> DataDirSecret.readOrCreate(dir.resolve("pepper"), random));
    if (choice instanceof StoreChoice.Jdbc && (!kekGiven || !pepperGiven)) {
      notices.add("the key-encryption key and hash pepper are kept in " + dir.toAbsolutePath()
          + "; other nodes on this database need the same (set " + KeyEncryptionKey.SETTING
          + " and " + PEPPER_SETTING + ")");
    }
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(url);
    if (dialect == Dialect.H2) {
      pool.setUsername("sa");
      pool.setPassword("");
    }
    // LISTEN, the purge lock and the requests (see JdbcStores).
    pool.setMaximumPoolSize(4);
    pool.setPoolName("admin-auth-dev");
    HikariDataSource ds = new HikariDataSource(pool);
    try {
      JdbcStores stores = JdbcStores.builder(ds, dialect).keyEncryptionKey(kek)
          .migrateSchema(true).random(random).build();
      return new DevStorage(stores.keyStore(), stores.clientStore(), stores.refreshTokenStore(),
          stores.revocationStore(), stores.apiKeyStore(), stores.userStore(),
          stores.authorizationCodeStore(), stores.signInSessionStore(), stores.consentStore(),
          Optional.of(pepper),
          notices, () -> {
            stores.close();
            ds.close();
          });
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
  }

  private boolean isSet(String setting) {
    String v = env.get(setting);
    return v != null && !v.isEmpty();
  }

  /** The data folder holds the database, the KEK and the pepper: readable by its owner only. */
  private static void ownerOnlyFolder(Path dir) {
    try {
      if (!Files.exists(dir)) {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
          Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
              PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectories(dir);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data folder " + dir, e);
    }
  }

  private static byte[] pepper(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(PEPPER_SETTING + " is not valid base64");
    }
    if (bytes.length < DataDirSecret.BYTES) {
      throw new IllegalArgumentException(PEPPER_SETTING + " must decode to at least "
          + DataDirSecret.BYTES + " bytes");
    }
    return bytes;
  }
}
