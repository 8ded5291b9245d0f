package io.admin.auth.core.key;

import io.admin.auth.core.spi.SigningKey;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import io.admin.auth.core.internal.jose.Json;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the public JWK Set (RFC 7517 section 5) of a {@link KeyRing}: public keys only, with
 * {@code kid}, {@code alg} and {@code use=sig}. Symmetric (HS256) keys are never included.
 */
public final class JwkSets {

  private static final int ED25519_RAW_BYTES = 32;

  private JwkSets() {}

  /** The JWK Set document as JSON, e.g. {@code {"keys":[{"kty":"RSA",...}]}}. */
  public static String toJson(KeyRing ring) {
    List<Object> keys = new ArrayList<>();
    for (SigningKey k : ring.published()) {
      keys.add(toPublicJwk(k).toJSONObject());
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("keys", keys);
    return Json.write(doc);
  }

  private static JWK toPublicJwk(SigningKey key) {
    JWSAlgorithm alg = JWSAlgorithm.parse(key.algorithm().jwsName());
    return switch (key.algorithm()) {
      case RS256, PS256 -> new RSAKey.Builder((RSAPublicKey) key.verificationKey())
          .keyID(key.kid()).algorithm(alg).keyUse(KeyUse.SIGNATURE).build();
      case ES256 -> new ECKey.Builder(Curve.P_256, (ECPublicKey) key.verificationKey())
          .keyID(key.kid()).algorithm(alg).keyUse(KeyUse.SIGNATURE).build();
      case EDDSA -> new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(rawEd25519(key)))
          .keyID(key.kid()).algorithm(alg).keyUse(KeyUse.SIGNATURE).build();
      case HS256 -> throw new IllegalStateException("symmetric keys are never published");
    };
  }

  // The X.509 encoding of an Ed25519 key is a fixed 12-byte prefix followed by the raw 32 bytes.
  private static byte[] rawEd25519(SigningKey key) {
    byte[] spki = key.verificationKey().getEncoded();
    return Arrays.copyOfRange(spki, spki.length - ED25519_RAW_BYTES, spki.length);
  }
}
