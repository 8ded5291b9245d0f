package io.admin.auth.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The 256-bit AES key-encryption key (KEK) under which private signing keys are sealed in the
 * database. It comes from configuration ({@value #SETTING}, 32 random bytes in base64), never from
 * the database it protects, so a stolen dump alone yields no private key.
 *
 * <p>Immutable; {@link #toString()} never prints the key.
 */
public final class KeyEncryptionKey {

  /** The configuration setting (environment variable) that carries the KEK. */
  public static final String SETTING = "ADMIN_AUTH_KEK";

  /** Key length in bytes (AES-256). */
  public static final int BYTES = 32;

  private final byte[] key;

  private KeyEncryptionKey(byte[] key) {
    this.key = key;
  }

  /**
   * The KEK encoded as base64 (standard or URL alphabet, padding optional).
   *
   * @param value the encoded key, surrounding blanks ignored; {@code null} or blank is refused
   * @return the decoded key
   * @throws IllegalArgumentException when the value is missing, not base64, or not 32 bytes; the
   *     message names {@value #SETTING} and never echoes the value
   */
  public static KeyEncryptionKey fromBase64(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing key-encryption key: set " + SETTING
          + " to 32 random bytes in base64 (e.g. `openssl rand -base64 32`); it encrypts the"
          + " private signing keys stored in the database");
    }
    byte[] bytes;
    try {
      String v = value.strip();
      bytes = v.indexOf('-') >= 0 || v.indexOf('_') >= 0
          ? Base64.getUrlDecoder().decode(v)
          : Base64.getDecoder().decode(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(SETTING + " is not valid base64", e);
    }
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException(SETTING + " must decode to " + BYTES + " bytes (AES-256),"
          + " got " + bytes.length);
    }
    return new KeyEncryptionKey(bytes);
  }

  /**
   * A fresh random KEK, e.g. for a dev server that writes it to its private data folder.
   *
   * @param random the source of the 32 key bytes; not null
   * @return a new key, not stored anywhere: persist it with {@link #toBase64()} or it is lost
   */
  public static KeyEncryptionKey generate(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return new KeyEncryptionKey(bytes);
  }

  /**
   * The KEK kept in {@code file}, created there (32 random bytes, base64, readable by the owner
   * only) if the file does not exist. For a single-machine setup such as the dev server when
   * {@value #SETTING} is not set; keeping the KEK next to the database protects less than keeping
   * it in separate configuration, so production deployments should set {@value #SETTING}.
   *
   * @param file holds the key in base64; created with its parent folders when missing
   * @param random the source of a new key's bytes; used only when the file is created
   * @return the key read from the file, or the one just written there
   * @throws IllegalArgumentException when the file exists but does not hold a valid KEK
   * @throws UncheckedIOException when the file cannot be read or written
   */
  public static KeyEncryptionKey fromFileOrCreate(Path file, SecureRandom random) {
    Objects.requireNonNull(file, "file");
    try {
      if (!Files.exists(file)) {
        KeyEncryptionKey created = generate(random);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".kek", ".tmp");
        try {
          restrictToOwner(tmp);
          Files.writeString(tmp, created.toBase64() + "\n", StandardCharsets.US_ASCII);
          // link(2) is atomic and never replaces (a rename would): when two processes race, the
          // loser reads the winner's key instead of overwriting it.
          Files.createLink(file, tmp);
          return created;
        } catch (FileAlreadyExistsException e) {
          // Fall through to reading the file the other process created.
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
      return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the key-encryption key file " + file, e);
    }
  }

  private static void restrictToOwner(Path path) throws IOException {
    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    }
  }

  /**
   * The key in base64, for writing it once to protected configuration. Never log it.
   *
   * @return the 32 key bytes in standard base64 with padding, which {@link #fromBase64(String)}
   *     reads back
   */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(key);
  }

  byte[] bytes() {
    return key.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyEncryptionKey other && MessageDigest.isEqual(key, other.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "KeyEncryptionKey[**********]";
  }
}
