package io.admin.auth.core.issue;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.internal.keyring.KeyRingCache;
import io.admin.auth.core.key.JwkSets;
import io.admin.auth.core.key.KeyRing;
import io.admin.auth.core.spi.SigningKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the service signs with and publishes: the active key, the public JWK Set and the list of
 * algorithms for the metadata document, all read from the cached key ring (re-read when due).
 */
final class PublishedKeys {

  private final KeyRingCache keys;
  private final String configuredAlgorithm;

  PublishedKeys(KeyRingCache keys, SigningAlgorithm configuredAlgorithm) {
    this.keys = keys;
    this.configuredAlgorithm = configuredAlgorithm.jwsName();
  }

  KeyRing ring() {
    return keys.ring();
  }

  SigningKey active() {
    return keys.ring().active();
  }

  /** The RS256 key ID tokens are signed with now, or empty when the ring has no active one. */
  Optional<SigningKey> idTokenKey() {
    return keys.ring().active(SigningAlgorithm.RS256);
  }

  String jwkSetJson() {
    return JwkSets.toJson(keys.ring());
  }

  /**
   * The configured algorithm first (new keys use it), then any other algorithm of a key still in
   * the ring, so a metadata reader keeps accepting tokens signed before an algorithm change.
   */
  List<String> signingAlgorithms() {
    List<String> out = new ArrayList<>(List.of(configuredAlgorithm));
    for (SigningKey k : keys.ring().keys()) {
      if (!out.contains(k.algorithm().jwsName())) {
        out.add(k.algorithm().jwsName());
      }
    }
    return List.copyOf(out);
  }
}
