package io.admin.auth.core.token;

import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.spi.AuditListener;
import io.admin.auth.core.spi.RevocationStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds an {@link AccessTokenVerifier}. Defaults: audience = issuer, system UTC clock, skew 30 s,
 * no-op audit, JDK crypto providers. Everything is checked in {@link #build()}.
 */
public final class AccessTokenVerifierBuilder {

  /** The largest clock skew accepted. */
  public static final Duration MAX_SKEW = Duration.ofMinutes(5);

  private String issuer;
  private String audience;
  private Clock clock = Clock.systemUTC();
  private Duration clockSkew = Duration.ofSeconds(30);
  private AccessTokenVerifier.KeyResolver keys;
  private RevocationStore revocationStore;
  private AuditListener auditListener = AuditListener.noop();
  private JwsCrypto crypto = JwsCrypto.jdk();

  AccessTokenVerifierBuilder() {}

  /** The required {@code iss}. */
  public AccessTokenVerifierBuilder issuer(String issuer) {
    this.issuer = issuer;
    return this;
  }

  /** The audience every token must carry in {@code aud}; default: the issuer. */
  public AccessTokenVerifierBuilder audience(String audience) {
    this.audience = audience;
    return this;
  }

  /** The time source. */
  public AccessTokenVerifierBuilder clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /** Tolerance for {@code exp}, {@code nbf}, {@code iat}; 0 to 5 minutes, default 30 s. */
  public AccessTokenVerifierBuilder clockSkew(Duration clockSkew) {
    this.clockSkew = clockSkew;
    return this;
  }

  /** Where verification keys come from (required). */
  public AccessTokenVerifierBuilder keys(AccessTokenVerifier.KeyResolver keys) {
    this.keys = keys;
    return this;
  }

  /** The revocation list consulted for every token (required). */
  public AccessTokenVerifierBuilder revocationStore(RevocationStore revocationStore) {
    this.revocationStore = revocationStore;
    return this;
  }

  /** Receives a {@code VerificationFailed} event per rejection. */
  public AccessTokenVerifierBuilder auditListener(AuditListener auditListener) {
    this.auditListener = auditListener;
    return this;
  }

  /** The JCA seam (provider choice). */
  public AccessTokenVerifierBuilder crypto(JwsCrypto crypto) {
    this.crypto = crypto;
    return this;
  }

  /**
   * The verifier.
   *
   * @throws IllegalArgumentException or NullPointerException for a missing or invalid setting
   */
  public AccessTokenVerifier build() {
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException("issuer is required");
    }
    Objects.requireNonNull(clockSkew, "clockSkew");
    if (clockSkew.isNegative() || clockSkew.compareTo(MAX_SKEW) > 0) {
      throw new IllegalArgumentException("clockSkew must be between 0 and " + MAX_SKEW);
    }
    String aud = audience == null ? issuer : audience;
    if (aud.isBlank()) {
      throw new IllegalArgumentException("audience must not be blank");
    }
    return new AccessTokenVerifier(issuer, aud, clock, clockSkew, keys, revocationStore,
        auditListener, crypto);
  }
}
