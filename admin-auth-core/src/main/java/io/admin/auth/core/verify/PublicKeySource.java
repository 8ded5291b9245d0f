package io.admin.auth.core.verify;

import io.admin.auth.core.key.JwkSets;
import io.admin.auth.core.key.PublicVerificationKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The issuer's public keys as a resource server has them: a fixed JWK Set ({@link #jwkSet},
 * {@link #jwkSetFile}) or the issuer's JWKS URL through {@link
 * io.admin.auth.core.federation.RemoteJwkSetCache}, which implements this interface. Only public
 * keys pass through it, so a verifier built on it never holds a private key.
 *
 * <p>Implementations are thread-safe, and return the same key object for a {@code kid} for as long
 * as its material is unchanged (the verifier's caches key on that object).
 */
@FunctionalInterface
public interface PublicKeySource {

  /**
   * The key for {@code kid}, or empty when the issuer does not publish it.
   *
   * @param kid the {@code kid} of the token header
   * @return the key, or empty when unknown
   * @throws io.admin.auth.core.AuthUnavailableException when the keys cannot be had at all (a
   *     JWKS URL that cannot be reached and no usable cached set); the filter answers 503
   */
  Optional<PublicVerificationKey> find(String kid);

  /**
   * A fixed set of keys.
   *
   * @param keys the keys; each {@code kid} once
   * @return a source over those keys
   * @throws IllegalArgumentException when two keys share a {@code kid}
   */
  static PublicKeySource of(Collection<PublicVerificationKey> keys) {
    Map<String, PublicVerificationKey> byKid = new LinkedHashMap<>();
    for (PublicVerificationKey k : keys) {
      if (byKid.putIfAbsent(Objects.requireNonNull(k, "key").kid(), k) != null) {
        throw new IllegalArgumentException("key " + k.kid() + " appears twice");
      }
    }
    Map<String, PublicVerificationKey> fixed = Map.copyOf(byKid);
    return kid -> kid == null ? Optional.empty() : Optional.ofNullable(fixed.get(kid));
  }

  /**
   * The keys of a public JWK Set document (the issuer's {@code /.well-known/jwks.json}), read
   * once; see {@link JwkSets#parsePublic} for what is refused.
   *
   * @param json the JWK Set document
   * @return a source over its keys
   * @throws IllegalArgumentException when the document cannot be used, private key material
   *     included
   */
  static PublicKeySource jwkSet(String json) {
    return of(JwkSets.parsePublic(Objects.requireNonNull(json, "json")));
  }

  /**
   * The keys of a public JWK Set file (UTF-8), read once now; a rotation on the issuer then needs
   * a new file and a restart, so prefer the issuer's JWKS URL where it can be reached.
   *
   * @param file the path of the JWK Set file
   * @return a source over its keys
   * @throws IllegalArgumentException when the file cannot be read or used (see {@link #jwkSet})
   */
  static PublicKeySource jwkSetFile(Path file) {
    Objects.requireNonNull(file, "file");
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot read the JWK Set file " + file + ": "
          + e.getClass().getSimpleName());
    }
    return jwkSet(json);
  }
}
