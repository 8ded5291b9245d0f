package io.admin.auth.core.key;

import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.SigningKey;

import io.admin.auth.core.crypto.RandomTokens;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * Generates fresh signing keys: RSA 2048 (RS256, PS256), P-256 (ES256), Ed25519 (EdDSA) and a
 * 256-bit secret (HS256), with a random {@code kid} (128 bits, base64url). Thread-safe.
 */
public final class SigningKeys {

  private static final int RSA_BITS = 2048;
  private static final int HMAC_BYTES = 32;
  private static final int KID_BYTES = 16;

  private final SecureRandom random;
  private final RandomTokens tokens;

  /**
   * A generator drawing all randomness from {@code random}.
   *
   * @param random the source of key material and key ids
   */
  public SigningKeys(SecureRandom random) {
    this.random = Objects.requireNonNull(random, "random");
    this.tokens = new RandomTokens(random);
  }

  /**
   * A new key for {@code algorithm} in {@code state} (activated at {@code now} if ACTIVE).
   *
   * @param algorithm the algorithm of the key
   * @param state the state of the new key
   * @param now when the key is made
   * @return a new key with a random {@code kid}
   */
  public SigningKey generate(SigningAlgorithm algorithm, KeyState state, Instant now) {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(now, "now");
    String kid = tokens.next(KID_BYTES);
    SigningKey key;
    if (algorithm.isSymmetric()) {
      byte[] secret = new byte[HMAC_BYTES];
      random.nextBytes(secret);
      SecretKeySpec spec = new SecretKeySpec(secret, algorithm.keyAlgorithm());
      key = new SigningKey(kid, algorithm, KeyState.NEXT, now, null, null, spec, spec);
    } else {
      KeyPair pair = keyPair(algorithm);
      key = new SigningKey(kid, algorithm, KeyState.NEXT, now, null, null, pair.getPrivate(),
          pair.getPublic());
    }
    return switch (state) {
      case NEXT -> key;
      case ACTIVE -> key.activate(now);
      case RETIRED -> key.activate(now).retire(now);
    };
  }

  private KeyPair keyPair(SigningAlgorithm algorithm) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.keyAlgorithm());
      switch (algorithm) {
        case RS256, PS256 -> generator.initialize(RSA_BITS, random);
        case ES256 -> generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        case EDDSA -> generator.initialize(255, random);
        default -> throw new IllegalStateException("not asymmetric: " + algorithm);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      // Every algorithm here is mandatory in Java 17 (Ed25519 since JDK 15).
      throw new IllegalStateException("cannot generate a " + algorithm + " key", e);
    }
  }
}
