package io.admin.auth.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
