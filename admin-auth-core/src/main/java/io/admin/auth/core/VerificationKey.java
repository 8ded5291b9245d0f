package io.admin.auth.core;

import java.security.Key;

/**
 * What a verifier needs of a key: its {@code kid}, the one algorithm it was made for, and the key
 * that checks signatures. Implemented by {@link io.admin.auth.core.spi.SigningKey} (which also holds
 * the private half, for the issuer) and by {@link io.admin.auth.core.key.PublicVerificationKey}
 * (public half only, for resource servers that hold nothing but the issuer's JWK Set), so the
 * verifier never needs, and never sees, a private key.
 *
 * <p>Implementations are immutable and never print key material.
 */
public interface VerificationKey {

  /**
   * The key id, as carried in the JWS {@code kid} header; never blank.
   *
   * @return the key id; never blank
   */
  String kid();

  /**
   * The one algorithm this key verifies; a token naming another {@code alg} is refused.
   *
   * @return the algorithm; never {@code null}
   */
  SigningAlgorithm algorithm();

  /**
   * The public key, or for HS256 the shared secret.
   *
   * @return the key a signature is checked with
   */
  Key verificationKey();
}
