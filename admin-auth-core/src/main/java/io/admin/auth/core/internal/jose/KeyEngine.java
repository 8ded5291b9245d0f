package io.admin.auth.core.internal.jose;

import java.security.GeneralSecurityException;

/**
 * Signs and verifies JWS signatures for one key, holding whatever per-key state makes that cheap
 * (initialised JCA engines, decoded BouncyCastle key parameters). Thread-safe.
 */
public interface KeyEngine {

  /** The JWS signature bytes of {@code input[0, length)} (ES256 as raw R||S). */
  byte[] sign(byte[] input, int length) throws GeneralSecurityException;

  /**
   * Whether {@code signature} (JWS form) is valid for {@code input[0, length)}; false for
   * malformed input.
   */
  boolean verify(byte[] input, int length, byte[] signature) throws GeneralSecurityException;
}
