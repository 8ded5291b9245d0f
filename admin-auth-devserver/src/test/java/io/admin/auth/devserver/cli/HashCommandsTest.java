package io.admin.auth.devserver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.password.PasswordHasher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hash-secret} and {@code hash-password}: hashes for the properties file, from stdin. */
class HashCommandsTest {

  private static final String SECRET = "client-secret-0123456789";

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String stdin, String... args) {
    return Main.run(List.of(args),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8).strip();
  }

  private static byte[] pepper() {
    byte[] pepper = new byte[32];
    Arrays.fill(pepper, (byte) 7);
    return pepper;
  }

  private Path pepperFile() throws Exception {
    Path file = dir.resolve("pepper.b64");
    Files.writeString(file, Base64.getEncoder().encodeToString(pepper()) + "\n");
    return file;
  }

  @Test
  void hashSecretWhenPepperFileThenTheHashTheServiceComputesUnderThatPepper() throws Exception {
    assertEquals(0, run(SECRET + "\n", "hash-secret", "--pepper-file", pepperFile().toString()),
        err::toString);

    String hash = stdout();
    assertTrue(SecretHasher.isWellFormed(hash), hash);
    assertTrue(SecretHasher.withPepper(pepper()).matches(SECRET, hash));
    assertFalse(hash.contains(SECRET));
  }

  @Test
  void hashSecretWhenSecretTooShortOrSeveralLinesThenUsageErrorAndNothingPrinted()
      throws Exception {
    for (String stdin : List.of("", "short\n", SECRET + "\n" + SECRET + "\n")) {
      out.reset();
      err.reset();
      assertEquals(2, run(stdin, "hash-secret", "--pepper-file", pepperFile().toString()), stdin);
      assertEquals("", stdout());
      assertTrue(err.toString(StandardCharsets.UTF_8).contains("standard input must be one line"),
          err::toString);
    }
  }

  @Test
  void hashSecretWhenPepperMissingOrShortThenUsageError() throws Exception {
    assertEquals(2, run(SECRET, "hash-secret"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--pepper-env"), err::toString);

    err.reset();
    Path shortPepper = dir.resolve("short.b64");
    Files.writeString(shortPepper, Base64.getEncoder().encodeToString(new byte[16]));
    assertEquals(2, run(SECRET, "hash-secret", "--pepper-file", shortPepper.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("at least 32 bytes"), err::toString);
    assertEquals("", stdout());
  }

  @Test
  void hashSecretWhenBothPepperSourcesThenUsageError() throws Exception {
    assertEquals(2, run(SECRET, "hash-secret", "--pepper-env", "X", "--pepper-file",
        pepperFile().toString()));
    assertEquals("", stdout());
  }

  @Test
  void hashPasswordWhenOneLineThenAnArgon2idHashThatVerifies() {
    assertEquals(0, run("correct horse battery staple\r\n", "hash-password"), err::toString);

    String hash = stdout();
    assertTrue(hash.startsWith("$argon2id$"), hash);
    assertTrue(PasswordHasher.owasp(new SecureRandom())
        .verify("correct horse battery staple", hash));
  }

  @Test
  void hashPasswordWhenNoInputThenUsageError() {
    assertEquals(2, run("", "hash-password"));
    assertEquals("", stdout());
  }
}
