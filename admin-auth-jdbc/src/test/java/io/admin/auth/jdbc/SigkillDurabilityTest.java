package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A revocation and an API key whose writes returned survive the writing process being killed with
 * SIGKILL at once, on an H2 file (URL without {@code WRITE_DELAY}: the stores must make it safe)
 * and on PostgreSQL.
 */
class SigkillDurabilityTest {

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void writeWhenProcessKilledRightAfterCommitThenRevocationAndApiKeySurvive(Dialect dialect,
      @TempDir Path dir) throws Exception {
    KeyEncryptionKey kek = KeyEncryptionKey.generate(new SecureRandom());
    String url;
    DataSource reopened;
    if (dialect == Dialect.H2) {
      url = "jdbc:h2:file:" + dir.resolve("admin-auth").toAbsolutePath();
      reopened = TestDatabases.h2File(dir);
    } else {
      String name = TestDatabases.freshPostgresName();
      url = TestDatabases.postgresServer().getJdbcUrl("postgres", name);
      reopened = TestDatabases.postgresServer().getDatabase("postgres", name);
    }
    for (int round = 1; round <= 3; round++) {
      String jti = "jti-" + round;
      String keyId = "AAAAAAAAAAAAAAA" + round;
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-cp", System.getProperty("java.class.path"),
          KilledWriter.class.getName(), url, kek.toBase64(), jti, keyId)
          .redirectErrorStream(true).start();
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        boolean committed = false;
        List<String> seen = new java.util.ArrayList<>();
        while (!committed && (line = out.readLine()) != null) {
          seen.add(line);
          committed = line.equals("committed");
        }
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        assertTrue(committed, "child output: " + seen);
      }
      try (JdbcStores after = JdbcStores.create(reopened, dialect, kek)) {
        assertTrue(after.revocationStore().isRevoked(jti, null), "round " + round);
        assertTrue(after.apiKeyStore().findById(keyId).isPresent(), "round " + round);
      }
    }
  }
}
