package io.admin.auth.core.key;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.VerificationKey;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The public half of one of the issuer's signing keys, as its JWK Set publishes it: all a resource
 * server needs to verify tokens, and nothing that could sign one. {@link JwkSets#parsePublic}
 * reads them from a JWK Set document. Immutable.
 *
 * <p>The constructor refuses a key that does not fit its algorithm, so that {@code alg} stays
 * pinned to the key: RS256 and PS256 need an RSA key of at least 2048 bits, ES256 a P-256 key,
 * EdDSA an Ed25519 key; HS256 is refused, as a shared secret is never published.
 *
 * @param kid the key id, carried in the JWS {@code kid} header; not blank
 * @param algorithm the one algorithm this key verifies; asymmetric
 * @param verificationKey the public key; never a private or secret key
 */
public record PublicVerificationKey(String kid, SigningAlgorithm algorithm,
    PublicKey verificationKey) implements VerificationKey {

  /** The smallest RSA modulus accepted, as NIST SP 800-131A and RFC 7518 section 3.3 require. */
  public static final int MIN_RSA_BITS = 2048;

  // The X.509 SubjectPublicKeyInfo of an Ed25519 key: this 12-byte prefix, then the raw 32 bytes.
  private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b,
      0x65, 0x70, 0x03, 0x21, 0x00};
  private static final int ED25519_RAW_BYTES = 32;
  // The order of the P-256 base point (FIPS 186-4 D.1.2.3): tells P-256 from other 256-bit curves.
  private static final BigInteger P256_ORDER = new BigInteger(
      "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);

  /**
   * Checks that {@code verificationKey} is a public key of {@code algorithm}.
   *
   * @param kid the key id; not blank
   * @param algorithm the asymmetric algorithm the key verifies
   * @param verificationKey the public key; never a private or secret key
   * @throws IllegalArgumentException for a blank kid, a symmetric algorithm or a key that does
   *     not fit the algorithm
   */
  public PublicVerificationKey {
    Objects.requireNonNull(kid, "kid");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(verificationKey, "verificationKey");
    if (kid.isBlank()) {
      throw new IllegalArgumentException("kid must not be blank");
    }
    String problem = misfit(algorithm, verificationKey);
    if (problem != null) {
      throw new IllegalArgumentException("key " + kid + ": " + problem);
    }
  }

  /**
   * The raw 32-byte Ed25519 public key as an X.509-encoded key spec's bytes.
   *
   * @throws InvalidKeySpecException when {@code raw} is not 32 bytes long; a checked key-spec
   *     failure, so that callers name the key it came from as for any other invalid key
   */
  static byte[] ed25519Spki(byte[] raw) throws InvalidKeySpecException {
    if (raw == null || raw.length != ED25519_RAW_BYTES) {
      throw new InvalidKeySpecException("an Ed25519 public key has 32 bytes");
    }
    byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + raw.length);
    System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
    return spki;
  }

  private static String misfit(SigningAlgorithm algorithm, PublicKey key) {
    return switch (algorithm) {
      case RS256, PS256 -> key instanceof RSAPublicKey rsa
          ? (rsa.getModulus().bitLength() >= MIN_RSA_BITS ? null
              : "an RSA key needs at least " + MIN_RSA_BITS + " bits")
          : algorithm.jwsName() + " needs an RSA public key";
      case ES256 -> key instanceof ECPublicKey ec
          && P256_ORDER.equals(ec.getParams().getOrder()) ? null : "ES256 needs a P-256 public key";
      case EDDSA -> isEd25519(key) ? null : "EdDSA needs an Ed25519 public key";
      case HS256 -> "HS256 keys are shared secrets and never published";
    };
  }

  private static boolean isEd25519(PublicKey key) {
    byte[] encoded = key.getEncoded();
    return encoded != null && encoded.length == ED25519_SPKI_PREFIX.length + ED25519_RAW_BYTES
        && Arrays.equals(encoded, 0, ED25519_SPKI_PREFIX.length, ED25519_SPKI_PREFIX, 0,
            ED25519_SPKI_PREFIX.length);
  }

  /** The kid and algorithm; the key itself is public but long, so it is left out. */
  @Override
  public String toString() {
    return "PublicVerificationKey[kid=" + kid + ", algorithm=" + algorithm + "]";
  }
}
