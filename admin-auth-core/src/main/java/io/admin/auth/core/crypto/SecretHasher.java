package io.admin.auth.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashes high-entropy secrets (client secrets, refresh tokens, API key secrets) for storage, as
 * HMAC-SHA-256 under a server-side pepper, and compares them in constant time.
 *
 * <p>A fast keyed hash is the right tool here, unlike for passwords: these secrets carry at least
 * 256 random bits, so there is nothing to brute-force, and the pepper means a stolen database
 * alone cannot even confirm a guessed secret. The output is {@code "hmac-sha256:" + base64url},
 * so a future algorithm can be told apart in stored rows.
 *
 * <p>Immutable and thread-safe. {@code Mac} itself is not thread-safe, so each call works on a
 * clone of a prototype keyed once at construction: cloning skips the provider lookup and the HMAC
 * key schedule, which together cost about as much as the MAC itself on this hot path (API key and
 * client-secret checks). The prototype is never updated after {@code init}, so concurrent clones
 * are safe.
 */
public final class SecretHasher {

  /** Prefix of every hash this class produces. */
  public static final String PREFIX = "hmac-sha256:";

  private static final int MIN_PEPPER_BYTES = 32;
  private static final String ALGORITHM = "HmacSHA256";
  private final byte[] pepper;
  private final Mac prototype;

  private SecretHasher(byte[] pepper) {
    this.pepper = pepper;
    this.prototype = newMac(pepper);
  }

  /**
   * A hasher keyed by {@code pepper}.
   *
   * @param pepper the server-side key, copied; at least 32 bytes
   * @return a hasher keyed by a copy of the pepper
   * @throws IllegalArgumentException when the pepper is shorter than 32 bytes
   */
  public static SecretHasher withPepper(byte[] pepper) {
    Objects.requireNonNull(pepper, "pepper");
    if (pepper.length < MIN_PEPPER_BYTES) {
      throw new IllegalArgumentException(
          "pepper must be at least " + MIN_PEPPER_BYTES + " bytes, was " + pepper.length);
    }
    return new SecretHasher(pepper.clone());
  }

  /**
   * The stored form of {@code secret}. Deterministic, so it can also serve as a lookup key.
   *
   * @param secret the secret; required
   * @return {@value #PREFIX} followed by the base64url of the HMAC
   */
  public String hash(String secret) {
    Objects.requireNonNull(secret, "secret");
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(secret));
  }

  /**
   * Whether {@code hash} has the form {@link #hash} produces ({@value #PREFIX} and the base64url
   * of 32 bytes), whatever pepper made it. Says nothing about whether it matches anything.
   *
   * @param hash the candidate; {@code null} is not well-formed
   * @return {@code true} when it has the form
   */
  public static boolean isWellFormed(String hash) {
    if (hash == null || !hash.startsWith(PREFIX) || hash.length() != PREFIX.length() + 43) {
      return false;
    }
    try {
      return Base64.getUrlDecoder().decode(hash.substring(PREFIX.length())).length == 32;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Whether {@code secret} hashes to {@code storedHash}, compared in constant time. A malformed
   * or {@code null} stored hash never matches.
   *
   * @param secret the presented secret, or {@code null}
   * @param storedHash the stored hash, or {@code null}
   * @return {@code true} only on a match
   */
  public boolean matches(String secret, String storedHash) {
    if (secret == null || storedHash == null || !storedHash.startsWith(PREFIX)) {
      // Still spend the MAC so that a missing record costs what a wrong secret costs.
      mac(secret == null ? "" : secret);
      return false;
    }
    byte[] expected;
    try {
      expected = Base64.getUrlDecoder().decode(storedHash.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      mac(secret);
      return false;
    }
    return MessageDigest.isEqual(mac(secret), expected);
  }

  private byte[] mac(String secret) {
    Mac mac;
    try {
      mac = (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      // A provider whose HMAC cannot be cloned still works, just slower.
      mac = newMac(pepper);
    }
    return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
  }

  private static Mac newMac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac;
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is mandatory in every Java SE implementation.
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "SecretHasher[pepper=**********]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecretHasher other && MessageDigest.isEqual(pepper, other.pepper);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(pepper);
  }
}
