package io.admin.auth.core;

import java.util.Optional;

/**
 * The JWS algorithms (RFC 7518 section 3, RFC 8037 for EdDSA) this library signs and verifies
 * access tokens with. A key is made for exactly one algorithm and only that algorithm is accepted
 * for it on verification.
 */
public enum SigningAlgorithm {
  /** RSASSA-PKCS1-v1_5 with SHA-256, 2048-bit keys. The default: cheap to verify, universal. */
  RS256("RS256", "RSA", false),
  /** RSASSA-PSS with SHA-256 and MGF1-SHA-256, salt 32 bytes, 2048-bit keys. */
  PS256("PS256", "RSA", false),
  /** ECDSA on P-256 with SHA-256; the JWS signature is the raw 64-byte R||S. */
  ES256("ES256", "EC", false),
  /** EdDSA on Ed25519 (RFC 8037). */
  EDDSA("EdDSA", "Ed25519", false),
  /**
   * HMAC-SHA-256 with a 256-bit secret. Only where issuer and verifier are one service: the key is
   * symmetric, so it is never published in the JWK Set.
   */
  HS256("HS256", "HmacSHA256", true);

  private final String jwsName;
  private final String keyAlgorithm;
  private final boolean symmetric;

  SigningAlgorithm(String jwsName, String keyAlgorithm, boolean symmetric) {
    this.jwsName = jwsName;
    this.keyAlgorithm = keyAlgorithm;
    this.symmetric = symmetric;
  }

  /**
   * The {@code alg} header value, e.g. {@code RS256} or {@code EdDSA}.
   *
   * @return the name, exactly as in the {@code alg} header
   */
  public String jwsName() {
    return jwsName;
  }

  /**
   * The JCA key algorithm ({@code KeyFactory}/{@code KeyPairGenerator} name).
   *
   * @return the JCA name, e.g. {@code RSA}, {@code EC} or {@code Ed25519}
   */
  public String keyAlgorithm() {
    return keyAlgorithm;
  }

  /**
   * Whether the key is a shared secret (HS256), which must never be published.
   *
   * @return {@code true} only for HS256
   */
  public boolean isSymmetric() {
    return symmetric;
  }

  /**
   * The algorithm for an {@code alg} header value (exact, case-sensitive as RFC 7515 requires).
   * Empty for {@code none} and anything unknown.
   *
   * @param name the {@code alg} header value; {@code null} gives empty
   * @return the algorithm, or empty when none matches
   */
  public static Optional<SigningAlgorithm> fromJwsName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (SigningAlgorithm a : values()) {
      if (a.jwsName.equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * Parses a configuration value: the JWS name or the enum name, case-insensitive (so both
   * {@code EdDSA} and {@code EDDSA} work).
   *
   * @param name the configured text, e.g. {@code ES256} or {@code es256}
   * @return the algorithm, never {@code null}
   * @throws IllegalArgumentException for an unknown name
   */
  public static SigningAlgorithm parse(String name) {
    for (SigningAlgorithm a : values()) {
      if (a.jwsName.equalsIgnoreCase(name) || a.name().equalsIgnoreCase(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown signing algorithm: " + name);
  }
}
