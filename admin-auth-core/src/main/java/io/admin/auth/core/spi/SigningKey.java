package io.admin.auth.core.spi;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.VerificationKey;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A signing key with its identity and lifecycle: the private half that signs and the public half
 * that verifies (the same secret for HS256). Immutable; {@link #toString()} never prints key
 * material. A node that only verifies uses a {@link io.admin.auth.core.key.PublicVerificationKey}
 * instead, which has no private half at all.
 *
 * @param kid key id, unique in a key store, carried in the JWS {@code kid} header
 * @param algorithm the one algorithm this key signs and verifies with
 * @param state lifecycle state
 * @param createdAt when the key was made (and, for a {@code NEXT} key, first published)
 * @param activatedAt when it became {@code ACTIVE}, or {@code null} if it never was
 * @param retiredAt when it became {@code RETIRED}, or {@code null}
 * @param signingKey private key, or the secret key for HS256
 * @param verificationKey public key, or the same secret key for HS256
 */
public record SigningKey(
    String kid,
    SigningAlgorithm algorithm,
    KeyState state,
    Instant createdAt,
    Instant activatedAt,
    Instant retiredAt,
    Key signingKey,
    Key verificationKey) implements VerificationKey {

  /**
   * Checks the settings; the key material must fit {@code algorithm}.
   *
   * @param kid the key id; required
   * @param algorithm the one algorithm the key signs and verifies with; required
   * @param state the lifecycle state; required
   * @param createdAt when the key was made; required
   * @param activatedAt when it became {@code ACTIVE}, or {@code null}
   * @param retiredAt when it became {@code RETIRED}, or {@code null}
   * @param signingKey the private key, or the secret key for HS256; required
   * @param verificationKey the public key, or the same secret key for HS256; required
   */
  public SigningKey {
    Objects.requireNonNull(kid, "kid");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(signingKey, "signingKey");
    Objects.requireNonNull(verificationKey, "verificationKey");
    if (kid.isBlank()) {
      throw new IllegalArgumentException("kid must not be blank");
    }
    if (state == KeyState.ACTIVE && activatedAt == null) {
      throw new IllegalArgumentException("an ACTIVE key needs activatedAt");
    }
    if (state == KeyState.RETIRED && retiredAt == null) {
      throw new IllegalArgumentException("a RETIRED key needs retiredAt");
    }
    boolean symmetricOk = signingKey instanceof SecretKey && verificationKey instanceof SecretKey;
    boolean asymmetricOk = signingKey instanceof PrivateKey && verificationKey instanceof PublicKey;
    if (algorithm.isSymmetric() ? !symmetricOk : !asymmetricOk) {
      throw new IllegalArgumentException("key material does not fit " + algorithm);
    }
  }

  /**
   * This key made {@code ACTIVE} at {@code at}.
   *
   * @param at the activation instant
   * @return an {@code ACTIVE} copy; this key is unchanged
   */
  public SigningKey activate(Instant at) {
    return new SigningKey(kid, algorithm, KeyState.ACTIVE, createdAt, at, null, signingKey,
        verificationKey);
  }

  /**
   * This key made {@code RETIRED} at {@code at}.
   *
   * @param at the retirement instant
   * @return a {@code RETIRED} copy; this key is unchanged
   */
  public SigningKey retire(Instant at) {
    return new SigningKey(kid, algorithm, KeyState.RETIRED, createdAt, activatedAt, at, signingKey,
        verificationKey);
  }

  /**
   * Whether the key may appear in a public JWK Set (every asymmetric key).
   *
   * @return {@code false} only for HS256 keys
   */
  public boolean isPublishable() {
    return !algorithm.isSymmetric();
  }

  /**
   * The signing key as bytes for a persistent store: PKCS#8 for private keys, the raw secret for
   * HS256. Store it as you would store any secret (the JDBC module may encrypt it).
   *
   * @return a new array with the encoded signing key
   */
  public byte[] encodedSigningKey() {
    return signingKey.getEncoded();
  }

  /**
   * The verification key as bytes: X.509 SubjectPublicKeyInfo, or the raw secret for HS256.
   *
   * @return a new array with the encoded verification key
   */
  public byte[] encodedVerificationKey() {
    return verificationKey.getEncoded();
  }

  /**
   * Rebuilds a key read back from a persistent store (the inverse of {@link #encodedSigningKey()}
   * and {@link #encodedVerificationKey()}).
   *
   * @param kid the key id
   * @param algorithm the algorithm the bytes are a key of
   * @param state the lifecycle state
   * @param createdAt when the key was made
   * @param activatedAt when it became {@code ACTIVE}, or {@code null}
   * @param retiredAt when it became {@code RETIRED}, or {@code null}
   * @param encodedSigningKey PKCS#8, or the raw secret for HS256
   * @param encodedVerificationKey X.509 SubjectPublicKeyInfo, or the raw secret for HS256
   * @return the key, as it was stored
   * @throws IllegalArgumentException when the bytes are not a key of {@code algorithm}
   */
  public static SigningKey fromEncoded(String kid, SigningAlgorithm algorithm, KeyState state,
      Instant createdAt, Instant activatedAt, Instant retiredAt, byte[] encodedSigningKey,
      byte[] encodedVerificationKey) {
    Key signing;
    Key verification;
    if (algorithm.isSymmetric()) {
      signing = new SecretKeySpec(encodedSigningKey, algorithm.keyAlgorithm());
      verification = signing;
    } else {
      try {
        KeyFactory factory = KeyFactory.getInstance(algorithm.keyAlgorithm());
        signing = factory.generatePrivate(new PKCS8EncodedKeySpec(encodedSigningKey));
        verification = factory.generatePublic(new X509EncodedKeySpec(encodedVerificationKey));
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("not a " + algorithm + " key", e);
      }
    }
    return new SigningKey(kid, algorithm, state, createdAt, activatedAt, retiredAt, signing,
        verification);
  }

  /** Never prints key material. */
  @Override
  public String toString() {
    return "SigningKey[kid=" + kid + ", algorithm=" + algorithm + ", state=" + state
        + ", createdAt=" + createdAt + ", activatedAt=" + activatedAt + ", retiredAt=" + retiredAt
        + ", keys=**********]";
  }
}
