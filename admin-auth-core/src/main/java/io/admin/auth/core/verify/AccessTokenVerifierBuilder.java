package io.admin.auth.core.verify;

import io.admin.auth.core.AccessTokenType;
import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.audit.AuditListener;
import io.admin.auth.core.observe.AuthObserver;
import io.admin.auth.core.spi.RevocationStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds an {@link AccessTokenVerifier}. Defaults: audience = issuer, system UTC clock, skew 30 s,
 * no-op audit, {@link JwsCrypto#defaults()}, {@code typ} {@code at+jwt} only, verified-token cache
 * on ({@value #DEFAULT_CACHE_MAX_ENTRIES} tokens, {@value #DEFAULT_CACHE_MAX_BYTES} bytes).
 * Everything is checked in {@link #build()}.
 */
public final class AccessTokenVerifierBuilder {

  /** The largest clock skew accepted. */
  public static final Duration MAX_SKEW = Duration.ofMinutes(5);

  /**
   * Default bound on cached verified tokens: above what the default byte bound holds of typical
   * tokens (about 61,000), so that for them the byte bound is the one that counts.
   */
  public static final int DEFAULT_CACHE_MAX_ENTRIES = 100_000;
  /**
   * Default bound on the cache's estimated heap use: 80 MiB, about 61,000 typical RS256 access
   * tokens, and 50,000 of tokens up to about 1,000 characters.
   */
  public static final long DEFAULT_CACHE_MAX_BYTES = 80L << 20;

  /** The smallest byte bound accepted: room for a few of the largest tokens. */
  public static final long MIN_CACHE_BYTES = 64L << 10;

  private String issuer;
  private String audience;
  private Clock clock = Clock.systemUTC();
  private Duration clockSkew = Duration.ofSeconds(30);
  private AccessTokenVerifier.KeyResolver keys;
  private RevocationStore revocationStore;
  private AuditListener auditListener = AuditListener.noop();
  private AuthObserver observer = AuthObserver.noop();
  private JwsCrypto crypto = JwsCrypto.defaults();
  private boolean cacheEnabled = true;
  private boolean acceptTestKeys;
  private int cacheMaxEntries = DEFAULT_CACHE_MAX_ENTRIES;
  private long cacheMaxBytes = DEFAULT_CACHE_MAX_BYTES;
  private SecureRandom random;
  private AccessTokenType accessTokenType = AccessTokenType.AT_JWT;

  AccessTokenVerifierBuilder() {}

  /**
   * The required {@code iss}.
   *
   * @param issuer the exact {@code iss} accepted
   * @return this builder
   */
  public AccessTokenVerifierBuilder issuer(String issuer) {
    this.issuer = issuer;
    return this;
  }

  /**
   * The audience every token must carry in {@code aud}; default: the issuer.
   *
   * @param audience the value {@code aud} must contain
   * @return this builder
   */
  public AccessTokenVerifierBuilder audience(String audience) {
    this.audience = audience;
    return this;
  }

  /**
   * The time source.
   *
   * @param clock the clock every check reads the time from
   * @return this builder
   */
  public AccessTokenVerifierBuilder clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /**
   * Tolerance for {@code exp}, {@code nbf}, {@code iat}; 0 to 5 minutes, default 30 s.
   *
   * @param clockSkew the tolerance, 0 to 5 minutes
   * @return this builder
   */
  public AccessTokenVerifierBuilder clockSkew(Duration clockSkew) {
    this.clockSkew = clockSkew;
    return this;
  }

  /**
   * Where verification keys come from (required).
   *
   * @param keys finds the verification key of a {@code kid}
   * @return this builder
   */
  public AccessTokenVerifierBuilder keys(AccessTokenVerifier.KeyResolver keys) {
    this.keys = keys;
    return this;
  }

  /**
   * The revocation list consulted for every token (required).
   *
   * @param revocationStore where revoked tokens and families are looked up
   * @return this builder
   */
  public AccessTokenVerifierBuilder revocationStore(RevocationStore revocationStore) {
    this.revocationStore = revocationStore;
    return this;
  }

  /**
   * Where the verified-token cache draws its secret hash key from; default a new {@link
   * SecureRandom}.
   *
   * @param random the source of the cache's hash key
   * @return this builder
   */
  public AccessTokenVerifierBuilder random(SecureRandom random) {
    this.random = random;
    return this;
  }

  /**
   * Receives the verified-token cache's hits and misses, for metrics; default {@link
   * AuthObserver#noop()}.
   *
   * @param observer the observer; required
   * @return this builder
   */
  public AccessTokenVerifierBuilder observer(AuthObserver observer) {
    this.observer = Objects.requireNonNull(observer, "observer");
    return this;
  }

  /**
   * Receives a {@code VerificationFailed} event per rejection.
   *
   * @param auditListener the listener of rejections
   * @return this builder
   */
  public AccessTokenVerifierBuilder auditListener(AuditListener auditListener) {
    this.auditListener = auditListener;
    return this;
  }

  /**
   * The JCA seam (provider choice); default {@link JwsCrypto#defaults()}.
   *
   * @param crypto the JCA provider choice
   * @return this builder
   */
  public AccessTokenVerifierBuilder crypto(JwsCrypto crypto) {
    this.crypto = crypto;
    return this;
  }

  /**
   * Whether keys whose {@code kid} starts with {@link AccessTokenVerifier#TEST_KEY_ID_PREFIX}
   * are trusted (default off: such tokens are refused as {@code AUTH_TOKEN_INVALID} with a message
   * naming the test key). Only tests and development tools turn it on.
   *
   * @param accept {@code true} to trust test keys (never in production)
   * @return this builder
   */
  public AccessTokenVerifierBuilder acceptTestKeys(boolean accept) {
    this.acceptTestKeys = accept;
    return this;
  }

  /**
   * The {@code typ} the issuer stamps (default {@link AccessTokenType#AT_JWT}, which accepts only
   * {@code at+jwt}); {@link AccessTokenType#JWT} accepts {@code JWT} as well, with the ID-token
   * guards described on {@link AccessTokenVerifier}.
   *
   * @param type the {@code typ} the issuer stamps
   * @return this builder
   */
  public AccessTokenVerifierBuilder accessTokenType(AccessTokenType type) {
    this.accessTokenType = type;
    return this;
  }

  /**
   * Whether verified tokens are cached (default on). Off, every call checks the signature and
   * parses the claims; the answers are the same either way.
   *
   * @param cacheEnabled {@code false} to verify every token afresh
   * @return this builder
   */
  public AccessTokenVerifierBuilder cacheEnabled(boolean cacheEnabled) {
    this.cacheEnabled = cacheEnabled;
    return this;
  }

  /**
   * The most tokens the cache holds (at least 1); default {@value #DEFAULT_CACHE_MAX_ENTRIES}.
   *
   * @param cacheMaxEntries the most tokens cached
   * @return this builder
   */
  public AccessTokenVerifierBuilder cacheMaxEntries(int cacheMaxEntries) {
    this.cacheMaxEntries = cacheMaxEntries;
    return this;
  }

  /**
   * The most estimated heap the cache uses, in bytes (at least 64 KiB); default 80 MiB. Each
   * token is counted as an estimate, on the high side, of what its entry retains: about 350 bytes,
   * plus the token itself (a byte per character), plus its claims that other tokens do not share:
   * about 1,380 bytes in all for a typical RS256 access token of this library (750 characters),
   * so 80 MiB holds about 61,000 of them. Nothing is allocated ahead: the bound is reached only
   * by that many distinct live tokens.
   *
   * @param cacheMaxBytes the most estimated bytes cached
   * @return this builder
   */
  public AccessTokenVerifierBuilder cacheMaxBytes(long cacheMaxBytes) {
    this.cacheMaxBytes = cacheMaxBytes;
    return this;
  }

  /**
   * The verifier.
   *
   * @return a ready verifier
   * @throws IllegalArgumentException or NullPointerException for a missing or invalid setting
   */
  public AccessTokenVerifier build() {
    String aud = checkCommon(issuer, audience, clockSkew, crypto, accessTokenType);
    Objects.requireNonNull(keys, "keys");
    AccessTokenVerifier.KeyResolver resolver = keys;
    return new AccessTokenVerifier(issuer, aud, clock, clockSkew, resolver::find, revocationStore,
        auditListener, crypto, cache(cacheEnabled, cacheMaxEntries, cacheMaxBytes, random),
        acceptTestKeys,
        accessTokenType, observer);
  }

  /**
   * The checks every verifier builder shares; answers the audience (the issuer when unset).
   *
   * @throws IllegalArgumentException or NullPointerException for a missing or invalid setting
   */
  static String checkCommon(String issuer, String audience, Duration clockSkew, JwsCrypto crypto,
      AccessTokenType type) {
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException("issuer is required");
    }
    Objects.requireNonNull(clockSkew, "clockSkew");
    if (clockSkew.isNegative() || clockSkew.compareTo(MAX_SKEW) > 0) {
      throw new IllegalArgumentException("clockSkew must be between 0 and " + MAX_SKEW);
    }
    Objects.requireNonNull(crypto, "crypto");
    Objects.requireNonNull(type, "accessTokenType");
    String aud = audience == null ? issuer : audience;
    if (aud.isBlank()) {
      throw new IllegalArgumentException("audience must not be blank");
    }
    return aud;
  }

  // The cache for these settings, or null when off; its hash key comes from random (a new
  // SecureRandom when null).
  static VerifiedTokenCache cache(boolean enabled, int maxEntries, long maxBytes,
      SecureRandom random) {
    if (!enabled) {
      return null;
    }
    checkCacheBounds(maxEntries, maxBytes);
    return new VerifiedTokenCache(maxEntries, maxBytes,
        random != null ? random : new SecureRandom());
  }

  /**
   * Throws {@link IllegalArgumentException} unless the cache bounds are usable: at least one entry
   * and {@link #MIN_CACHE_BYTES}. Lets builders that wrap this one fail early with the same rule.
   *
   * @param maxEntries the most entries, at least 1
   * @param maxBytes the most estimated bytes, at least {@link #MIN_CACHE_BYTES}
   */
  public static void checkCacheBounds(int maxEntries, long maxBytes) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("cacheMaxEntries must be at least 1");
    }
    if (maxBytes < MIN_CACHE_BYTES) {
      throw new IllegalArgumentException("cacheMaxBytes must be at least " + MIN_CACHE_BYTES);
    }
  }
}
