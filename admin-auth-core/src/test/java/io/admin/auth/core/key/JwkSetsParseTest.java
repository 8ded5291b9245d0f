package io.admin.auth.core.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.spi.SigningKey;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a public JWK Set back into verification keys, as a resource server does. */
class JwkSetsParseTest {

  private static final Instant T0 = Instant.parse("2025-03-15T10:00:00Z");
  private static final Map<SigningAlgorithm, SigningKey> KEYS = new EnumMap<>(SigningAlgorithm.class);

  static {
    SigningKeys gen = new SigningKeys(new SecureRandom());
    for (SigningAlgorithm a : SigningAlgorithm.values()) {
      KEYS.put(a, gen.generate(a, KeyState.ACTIVE, T0));
    }
  }

  private static String set(String... jwks) {
    return "{\"keys\":[" + String.join(",", jwks) + "]}";
  }

  private static RSAKey.Builder rsa(SigningAlgorithm alg) {
    SigningKey k = KEYS.get(alg);
    return new RSAKey.Builder((RSAPublicKey) k.verificationKey()).keyID(k.kid())
        .algorithm(JWSAlgorithm.parse(alg.jwsName())).keyUse(KeyUse.SIGNATURE);
  }

  private static String refusal(String json) {
    return assertThrows(IllegalArgumentException.class, () -> JwkSets.parsePublic(json))
        .getMessage();
  }

  @Test
  void parsePublicWhenIssuersOwnSetThenEveryKeyWithItsAlgorithmAndMaterial() {
    String json = JwkSets.toJson(KeyRing.of(new ArrayList<>(KEYS.values())));

    List<PublicVerificationKey> keys = JwkSets.parsePublic(json);

    assertEquals(4, keys.size());
    for (PublicVerificationKey k : keys) {
      SigningKey original = KEYS.get(k.algorithm());
      assertEquals(original.kid(), k.kid());
      assertArrayEquals(original.verificationKey().getEncoded(), k.verificationKey().getEncoded(),
          k.algorithm().jwsName());
    }
  }

  @Test
  void parsePublicWhenParsedKeyVerifiesThenSignatureOfTheSigningKeyChecks() {
    byte[] input = "header.payload".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    String json = JwkSets.toJson(KeyRing.of(new ArrayList<>(KEYS.values())));
    JwsCrypto crypto = JwsCrypto.defaults();
    for (PublicVerificationKey k : JwkSets.parsePublic(json)) {
      byte[] sig = crypto.sign(KEYS.get(k.algorithm()), input);
      assertTrue(crypto.verify(k, input, sig), k.algorithm().jwsName());
      sig[sig.length - 1] ^= 1;
      assertFalse(crypto.verify(k, input, sig), k.algorithm().jwsName());
    }
  }

  @Test
  void parsePublicWhenPrivateMaterialThenRefusedNamingTheKeyButNotItsSecrets() {
    SigningKey k = KEYS.get(SigningAlgorithm.RS256);
    RSAKey withPrivate = rsa(SigningAlgorithm.RS256).privateKey((RSAPrivateKey) k.signingKey())
        .build();

    String message = refusal(set(withPrivate.toJSONString()));

    assertTrue(message.contains("private key material"), message);
    assertTrue(message.contains(k.kid()), message);
    assertFalse(message.contains(withPrivate.getPrivateExponent().toString()), message);
  }

  @Test
  void parsePublicWhenSymmetricKeyThenRefused() {
    OctetSequenceKey oct = new OctetSequenceKey.Builder(new byte[32]).keyID("hs")
        .algorithm(JWSAlgorithm.HS256).build();
    assertTrue(refusal(set(oct.toJSONString())).contains("key hs"));
  }

  @Test
  void parsePublicWhenAlgMissingThenRefusedAsNotPinned() {
    RSAKey noAlg = new RSAKey.Builder(rsa(SigningAlgorithm.RS256).build()).algorithm(null).build();
    assertTrue(refusal(set(noAlg.toJSONString())).contains("has no alg"));
  }

  @Test
  void parsePublicWhenAlgDoesNotFitKeyTypeThenRefused() {
    SigningKey ec = KEYS.get(SigningAlgorithm.ES256);
    ECKey asRsaAlg = new ECKey.Builder(Curve.P_256, (ECPublicKey) ec.verificationKey())
        .keyID("ec").algorithm(JWSAlgorithm.RS256).build();
    assertTrue(refusal(set(asRsaAlg.toJSONString())).contains("does not fit kty EC"));
  }

