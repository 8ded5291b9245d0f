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
 * more keys than a key store ever holds. The key id is the additional authenticated data, so a
 * sealed key copied onto another row does not open there.
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

  /** Seals {@code plaintext}, bound to {@code kid}. */
  byte[] seal(String kid, byte[] plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
      byte[] ct = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(1 + NONCE_BYTES + ct.length).put(FORMAT_V1).put(nonce).put(ct)
          .array();
    } catch (GeneralSecurityException e) {
      // AES/GCM is mandatory in every Java SE implementation.
      throw new IllegalStateException("AES/GCM unavailable", e);
    }
  }

  /**
   * Opens a sealed value bound to {@code kid}; empty when it was sealed under another KEK, for
   * another kid, is truncated or was tampered with. The caller logs and fails closed.
   */
  Optional<byte[]> open(String kid, byte[] sealed) {
    if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8
        || sealed[0] != FORMAT_V1) {
      return Optional.empty();
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
      cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
      return Optional.of(cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES));
    } catch (javax.crypto.AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM unavailable", e);
    }
  }
}
