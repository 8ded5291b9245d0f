package io.admin.auth.core.federation;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;

/** A provider's signing key for tests: the public JWK it publishes and the JCA key it signs with. */
record TestKey(String kid, String alg, JWK publicJwk, PrivateKey privateKey) {

  static TestKey rsa(String kid) {
    return rsa(kid, "RS256");
  }

  static TestKey rsa(String kid, String alg) {
    KeyPair pair = generate("RSA", null, 2048);
    JWK jwk = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID(kid).keyUse(KeyUse.SIGNATURE).build();
    return new TestKey(kid, alg, jwk, pair.getPrivate());
  }

  static TestKey ec(String kid) {
    KeyPair pair = generate("EC", new ECGenParameterSpec("secp256r1"), 0);
    JWK jwk = new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic()).keyID(kid).build();
    return new TestKey(kid, "ES256", jwk, pair.getPrivate());
  }

  static TestKey ed25519(String kid) {
    KeyPair pair = generate("Ed25519", null, 0);
    byte[] spki = pair.getPublic().getEncoded();
    byte[] x = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    JWK jwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).keyID(kid).build();
    return new TestKey(kid, "EdDSA", jwk, pair.getPrivate());
  }

  /** The same key signing under another alg name, for algorithm-confusion tests. */
  TestKey withAlg(String otherAlg) {
    return new TestKey(kid, otherAlg, publicJwk, privateKey);
  }

  byte[] sign(byte[] input) {
    try {
      Signature s;
      switch (alg) {
        case "RS256" -> s = Signature.getInstance("SHA256withRSA");
        case "RS384" -> s = Signature.getInstance("SHA384withRSA");
        case "PS256" -> {
          s = Signature.getInstance("RSASSA-PSS");
          s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        }
        case "ES256" -> s = Signature.getInstance("SHA256withECDSAinP1363Format");
        case "EdDSA" -> s = Signature.getInstance("Ed25519");
        default -> throw new IllegalArgumentException(alg);
      }
      s.initSign(privateKey);
      s.update(input);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair generate(String algorithm, ECGenParameterSpec spec, int size) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
      if (spec != null) {
        g.initialize(spec);
      } else if (size > 0) {
        g.initialize(size);
      }
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
