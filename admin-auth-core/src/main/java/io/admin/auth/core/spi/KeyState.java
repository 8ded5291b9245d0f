package io.admin.auth.core.spi;

/**
 * Where a signing key is in its lifecycle: {@code NEXT → ACTIVE → RETIRED → removed}.
 *
 * <p>A key is published (JWK Set) and accepted for verification in every state, so that verifiers
 * learn a key before it signs anything and keep it until every token it signed has expired.
 */
public enum KeyState {
  /** Published, not yet signing. */
  NEXT,
  /** Signing new tokens (the newest active key signs) and published. */
  ACTIVE,
  /** No longer signing; still published until its tokens have expired, then removed. */
  RETIRED
}