  @Test
  void parsePublicWhenUseIsEncryptionThenRefused() {
    RSAKey enc = rsa(SigningAlgorithm.RS256).keyUse(KeyUse.ENCRYPTION).build();
    assertTrue(refusal(set(enc.toJSONString())).contains("not for signatures"));
  }

  @Test
  void parsePublicWhenRsaKeyUnder2048BitsThenRefused() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(1024);
    KeyPair small = g.generateKeyPair();
    RSAKey weak = new RSAKey.Builder((RSAPublicKey) small.getPublic()).keyID("weak")
        .algorithm(JWSAlgorithm.RS256).build();
    assertTrue(refusal(set(weak.toJSONString())).contains("at least 2048 bits"));
  }

  @Test
  void parsePublicWhenKidMissingOrRepeatedOrNoKeysOrNotJsonThenRefused() {
    RSAKey noKid = new RSAKey.Builder(rsa(SigningAlgorithm.RS256).build()).keyID(null).build();
    RSAKey once = rsa(SigningAlgorithm.RS256).build();

    assertTrue(refusal(set(noKid.toJSONString())).contains("no kid"));
    RSAKey blankKid = new RSAKey.Builder(rsa(SigningAlgorithm.RS256).build()).keyID(" ").build();
    assertTrue(refusal(set(blankKid.toJSONString())).contains("no kid"));
    assertTrue(refusal(set(once.toJSONString(), once.toJSONString())).contains("appears twice"));
    assertTrue(refusal(set()).contains("holds no key"));
    assertTrue(refusal("not json").contains("not a JWK Set"));
  }

  @Test
  void parsePublicWhenPrivateKeyHasNoKidThenRefusedNamingItsPosition() {
    SigningKey k = KEYS.get(SigningAlgorithm.RS256);
    RSAKey anonymous = new RSAKey.Builder(rsa(SigningAlgorithm.RS256)
        .privateKey((RSAPrivateKey) k.signingKey()).build()).keyID(null).build();
    String first = KEYS.get(SigningAlgorithm.ES256).kid();
    ECKey named = new ECKey.Builder(Curve.P_256,
        (ECPublicKey) KEYS.get(SigningAlgorithm.ES256).verificationKey()).keyID(first)
        .algorithm(JWSAlgorithm.ES256).build();

    String message = refusal(set(named.toJSONString(), anonymous.toJSONString()));

    assertTrue(message.startsWith("key #2 holds private key material"), message);
  }

  @Test
  void parsePublicWhenAlgIsSymmetricOnAnRsaKeyThenRefusedNamingTheAlgorithmsExpected() {
    RSAKey hs = rsa(SigningAlgorithm.RS256).algorithm(JWSAlgorithm.HS256).build();

    String message = refusal(set(hs.toJSONString()));

    assertTrue(message.contains("has alg HS256; expected RS256, PS256, ES256 or EdDSA"), message);
  }

  @Test
  void parsePublicWhenEd25519KeyIsShortThenRefusedNamingTheKey() {
    OctetKeyPair shortX = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(new byte[31]))
        .keyID("short").algorithm(JWSAlgorithm.EdDSA).build();

    String message = refusal(set(shortX.toJSONString()));

    assertTrue(message.startsWith("key short"), message);
  }

  @Test
  void publicVerificationKeyWhenKeyDoesNotFitAlgorithmThenRefused() {
    SigningKey ec = KEYS.get(SigningAlgorithm.ES256);
    SigningKey rsa = KEYS.get(SigningAlgorithm.RS256);
    java.security.PublicKey ecKey = (java.security.PublicKey) ec.verificationKey();
    java.security.PublicKey rsaKey = (java.security.PublicKey) rsa.verificationKey();

    assertThrows(IllegalArgumentException.class,
        () -> new PublicVerificationKey("k", SigningAlgorithm.RS256, ecKey));
    assertThrows(IllegalArgumentException.class,
        () -> new PublicVerificationKey("k", SigningAlgorithm.EDDSA, rsaKey));
    assertThrows(IllegalArgumentException.class,
        () -> new PublicVerificationKey("k", SigningAlgorithm.HS256, rsaKey));
    assertThrows(IllegalArgumentException.class,
        () -> new PublicVerificationKey(" ", SigningAlgorithm.RS256, rsaKey));
    assertEquals("PublicVerificationKey[kid=k, algorithm=ES256]",
        new PublicVerificationKey("k", SigningAlgorithm.ES256, ecKey).toString());
  }
}
