package io.admin.auth.devserver;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without Chromium the browser test fails, telling the developer how to get it. */
class ChromiumTest {

  @Test
  void startWhenNothingOnThePathThenFailsNamingTestShAndThePackages(@TempDir Path empty) {
    AssertionError e = assertThrows(AssertionError.class, () -> Chromium.start(empty.toString()));

    assertTrue(e.getMessage().contains("./test.sh"), e::getMessage);
    assertTrue(e.getMessage().contains("apt-get install chromium chromium-driver"), e::getMessage);
    assertTrue(e.getMessage().contains("no chromium found"), e::getMessage);
  }

  @Test
  void startWhenBrowserButNoDriverThenFailsNamingTheDriver(@TempDir Path dir) throws IOException {
    Path fake = Files.createFile(dir.resolve("chromium"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));

    AssertionError e = assertThrows(AssertionError.class, () -> Chromium.start(dir.toString()));

    assertTrue(Files.isExecutable(fake));
    assertTrue(e.getMessage().contains("no chromedriver found"), e::getMessage);
  }
}
