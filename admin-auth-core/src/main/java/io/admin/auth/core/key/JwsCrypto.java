package io.admin.auth.core.key;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;

/**
 * Computes and checks JWS signatures (RFC 7518 section 3) with JCA directly, so the verification
 * hot path costs little more than the raw {@code Signature.verify}.
 *
 * <p>This is the seam for provider choice: {@link #jdk()} uses the JDK's providers; a measured
 * alternative (for example BouncyCastle for Ed25519 or ES256) can be plugged in per algorithm with
 * {@link #withProviders(Map)} without touching issuer or verifier. Immutable and thread-safe: JCA
 * engines are created per call because they are not thread-safe.
 */
public final class JwsCrypto {

  private static final PSSParameterSpec PS256_PARAMS =
      new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
  private static final int ES256_SIGNATURE_BYTES = 64;

  private final Map<SigningAlgorithm, Provider> providers;

  private JwsCrypto(Map<SigningAlgorithm, Provider> providers) {
    this.providers = providers;
  }

  /** JDK providers for every algorithm. */
  public static JwsCrypto jdk() {
    return new JwsCrypto(Map.of());
  }

  /** The given providers for the listed algorithms, the JDK's for the rest. */
  public static JwsCrypto withProviders(Map<SigningAlgorithm, Provider> providers) {
    return new JwsCrypto(providers.isEmpty() ? Map.of() : new EnumMap<>(providers));
  }

  /** The JWS signature of {@code signingInput} (ES256 as raw R||S, as RFC 7518 3.4 requires). */
  public byte[] sign(SigningKey key, byte[] signingInput) {
    Objects.requireNonNull(key, "key");
    try {
      if (key.algorithm() == SigningAlgorithm.HS256) {
        return mac(key).doFinal(signingInput);
      }
      Signature s = signature(key.algorithm());
      s.initSign((PrivateKey) key.signingKey());
      s.update(signingInput);
      byte[] sig = s.sign();
      return key.algorithm() == SigningAlgorithm.ES256
          ? EcdsaTranscoder.derToRaw(sig, ES256_SIGNATURE_BYTES)
          : sig;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing with " + key.algorithm() + " failed", e);
    }
  }

  /**
   * Whether {@code jwsSignature} is a valid signature of {@code signingInput} under {@code key}.
   * False for any malformed signature; never throws for bad input.
   */
  public boolean verify(SigningKey key, byte[] signingInput, byte[] jwsSignature) {
    try {
      switch (key.algorithm()) {
        case HS256 -> {
          return MessageDigest.isEqual(mac(key).doFinal(signingInput), jwsSignature);
        }
        case ES256 -> {
          byte[] der = EcdsaTranscoder.rawToDer(jwsSignature, ES256_SIGNATURE_BYTES);
          return der != null && verifySignature(key, signingInput, der);
        }
        default -> {
          return verifySignature(key, signingInput, jwsSignature);
        }
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private boolean verifySignature(SigningKey key, byte[] input, byte[] sig)
      throws GeneralSecurityException {
    Signature s = signature(key.algorithm());
    s.initVerify((PublicKey) key.verificationKey());
    s.update(input);
    return s.verify(sig);
  }

  private Signature signature(SigningAlgorithm alg) throws GeneralSecurityException {
    String name = switch (alg) {
      case RS256 -> "SHA256withRSA";
      case PS256 -> "RSASSA-PSS";
      case ES256 -> "SHA256withECDSA";
      case EDDSA -> "Ed25519";
      case HS256 -> throw new IllegalArgumentException("HS256 is a MAC");
    };
    Provider p = providers.get(alg);
    Signature s = p == null ? Signature.getInstance(name) : Signature.getInstance(name, p);
    if (alg == SigningAlgorithm.PS256) {
      s.setParameter(PS256_PARAMS);
    }
    return s;
  }

  private Mac mac(SigningKey key) throws GeneralSecurityException {
    Provider p = providers.get(SigningAlgorithm.HS256);
    Mac mac = p == null ? Mac.getInstance("HmacSHA256") : Mac.getInstance("HmacSHA256", p);
    mac.init(key.signingKey());
    return mac;
  }
}
