package io.admin.auth.core.key;

import io.admin.auth.core.spi.SigningKey;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.internal.jose.Json;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders the public JWK Set (RFC 7517 section 5) of a {@link KeyRing}: public keys only, with
 * {@code kid}, {@code alg} and {@code use=sig}. Symmetric (HS256) keys are never included.
 *
 * <p>And reads such a set back into {@link PublicVerificationKey}s, for nodes that only verify.
 * Reading is strict, because the algorithm a token may use is pinned to its key: every key needs a
 * {@code kid}, an {@code alg} of {@link SigningAlgorithm} other than HS256 that fits its {@code
 * kty} (and {@code crv}), and, when it has a {@code use}, {@code sig}. A key with private or
 * symmetric material is refused rather than stripped: a file holding a private key is a mistake
 * the operator must hear about, since a resource server must not hold one.
 */
public final class JwkSets {

  private static final int ED25519_RAW_BYTES = 32;

  private JwkSets() {}

  /**
   * The JWK Set document as JSON, e.g. {@code {"keys":[{"kty":"RSA",...}]}}.
   *
   * @param ring the keys; only the publishable ones are written
   * @return the JSON document, public parts only; {@code {"keys":[]}} when no key is publishable
   */
  public static String toJson(KeyRing ring) {
    List<Object> keys = new ArrayList<>();
    for (SigningKey k : ring.published()) {
      keys.add(toPublicJwk(k).toJSONObject());
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("keys", keys);
    return Json.write(doc);
  }

  /**
   * The keys of a public JWK Set document, in document order.
   *
   * @param json the JWK Set document
   * @return the keys; never empty
   * @throws IllegalArgumentException when the document is not a JWK Set, holds no key, holds
   *     private or symmetric key material, repeats a {@code kid}, or has a key that {@link
   *     #toVerificationKey} refuses; the message names the key by {@code kid} and position, never
   *     its material
   */
  public static List<PublicVerificationKey> parsePublic(String json) {
    JWKSet set;
    try {
      set = JWKSet.parse(json);
    } catch (ParseException | RuntimeException e) {
      throw new IllegalArgumentException("not a JWK Set document (RFC 7517 section 5)");
    }
    if (set.getKeys().isEmpty()) {
      throw new IllegalArgumentException("the JWK Set holds no key");
    }
    List<PublicVerificationKey> out = new ArrayList<>();
    Set<String> kids = new HashSet<>();
    int position = 0;
    for (JWK jwk : set.getKeys()) {
      position++;
      String name = jwk.getKeyID() != null ? "key " + jwk.getKeyID() : "key #" + position;
      if (jwk.isPrivate()) {
        throw new IllegalArgumentException(name + " holds private key material: give the public"
            + " JWK Set (as the issuer serves it), never private keys, to a node that verifies");
      }
      PublicVerificationKey key = toVerificationKey(jwk);
      if (!kids.add(key.kid())) {
        throw new IllegalArgumentException(name + " appears twice");
      }
      out.add(key);
    }
    return List.copyOf(out);
  }

  /**
   * The verification key of one public JWK: its {@code kid}, the algorithm its {@code alg} names
   * and its public key. Any private part of {@code jwk} is ignored.
   *
   * @param jwk one key of a JWK Set
   * @return the key, public part only
   * @throws IllegalArgumentException when the JWK lacks a {@code kid} or {@code alg}, its {@code
   *     use} is not {@code sig}, its {@code alg} is unknown, symmetric or does not fit its key
   *     type and curve, or its key is refused by {@link PublicVerificationKey}
   */
  public static PublicVerificationKey toVerificationKey(JWK jwk) {
    String kid = jwk.getKeyID();
    if (kid == null || kid.isBlank()) {
      throw new IllegalArgumentException("a key has no kid");
    }
    if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
      throw new IllegalArgumentException("key " + kid + " is not for signatures (use "
          + jwk.getKeyUse().identifier() + ")");
    }
    if (jwk.getAlgorithm() == null) {
      throw new IllegalArgumentException("key " + kid + " has no alg, so the algorithm its"
          + " tokens may use is not pinned");
    }
    SigningAlgorithm alg = SigningAlgorithm.fromJwsName(jwk.getAlgorithm().getName())
        .filter(a -> !a.isSymmetric())
        .orElseThrow(() -> new IllegalArgumentException("key " + kid + " has alg "
            + jwk.getAlgorithm().getName() + "; expected RS256, PS256, ES256 or EdDSA"));
    return new PublicVerificationKey(kid, alg, publicKey(jwk, alg, kid));
  }

  private static PublicKey publicKey(JWK jwk, SigningAlgorithm alg, String kid) {
    String misfit = "key " + kid + ": alg " + alg.jwsName() + " does not fit kty "
        + jwk.getKeyType().getValue();
    try {
      return switch (alg) {
        case RS256, PS256 -> {
          if (!(jwk instanceof RSAKey rsa)) {
            throw new IllegalArgumentException(misfit);
          }
          yield rsa.toRSAPublicKey();
        }
        case ES256 -> {
          if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
            throw new IllegalArgumentException(misfit + " (ES256 needs EC on P-256)");
          }
          yield ec.toECPublicKey();
        }
        case EDDSA -> {
          if (!(jwk instanceof OctetKeyPair okp) || !Curve.Ed25519.equals(okp.getCurve())) {
            throw new IllegalArgumentException(misfit + " (EdDSA needs OKP on Ed25519)");
          }
          yield KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
              PublicVerificationKey.ed25519Spki(okp.getDecodedX())));
        }
        case HS256 -> throw new IllegalArgumentException(misfit);
      };
    } catch (JOSEException | GeneralSecurityException e) {
      throw new IllegalArgumentException("key " + kid + " is not a valid " + alg.jwsName()
          + " public key");
    }
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
