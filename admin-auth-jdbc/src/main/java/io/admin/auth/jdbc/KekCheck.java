package io.admin.auth.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Proves at start that the configured KEK is the one the stored keys were sealed under: the first
 * node seals a known value into {@code admin_auth_kek_check}; every start opens it. Without this, a
 * wrong KEK would surface only when the first token is signed, on a live request.
 */
final class KekCheck {

  private static final byte[] AAD = PrivateKeyCipher.aad("admin-auth", "kek-check", "v1");
  private static final byte[] KNOWN = "admin-auth key-encryption key check v1"
      .getBytes(StandardCharsets.UTF_8);

  private KekCheck() {}

  /**
   * Seals the check value on first use, then opens it.
   *
   * @throws IllegalStateException naming {@value KeyEncryptionKey#SETTING} when the KEK is wrong
   */
  static void verify(Jdbc jdbc, PrivateKeyCipher cipher, Clock clock) {
    Optional<byte[]> stored = read(jdbc);
    if (stored.isEmpty()) {
      jdbc.withConnection("initialising the KEK check", c -> {
        try {
          return Jdbc.update(c, "INSERT INTO admin_auth_kek_check (id, sealed, created_at)"
              + " VALUES (1, ?, ?)", cipher.seal(AAD, KNOWN), clock.instant());
        } catch (SQLException e) {
          // Another node inserted first (primary key): its value is checked below.
          return 0;
        }
      });
      stored = read(jdbc);
    }
    byte[] sealed = stored.orElseThrow(() -> new IllegalStateException(
        "admin_auth_kek_check has no row and none could be written"));
    Optional<byte[]> opened = cipher.open(AAD, sealed);
    if (opened.isEmpty() || !Arrays.equals(opened.get(), KNOWN)) {
      throw new IllegalStateException(KeyEncryptionKey.SETTING + " does not match the"
          + " key-encryption key this database's signing keys were sealed with (key check in"
          + " admin_auth_kek_check failed). Configure the original " + KeyEncryptionKey.SETTING
          + "; the stored private keys cannot be used without it");
    }
  }

  private static Optional<byte[]> read(Jdbc jdbc) {
    List<byte[]> rows = jdbc.query("reading the KEK check",
        "SELECT sealed FROM admin_auth_kek_check WHERE id = 1", rs -> rs.getBytes(1));
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }
}
