package io.admin.auth.core.verify;

import io.admin.auth.core.AccessTokenType;
import io.admin.auth.core.audit.AuditListener;
import io.admin.auth.core.observe.AuthObserver;
import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.spi.RevocationStore;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds an {@link AccessTokenVerifier} for a resource server: a node that verifies this library's
 * access tokens with nothing but the issuer's public keys. Get one from {@link
 * AccessTokenVerifier#resourceServer()}.
 *
 * <pre>{@code
 * AccessTokenVerifier verifier = AccessTokenVerifier.resourceServer()
 *     .issuer("https://auth.example.com")
 *     .audience("orders-api")
 *     .publicKeys(RemoteJwkSetCache.create(
 *         URI.create("https://auth.example.com/.well-known/jwks.json"), false,
 *         JwksCachePolicy.defaults(), Clock.systemUTC()))
 *     // or .publicKeys(PublicKeySource.jwkSetFile(Path.of("/etc/orders/issuer-jwks.json")))
 *     .build();
 * }</pre>
 *
 * <p>The verifier is exactly as strict as the issuer's own: {@code typ} {@code at+jwt} (or, with
 * {@link #accessTokenType} {@code JWT}, also {@code JWT} with the ID-token guards), {@code iss},
 * {@code aud}, lifetime, and {@code alg} pinned to the key the {@code kid} names. Nothing here takes
 * a private key: there is no method for one, and {@link PublicKeySource#jwkSet} refuses a JWK Set
 * holding private material.
 *
 * <p>Revocation: a resource server sees only the revocations in {@link #revocationStore} (default:
 * none, an empty in-memory list), so an access token revoked at the issuer stays valid here until
 * it expires (at most one hour). Share the issuer's revocation store to close that gap.
 *
 * <p>Defaults as {@link AccessTokenVerifierBuilder}: audience = issuer, system UTC clock, skew 30 s,
 * no-op audit, {@link JwsCrypto#defaults()}, verified-token cache on. Checked in {@link #build()}.
 */
public final class ResourceServerVerifierBuilder {

  private String issuer;
  private String audience;
  private PublicKeySource publicKeys;
  private Clock clock = Clock.systemUTC();
  private Duration clockSkew = Duration.ofSeconds(30);
  private RevocationStore revocationStore;
  private AuditListener auditListener = AuditListener.noop();
  private AuthObserver observer = AuthObserver.noop();
  private JwsCrypto crypto = JwsCrypto.defaults();
  private AccessTokenType accessTokenType = AccessTokenType.AT_JWT;
  private boolean acceptTestKeys;
  private boolean cacheEnabled = true;
  private int cacheMaxEntries = AccessTokenVerifierBuilder.DEFAULT_CACHE_MAX_ENTRIES;
  private long cacheMaxBytes = AccessTokenVerifierBuilder.DEFAULT_CACHE_MAX_BYTES;

  ResourceServerVerifierBuilder() {}

  /**
   * The issuer whose tokens are accepted: the exact {@code iss} they carry (required).
   *
   * @param issuer the exact {@code iss} accepted
   * @return this builder
   */
  public ResourceServerVerifierBuilder issuer(String issuer) {
    this.issuer = issuer;
    return this;
  }

  /**
   * The audience every token must carry in {@code aud}; default: the issuer.
   *
   * @param audience the value {@code aud} must contain
   * @return this builder
   */
  public ResourceServerVerifierBuilder audience(String audience) {
    this.audience = audience;
    return this;
  }

  /**
   * The issuer's public keys (required): {@link PublicKeySource#jwkSetFile}, {@link
   * PublicKeySource#jwkSet}, or the issuer's JWKS URL through {@link
   * io.admin.auth.core.federation.RemoteJwkSetCache}.
   *
   * @param publicKeys where the issuer's public keys come from
   * @return this builder
   */
  public ResourceServerVerifierBuilder publicKeys(PublicKeySource publicKeys) {
    this.publicKeys = publicKeys;
    return this;
  }

  /**
   * The time source; default the system UTC clock.
   *
   * @param clock the clock every check reads the time from
   * @return this builder
   */
  public ResourceServerVerifierBuilder clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /**
   * Tolerance for {@code exp}, {@code nbf}, {@code iat}; 0 to 5 minutes, default 30 s.
   *
   * @param clockSkew the tolerance, 0 to 5 minutes
   * @return this builder
   */
  public ResourceServerVerifierBuilder clockSkew(Duration clockSkew) {
    this.clockSkew = clockSkew;
    return this;
  }

  /**
   * The revocation list to consult; default none (see the class comment).
   *
   * @param revocationStore the revocation store the issuer writes to, or {@code null} for none
   * @return this builder
   */
  public ResourceServerVerifierBuilder revocationStore(RevocationStore revocationStore) {
    this.revocationStore = revocationStore;
    return this;
  }

  /**
   * Receives the verified-token cache's hits and misses, for metrics; default {@link
   * AuthObserver#noop()}.
   *
   * @param observer the observer; required
   * @return this builder
   */
  public ResourceServerVerifierBuilder observer(AuthObserver observer) {
    this.observer = Objects.requireNonNull(observer, "observer");
    return this;
  }

  /**
   * Receives a {@code VerificationFailed} event per rejection; default none.
   *
   * @param auditListener the listener of rejections
   * @return this builder
   */
  public ResourceServerVerifierBuilder auditListener(AuditListener auditListener) {
    this.auditListener = auditListener;
    return this;
  }

  /**
   * The JCA seam (provider choice); default {@link JwsCrypto#defaults()}.
   *
   * @param crypto the JCA provider choice
   * @return this builder
   */
  public ResourceServerVerifierBuilder crypto(JwsCrypto crypto) {
    this.crypto = crypto;
    return this;
  }

  /**
   * The {@code typ} the issuer stamps, as set there (default {@link AccessTokenType#AT_JWT});
   * see {@link AccessTokenVerifierBuilder#accessTokenType}.
   *
   * @param type the {@code typ} the issuer stamps
   * @return this builder
   */
  public ResourceServerVerifierBuilder accessTokenType(AccessTokenType type) {
    this.accessTokenType = type;
    return this;
  }

  /**
   * As {@link AccessTokenVerifierBuilder#acceptTestKeys}; default off.
   *
   * @param accept {@code true} to trust test keys (never in production)
   * @return this builder
   */
  public ResourceServerVerifierBuilder acceptTestKeys(boolean accept) {
    this.acceptTestKeys = accept;
    return this;
  }

  /**
   * As {@link AccessTokenVerifierBuilder#cacheEnabled}; default on.
   *
   * @param enabled {@code false} to verify every token afresh
   * @return this builder
   */
  public ResourceServerVerifierBuilder cacheEnabled(boolean enabled) {
    this.cacheEnabled = enabled;
    return this;
  }

  /**
   * As {@link AccessTokenVerifierBuilder#cacheMaxEntries} and {@code cacheMaxBytes}.
   *
   * @param maxEntries the most tokens cached, at least 1
   * @param maxBytes the most estimated bytes cached
   * @return this builder
   */
  public ResourceServerVerifierBuilder cacheBounds(int maxEntries, long maxBytes) {
    this.cacheMaxEntries = maxEntries;
    this.cacheMaxBytes = maxBytes;
    return this;
  }

  /**
   * The verifier.
   *
   * @return a ready verifier
   * @throws IllegalArgumentException or NullPointerException for a missing or invalid setting
   */
  public AccessTokenVerifier build() {
    String aud = AccessTokenVerifierBuilder.checkCommon(issuer, audience, clockSkew, crypto,
        accessTokenType);
    Objects.requireNonNull(publicKeys, "publicKeys");
    Objects.requireNonNull(clock, "clock");
    PublicKeySource keys = publicKeys;
    RevocationStore revocations = revocationStore != null ? revocationStore
        : new InMemoryRevocationStore();
    return new AccessTokenVerifier(issuer, aud, clock, clockSkew, keys::find, revocations,
        auditListener, crypto,
        AccessTokenVerifierBuilder.cache(cacheEnabled, cacheMaxEntries, cacheMaxBytes, null),
        acceptTestKeys, accessTokenType, observer);
  }
}
