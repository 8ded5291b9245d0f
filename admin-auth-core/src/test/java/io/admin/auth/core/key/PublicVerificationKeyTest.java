package io.admin.auth.core.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.SigningAlgorithm;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

/**
 * A published key is pinned to one algorithm: a key of the wrong type, curve or size is refused
 * when the key is made, so that a token can never be checked with a key its algorithm does not fit.
 */
class PublicVerificationKeyTest {

  private static PublicKey generated(String algorithm) throws Exception {
    return KeyPairGenerator.getInstance(algorithm).generateKeyPair().getPublic();
  }

  private static PublicKey ec(String curve) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec(curve));
    return g.generateKeyPair().getPublic();
  }

  private static String refusal(SigningAlgorithm alg, PublicKey key) {
    return assertThrows(IllegalArgumentException.class,
        () -> new PublicVerificationKey("k1", alg, key)).getMessage();
  }

  @Test
  void constructorWhenEs256KeyIsNotOnP256ThenRefused() throws Exception {
    assertTrue(refusal(SigningAlgorithm.ES256, ec("secp384r1")).contains("P-256"));
    assertTrue(refusal(SigningAlgorithm.ES256, ec("secp521r1")).contains("P-256"));
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    assertTrue(refusal(SigningAlgorithm.ES256, rsa.generateKeyPair().getPublic())
        .contains("P-256"));
    assertEquals(SigningAlgorithm.ES256,
        new PublicVerificationKey("k1", SigningAlgorithm.ES256, ec("secp256r1")).algorithm());
  }

  @Test
  void constructorWhenEdDsaKeyIsNotEd25519ThenRefused() throws Exception {
    // X25519 keys have the same encoded length as Ed25519 ones; only the OID tells them apart.
    assertTrue(refusal(SigningAlgorithm.EDDSA, generated("X25519")).contains("Ed25519"));
    assertTrue(refusal(SigningAlgorithm.EDDSA, generated("Ed448")).contains("Ed25519"));
    assertEquals(SigningAlgorithm.EDDSA,
        new PublicVerificationKey("k1", SigningAlgorithm.EDDSA, generated("Ed25519")).algorithm());
  }

  @Test
  void constructorWhenEdDsaKeyHasNoEncodingThenRefusedAsNotEd25519() {
    // A key held by a token or HSM may not export an encoding; PublicKey allows null then.
    PublicKey opaque = new PublicKey() {
      @Override
      public String getAlgorithm() {
        return "Ed25519";
      }

      @Override
      public String getFormat() {
        return null;
      }

      @Override
      public byte[] getEncoded() {
        return null;
      }
    };

    assertTrue(refusal(SigningAlgorithm.EDDSA, opaque).contains("Ed25519"));
  }
}
