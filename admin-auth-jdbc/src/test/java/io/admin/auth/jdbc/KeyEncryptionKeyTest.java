package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyEncryptionKeyTest {

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void fromBase64WhenMissingThenFailsNamingTheSetting(String value) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KeyEncryptionKey.fromBase64(value));
    assertTrue(e.getMessage().startsWith("missing key-encryption key: set ADMIN_AUTH_KEK"),
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"not base64 at all!", "c2hvcnQ=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
  void fromBase64WhenMalformedOrWrongLengthThenFailsNamingTheSettingWithoutTheValue(String value) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KeyEncryptionKey.fromBase64(value));
    assertTrue(e.getMessage().startsWith("ADMIN_AUTH_KEK "), e.getMessage());
    assertFalse(e.getMessage().contains(value));
  }

  @Test
  void fromBase64WhenStandardOrUrlAlphabetThenSameKey() {
    byte[] raw = new byte[32];
    raw[0] = (byte) 0xfb;
    raw[1] = (byte) 0xff;
    KeyEncryptionKey std = KeyEncryptionKey.fromBase64(Base64.getEncoder().encodeToString(raw));
    KeyEncryptionKey url =
        KeyEncryptionKey.fromBase64(Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
    assertEquals(std, url);
    assertEquals(std, KeyEncryptionKey.fromBase64(std.toBase64()));
  }

  @Test
  void fromFileOrCreateWhenMissingThenCreatedOwnerOnlyAndSameKeyOnNextStart(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("data").resolve("kek");
    KeyEncryptionKey first = KeyEncryptionKey.fromFileOrCreate(file, new SecureRandom());
    assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
    assertEquals(first, KeyEncryptionKey.fromFileOrCreate(file, new SecureRandom()));
    try (var listing = Files.list(file.getParent())) {
      assertEquals(1, listing.count(), "no temporary file left behind");
    }
  }

  @Test
  void fromFileOrCreateWhenFileHoldsGarbageThenFailsWithoutReplacingIt(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("kek");
    Files.writeString(file, "not a key");
    assertThrows(IllegalArgumentException.class,
        () -> KeyEncryptionKey.fromFileOrCreate(file, new SecureRandom()));
    assertEquals("not a key", Files.readString(file));
  }

  @Test
  void toStringWhenPrintedThenMasksTheKey() {
    KeyEncryptionKey kek = KeyEncryptionKey.generate(new SecureRandom());
    assertEquals("KeyEncryptionKey[**********]", kek.toString());
    assertFalse(kek.toString().contains(kek.toBase64()));
  }
}
