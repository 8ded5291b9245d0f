package io.admin.auth.core.verify;

import io.admin.auth.core.VerificationKey;
import java.util.Optional;

/**
 * Where a verifier finds the key for a {@code kid}: the token service's key ring (through {@link
 * AccessTokenVerifier.KeyResolver}) or a resource server's {@link PublicKeySource}. One shape, so
 * that the verification steps do not care whether a private half exists anywhere.
 */
@FunctionalInterface
interface KeyLookup {

  /**
   * The key for {@code kid}, or empty when unknown.
   *
   * @throws io.admin.auth.core.AuthUnavailableException when the keys cannot be had at all
   */
  Optional<? extends VerificationKey> find(String kid);
}
