package io.admin.auth.core.internal.jose;

import io.admin.auth.core.VerificationKey;
import io.admin.auth.core.spi.SigningKey;

import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.util.BigIntegers;

/**
 * {@link KeyEngine}s on BouncyCastle's lightweight API for ES256 and EdDSA, which measured several
 * times faster than JDK 17's SunEC (see BENCHMARKS.md). The key is decoded into BouncyCastle
 * parameters once; reusing the same public point also lets BouncyCastle keep its precomputed
 * multiples of it between calls. Nothing is registered with {@code java.security.Security}.
 */
public final class BcEngines {

  private static final int ES256_HALF = 32;

  private BcEngines() {}

  /** The engine for an ES256 or EdDSA key; one without a private half only verifies. */
  public static KeyEngine forKey(VerificationKey key) {
    try {
      AsymmetricKeyParameter pub = PublicKeyFactory.createKey(key.verificationKey().getEncoded());
      AsymmetricKeyParameter priv = privateOrNull(key);
      return switch (key.algorithm()) {
        case ES256 -> new Ecdsa((ECPublicKeyParameters) pub, (ECPrivateKeyParameters) priv);
        case EDDSA -> new EdDsa((Ed25519PublicKeyParameters) pub, (Ed25519PrivateKeyParameters) priv);
        default -> throw new IllegalArgumentException("no BouncyCastle engine for " + key.algorithm());
      };
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a " + key.algorithm() + " key", e);
    }
  }

  // A key whose private half cannot be exported (an HSM handle) still verifies; signing then fails.
  private static AsymmetricKeyParameter privateOrNull(VerificationKey key) {
    if (!(key instanceof SigningKey signing)) {
      return null;
    }
    try {
      byte[] encoded = signing.encodedSigningKey();
      return encoded == null ? null : PrivateKeyFactory.createKey(encoded);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static void requireSigning(Object priv) {
    if (priv == null) {
      throw new IllegalStateException("the private key is not available to BouncyCastle");
    }
  }

  /** ECDSA P-256 / SHA-256 with RFC 6979 deterministic nonces, so signing needs no randomness. */
  private record Ecdsa(ECPublicKeyParameters pub, ECPrivateKeyParameters priv) implements KeyEngine {

    @Override
    public byte[] sign(byte[] input, int length) {
      requireSigning(priv);
      ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
      signer.init(true, priv);
      BigInteger[] rs = signer.generateSignature(sha256(input, length));
      byte[] out = new byte[2 * ES256_HALF];
      BigIntegers.asUnsignedByteArray(rs[0], out, 0, ES256_HALF);
      BigIntegers.asUnsignedByteArray(rs[1], out, ES256_HALF, ES256_HALF);
      return out;
    }

    @Override
    public boolean verify(byte[] input, int length, byte[] signature) {
      if (signature == null || signature.length != 2 * ES256_HALF) {
        return false;
      }
      // ECDSASigner rejects r or s outside [1, n-1], zero included (CVE-2022-21449).
      BigInteger r = new BigInteger(1, signature, 0, ES256_HALF);
      BigInteger s = new BigInteger(1, signature, ES256_HALF, ES256_HALF);
      ECDSASigner signer = new ECDSASigner();
      signer.init(false, pub);
      return signer.verifySignature(sha256(input, length), r, s);
    }

    private static byte[] sha256(byte[] input, int length) {
      SHA256Digest d = new SHA256Digest();
      d.update(input, 0, length);
      byte[] out = new byte[d.getDigestSize()];
      d.doFinal(out, 0);
      return out;
    }

    @Override
    public String toString() {
      return "Ecdsa[**********]";
    }
  }

  /** Pure Ed25519 (RFC 8032 section 5.1), no context, as RFC 8037 requires. */
  private record EdDsa(Ed25519PublicKeyParameters pub, Ed25519PrivateKeyParameters priv)
      implements KeyEngine {

    @Override
    public byte[] sign(byte[] input, int length) {
      requireSigning(priv);
      byte[] out = new byte[Ed25519.SIGNATURE_SIZE];
      priv.sign(Ed25519.Algorithm.Ed25519, pub, null, input, 0, length, out, 0);
      return out;
    }

    @Override
    public boolean verify(byte[] input, int length, byte[] signature) {
      return signature != null && signature.length == Ed25519.SIGNATURE_SIZE
          && pub.verify(Ed25519.Algorithm.Ed25519, null, input, 0, length, signature, 0);
    }

    @Override
    public String toString() {
      return "EdDsa[**********]";
    }
  }
}
