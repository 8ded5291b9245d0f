package io.admin.auth.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A 32-byte random secret kept in a file of the dev server's data folder, created owner-only on
 * first start, so that what was hashed with it (client secrets, refresh tokens) still matches
 * after a restart.
 */
final class DataDirSecret {

  static final int BYTES = 32;

  private DataDirSecret() {}

  /**
   * The secret in {@code file}, created if absent.
   *
   * @throws IllegalArgumentException when the file does not hold a valid secret
   * @throws UncheckedIOException when it cannot be read or written
   */
  static byte[] readOrCreate(Path file, SecureRandom random) {
    try {
      if (!Files.exists(file)) {
        byte[] secret = new byte[BYTES];
        random.nextBytes(secret);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
          if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
          } else {
            Files.createFile(file);
          }
          Files.writeString(file, Base64.getEncoder().encodeToString(secret) + "\n",
              StandardCharsets.US_ASCII);
          return secret;
        } catch (FileAlreadyExistsException e) {
          // another process made it first: read theirs
        }
      }
      byte[] secret;
      try {
        secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + " is not valid base64");
      }
      if (secret.length < BYTES) {
        throw new IllegalArgumentException(file + " must hold at least " + BYTES + " bytes");
      }
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    }
  }
}
