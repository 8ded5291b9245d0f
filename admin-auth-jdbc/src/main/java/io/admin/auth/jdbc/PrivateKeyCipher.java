package io.admin.auth.jdbc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals private key material with AES-256-GCM under the {@link KeyEncryptionKey}.
 *
 * <p>Sealed form: {@code 0x01 || nonce (12 bytes) || ciphertext || tag (16 bytes)}. A fresh random
 * 96-bit nonce per seal keeps GCM's nonce-uniqueness requirement (NIST SP 800-38D 8.2.2) for far
 * more keys than a key store ever holds. The additional authenticated data names the row (the key
 * id, and for signing keys also the algorithm and public key, see {@link #aad}), so a sealed key
 * copied onto another row, or a row whose public key was swapped by someone who can write to the
 * database but lacks the KEK, does not open.
 */
final class PrivateKeyCipher {

  private static final byte FORMAT_V1 = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random;

  PrivateKeyCipher(KeyEncryptionKey kek, SecureRandom random) {
    this.key = new SecretKeySpec(Objects.requireNonNull(kek, "kek").bytes(), "AES");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Additional authenticated data from {@code parts}, each length-prefixed so that no two
   * different lists give the same bytes.
   */
  static byte[] aad(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += 4 + p.length;
    }
    ByteBuffer out = ByteBuffer.allocate(length);
    for (byte[] p : parts) {
      out.putInt(p.length).put(p);
    }
    return out.array();
  }

  /** Additional authenticated data from UTF-8 strings, see {@link #aad(byte[][])}. */
  static byte[] aad(String... parts) {
    byte[][] bytes = new byte[parts.length][];
    for (int i = 0; i < parts.length; i++) {
      bytes[i] = parts[i].getBytes(StandardCharsets.UTF_8);
    }
    return aad(bytes);
  }

  /** Seals {@code plaintext}, bound to {@code aad}. */
  byte[] seal(byte[] aad, byte[] plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad);
      byte[] ct = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(1 + NONCE_BYTES + ct.length).put(FORMAT_V1).put(nonce).put(ct)
          .array();
    } catch (GeneralSecurityException e) {
      // AES/GCM is mandatory in every Java SE implementation.
      throw new IllegalStateException("AES/GCM unavailable", e);
    }
  }

  /**
   * Opens a sealed value bound to {@code aad}; empty when it was sealed under another KEK, for
   * other AAD, is truncated or was tampered with. The caller logs and fails closed.
   */
  Optional<byte[]> open(byte[] aad, byte[] sealed) {
    if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8
        || sealed[0] != FORMAT_V1) {
      return Optional.empty();
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
      cipher.updateAAD(aad);
      return Optional.of(cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES));
    } catch (javax.crypto.AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM unavailable", e);
    }
  }
}
