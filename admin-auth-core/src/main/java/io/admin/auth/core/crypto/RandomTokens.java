package io.admin.auth.core.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Generates opaque random strings (refresh tokens, API key secrets, ids) from an injected
 * {@link SecureRandom}, base64url-encoded without padding.
 */
public final class RandomTokens {

  /** The minimum entropy for any secret this library hands out (docs/http-contract.md section 3). */
  public static final int SECRET_BYTES = 32;

  private final SecureRandom random;

  /**
   * Draws every token from {@code random}.
   *
   * @param random the source of the tokens
   */
  public RandomTokens(SecureRandom random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * A base64url string of {@code bytes} random bytes.
   *
   * @param bytes how many random bytes; at least 1
   * @return the unpadded base64url encoding of the bytes
   */
  public String next(int bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("bytes must be positive");
    }
    byte[] buf = new byte[bytes];
    random.nextBytes(buf);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buf);
  }

  /**
   * A secret of 256 random bits (43 base64url characters).
   *
   * @return 43 base64url characters
   */
  public String secret() {
    return next(SECRET_BYTES);
  }
}
