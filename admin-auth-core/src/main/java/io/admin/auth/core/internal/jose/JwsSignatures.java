package io.admin.auth.core.internal.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/**
 * Checks a JWS signature against one published key, refusing any key that was not made for the
 * token's algorithm (RFC 8725 section 3.1: the key decides, not the token).
 */
public final class JwsSignatures {

  /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 section 4); the raw key follows. */
  private static final byte[] ED25519_SPKI_PREFIX = {
      0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

  private JwsSignatures() {}

  /** Whether {@code key} may be used for the token's {@code alg} at all (use, alg, key type, curve). */
  public static boolean compatible(JWK key, JWSAlgorithm alg) {
    if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
      return false;
    }
    if (key.getAlgorithm() != null && !key.getAlgorithm().getName().equals(alg.getName())) {
      return false;
    }
    String name = alg.getName();
    if (key instanceof RSAKey) {
      return name.startsWith("RS") || name.startsWith("PS");
    }
    if (key instanceof ECKey ec) {
      return (name.equals("ES256") && Curve.P_256.equals(ec.getCurve()))
          || (name.equals("ES384") && Curve.P_384.equals(ec.getCurve()))
          || (name.equals("ES512") && Curve.P_521.equals(ec.getCurve()));
    }
    if (key instanceof OctetKeyPair okp) {
      return (name.equals("EdDSA") || name.equals("Ed25519")) && Curve.Ed25519.equals(okp.getCurve());
    }
    return false;
  }

  /** Whether the signature verifies with this (compatible) key; false on any crypto failure. */
  public static boolean verify(SignedJWT jwt, JWK key) {
    try {
      if (key instanceof OctetKeyPair okp) {
        return verifyEd25519(jwt, okp);
      }
      PublicKey publicKey = key instanceof RSAKey rsa ? rsa.toRSAPublicKey() : ((ECKey) key).toECPublicKey();
      // A factory per call: it carries a settable JCA context, which must not be shared state.
      JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), publicKey);
      return jwt.verify(verifier);
    } catch (JOSEException | RuntimeException e) {
      return false;
    }
  }

  /** Through the JDK's own Ed25519 (Java 15+), so no optional Tink dependency is needed. */
  private static boolean verifyEd25519(SignedJWT jwt, OctetKeyPair okp) {
    try {
      byte[] raw = okp.getX().decode();
      if (raw.length != 32) {
        return false;
      }
      byte[] spki = new byte[ED25519_SPKI_PREFIX.length + raw.length];
      System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
      System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
      PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
      Signature signature = Signature.getInstance("Ed25519");
      signature.initVerify(publicKey);
      signature.update(jwt.getSigningInput());
      return signature.verify(jwt.getSignature().decode());
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}
