package io.admin.auth.core.internal.jose;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.VerificationKey;
import io.admin.auth.core.spi.SigningKey;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import javax.crypto.Mac;

/**
 * A {@link KeyEngine} over JCA ({@code Signature}, or {@code Mac} for HS256) with the given provider
 * or the JDK's. Initialised engines are pooled per key: creating and initialising one per call
 * (provider lookup, RSA key checks, HMAC key schedule) cost as much as the HS256 MAC itself and a
 * measurable share of an RS256 verification. An engine that threw is dropped, never reused. A key
 * that is not a {@link SigningKey} (a resource server's public-only key) verifies but cannot sign.
 */
public final class JcaEngine implements KeyEngine {

  private static final PSSParameterSpec PS256_PARAMS =
      new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
  private static final int ES256_SIGNATURE_BYTES = 64;

  private final VerificationKey key;
  private final Provider provider;
  private final EnginePool<Signature> verifiers = new EnginePool<>();
  private final EnginePool<Signature> signers = new EnginePool<>();
  private final EnginePool<Mac> macs = new EnginePool<>();

  /** An engine for {@code key} on {@code provider}, or the JDK's providers when it is null. */
  public JcaEngine(VerificationKey key, Provider provider) {
    this.key = key;
    this.provider = provider;
  }

  @Override
  public byte[] sign(byte[] input, int length) throws GeneralSecurityException {
    if (key.algorithm() == SigningAlgorithm.HS256) {
      return mac(input, length);
    }
    Signature s = signers.take();
    if (s == null) {
      if (!(key instanceof SigningKey signing)) {
        throw new IllegalStateException("key " + key.kid() + " has no private half to sign with");
      }
      s = newSignature();
      s.initSign((PrivateKey) signing.signingKey());
    }
    s.update(input, 0, length);
    byte[] sig = s.sign();
    signers.give(s);
    return key.algorithm() == SigningAlgorithm.ES256
        ? EcdsaTranscoder.derToRaw(sig, ES256_SIGNATURE_BYTES)
        : sig;
  }

  @Override
  public boolean verify(byte[] input, int length, byte[] signature)
      throws GeneralSecurityException {
    if (key.algorithm() == SigningAlgorithm.HS256) {
      return MessageDigest.isEqual(mac(input, length), signature);
    }
    byte[] sig = signature;
    if (key.algorithm() == SigningAlgorithm.ES256) {
      sig = EcdsaTranscoder.rawToDer(signature, ES256_SIGNATURE_BYTES);
      if (sig == null) {
        return false;
      }
    }
    Signature s = verifiers.take();
    if (s == null) {
      s = newSignature();
      s.initVerify((PublicKey) key.verificationKey());
    }
    s.update(input, 0, length);
    boolean ok = s.verify(sig);
    verifiers.give(s);
    return ok;
  }

  private byte[] mac(byte[] input, int length) throws GeneralSecurityException {
    Mac mac = macs.take();
    if (mac == null) {
      mac = provider == null ? Mac.getInstance("HmacSHA256") : Mac.getInstance("HmacSHA256", provider);
      // An HS256 key's two halves are the one shared secret.
      mac.init(key instanceof SigningKey signing ? signing.signingKey() : key.verificationKey());
    }
    mac.update(input, 0, length);
    byte[] out = mac.doFinal();
    macs.give(mac);
    return out;
  }

  private Signature newSignature() throws GeneralSecurityException {
    String name = switch (key.algorithm()) {
      case RS256 -> "SHA256withRSA";
      case PS256 -> "RSASSA-PSS";
      case ES256 -> "SHA256withECDSA";
      case EDDSA -> "Ed25519";
      case HS256 -> throw new IllegalArgumentException("HS256 is a MAC");
    };
    Signature s = provider == null ? Signature.getInstance(name) : Signature.getInstance(name, provider);
    if (key.algorithm() == SigningAlgorithm.PS256) {
      s.setParameter(PS256_PARAMS);
    }
    return s;
  }
}
