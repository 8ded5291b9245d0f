package io.admin.auth.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DevStorageTest {

  @Test
  void inMemoryOnlyWhenMemoryThenStoresWithoutNotice() {
    DevStorage s = DevStorage.inMemoryOnly().open(new StoreChoice.Memory()).orElseThrow();

    assertEquals(List.of(), s.notices());
    assertEquals(Optional.empty(), s.secretPepper());
  }

  @Test
  void inMemoryOnlyWhenDefaultFileStoreThenInMemoryWithNoticeSayingNothingIsKept() {
    DevStorage s = DevStorage.inMemoryOnly()
        .open(new StoreChoice.EmbeddedFile(Path.of("data"))).orElseThrow();

    assertEquals(1, s.notices().size());
    assertTrue(s.notices().get(0).contains("lost on restart"), s.notices()::toString);
  }

  @Test
  void inMemoryOnlyWhenJdbcThenNotProvided() {
    assertEquals(Optional.empty(),
        DevStorage.inMemoryOnly().open(new StoreChoice.Jdbc("jdbc:postgresql://db/auth")));
  }
}
