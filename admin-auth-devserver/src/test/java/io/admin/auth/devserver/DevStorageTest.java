package io.admin.auth.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevStorageTest {

  @TempDir
  Path dir;

  @Test
  void inMemoryOnlyWhenMemoryThenStoresWithoutPepperOrNotice() {
    DevStorage s = DevStorage.inMemoryOnly().open(new StoreChoice.Memory());

    assertEquals(List.of(), s.notices());
    assertEquals(Optional.empty(), s.secretPepper());
  }

  @Test
  void inMemoryOnlyWhenPersistentChoiceThenRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> DevStorage.inMemoryOnly().open(new StoreChoice.EmbeddedFile(dir)));
  }

  @Test
  void standardWhenEmbeddedFileThenH2FileWithOwnerOnlyKekAndPepperInTheDataFolder()
      throws Exception {
    Path data = dir.resolve("data");
    DevStorage s = new JdbcDevStorage(data, Map.of(), new SecureRandom())
        .open(new StoreChoice.EmbeddedFile(data));
    try {
      assertTrue(Files.exists(data.resolve("admin-auth.mv.db")));
      assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(data));
      assertEquals(PosixFilePermissions.fromString("rw-------"),
          Files.getPosixFilePermissions(data.resolve("kek")));
      assertEquals(PosixFilePermissions.fromString("rw-------"),
          Files.getPosixFilePermissions(data.resolve("pepper")));
      assertEquals(32, s.secretPepper().orElseThrow().length);
      assertEquals(List.of(), s.notices());
    } finally {
      s.onClose().run();
    }
  }

  @Test
  void standardWhenJdbcUrlAndBothSecretsFromEnvironmentThenNoDataFolderCreated() {
    Path data = dir.resolve("never-created");
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    String b64 = java.util.Base64.getEncoder().encodeToString(secret);
    DevStorage s = new JdbcDevStorage(data,
        Map.of("ADMIN_AUTH_KEK", b64, "ADMIN_AUTH_PEPPER", b64), new SecureRandom())
        .open(new StoreChoice.Jdbc("jdbc:h2:mem:no-folder;DB_CLOSE_DELAY=-1"));
    try {
      assertFalse(Files.exists(data));
      assertEquals(List.of(), s.notices());
    } finally {
      s.onClose().run();
    }
  }

  @Test
  void standardWhenJdbcUrlWithoutSecretsThenTheyAreKeptInTheDataFolderWithANotice() {
    Path data = dir.resolve("secrets");
    DevStorage s = new JdbcDevStorage(data, Map.of(), new SecureRandom())
        .open(new StoreChoice.Jdbc("jdbc:h2:mem:with-folder;DB_CLOSE_DELAY=-1"));
    try {
      assertTrue(Files.exists(data.resolve("kek")));
      assertTrue(Files.exists(data.resolve("pepper")));
      assertEquals(1, s.notices().size(), s.notices()::toString);
    } finally {
      s.onClose().run();
    }
  }

  @Test
  void standardWhenPepperVariableMalformedThenRefusedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new JdbcDevStorage(dir, Map.of("ADMIN_AUTH_PEPPER", "c2hvcnQ="), new SecureRandom())
            .open(new StoreChoice.EmbeddedFile(dir)));

    assertTrue(e.getMessage().contains("ADMIN_AUTH_PEPPER"), e::getMessage);
  }

  @Test
  void standardWhenUnsupportedJdbcUrlThenRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new JdbcDevStorage(dir, Map.of(), new SecureRandom())
            .open(new StoreChoice.Jdbc("jdbc:mysql://db/auth")));
  }
}
