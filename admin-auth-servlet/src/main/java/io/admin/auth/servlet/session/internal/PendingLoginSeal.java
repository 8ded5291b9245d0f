package io.admin.auth.servlet.session.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a {@link PendingLogin} into a cookie value and opens it again: AES-256-GCM under a key
 * every node derives alike ({@link SessionKeys}), a fresh 96-bit nonce each time, and a fixed
 * associated text naming the purpose, so that no other value sealed under the key fits here. The
 * browser carries the state across the login round trip; encryption keeps the PKCE verifier
 * secret even from someone who reads the cookie jar, and the tag makes any change fail. Expiry is
 * inside the sealed text, so an old cookie is refused whatever its {@code Max-Age} said.
 * Immutable and thread-safe.
 */
final class PendingLoginSeal {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] PURPOSE =
      "admin-auth pending-login v1".getBytes(StandardCharsets.UTF_8);
  /** Refuses oversized cookies before any decoding. */
  private static final int MAX_VALUE_CHARS = 3000;

  private final SecretKeySpec key;
  private final SecureRandom random;

  PendingLoginSeal(byte[] key, SecureRandom random) {
    this.key = new SecretKeySpec(Arrays.copyOf(key, 32), "AES");
    this.random = random;
  }

  /** The cookie value (base64url of nonce and ciphertext). */
  String seal(PendingLogin login) {
    String plain = login.state() + "\n" + login.verifier() + "\n"
        + login.expiresAt().getEpochSecond() + "\n" + login.returnTo();
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(PURPOSE);
      byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is required of every JDK", e);
    }
  }

  /** The pending login, when {@code value} was sealed here and has not expired at {@code now}. */
  Optional<PendingLogin> open(String value, Instant now) {
    if (value == null || value.length() > MAX_VALUE_CHARS) {
      return Optional.empty();
    }
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (raw.length <= NONCE_BYTES + TAG_BITS / 8) {
      return Optional.empty();
    }
    String plain;
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
      c.updateAAD(PURPOSE);
      plain = new String(c.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES),
          StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is required of every JDK", e);
    }
    String[] parts = plain.split("\n", 4);
    if (parts.length != 4) {
      return Optional.empty();
    }
    Instant expiresAt;
    try {
      expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (!now.isBefore(expiresAt)) {
      return Optional.empty();
    }
    return Optional.of(new PendingLogin(parts[0], parts[1], parts[3], expiresAt));
  }
}
