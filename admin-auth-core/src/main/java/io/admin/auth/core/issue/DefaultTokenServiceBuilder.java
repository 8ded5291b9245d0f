package io.admin.auth.core.issue;

import io.admin.auth.core.verify.AccessTokenVerifierBuilder;

import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.key.KeyRotationPolicy;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.audit.AuditListener;
import io.admin.auth.core.audit.Slf4jAuditListener;
import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.spi.SigningKeyStore;
import io.admin.auth.core.spi.RefreshTokenStore;
import io.admin.auth.core.spi.RevocationStore;
import io.admin.auth.core.store.memory.InMemoryClientStore;
import io.admin.auth.core.store.memory.InMemorySigningKeyStore;
import io.admin.auth.core.store.memory.InMemoryRefreshTokenStore;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link DefaultTokenService}. Only {@link #issuer} is required; every other setting has
 * a safe default, and everything is checked in {@link #build()}.
 *
 * <p>A store left unset is replaced by its in-memory implementation, which is right for tests and
 * a single development process but keeps nothing across a restart; {@link #build()} logs one
 * warning naming every store it filled in that way.
 */
public final class DefaultTokenServiceBuilder {

  private static final Logger LOG = LoggerFactory.getLogger(DefaultTokenServiceBuilder.class);

  String issuer;
  String audience;
  Clock clock = Clock.systemUTC();
  SecureRandom random;
  byte[] secretPepper;
  SigningKeyStore keyStore;
  ClientStore clientStore;
  RefreshTokenStore refreshTokenStore;
  RevocationStore revocationStore;
  SigningAlgorithm signingAlgorithm = SigningAlgorithm.RS256;
  Duration accessTokenTtl = DefaultTokenService.MAX_ACCESS_TOKEN_TTL;
  Duration refreshTokenTtl = Duration.ofDays(30);
  Duration clockSkew = Duration.ofSeconds(30);
  Duration keyRingRefresh = Duration.ofMinutes(1);
  KeyRotationPolicy keyRotationPolicy = KeyRotationPolicy.defaults();
  AuditListener auditListener;
  JwsCrypto crypto = JwsCrypto.defaults();
  boolean verifiedTokenCache = true;
  int verifiedTokenCacheMaxEntries = AccessTokenVerifierBuilder.DEFAULT_CACHE_MAX_ENTRIES;
  long verifiedTokenCacheMaxBytes = AccessTokenVerifierBuilder.DEFAULT_CACHE_MAX_BYTES;
  boolean acceptTestKeys;

  DefaultTokenServiceBuilder() {}

  /** The {@code iss} of issued tokens and the issuer every verified token must have. Required. */
  public DefaultTokenServiceBuilder issuer(String issuer) {
    this.issuer = issuer;
    return this;
  }

  /** The {@code aud} of issued tokens and the audience verified tokens must carry; default: issuer. */
  public DefaultTokenServiceBuilder audience(String audience) {
    this.audience = audience;
    return this;
  }

  /** The time source; default the system UTC clock. */
  public DefaultTokenServiceBuilder clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /** Randomness for keys, tokens and ids; default a new {@link SecureRandom}. */
  public DefaultTokenServiceBuilder random(SecureRandom random) {
    this.random = random;
    return this;
  }

  /**
   * The server-side pepper (at least 32 bytes) keying the hashes of client secrets and refresh
   * tokens. Default: random per instance, which is only fine when the hashes die with the process
   * too. So {@link #build()} refuses to go without an explicit pepper when the client store or the
   * refresh-token store says it is {@linkplain ClientStore#persistent() persistent}
   * ({@linkplain RefreshTokenStore#persistent() ditto}): a restart would change the pepper and
   * make every stored hash unverifiable. Stores left unset are in memory, hence not persistent.
   */
  public DefaultTokenServiceBuilder secretPepper(byte[] secretPepper) {
    this.secretPepper = secretPepper == null ? null : secretPepper.clone();
    return this;
  }

  /** Signing keys; default in memory. */
  public DefaultTokenServiceBuilder keyStore(SigningKeyStore keyStore) {
    this.keyStore = keyStore;
    return this;
  }

  /** Registered clients; default in memory. */
  public DefaultTokenServiceBuilder clientStore(ClientStore clientStore) {
    this.clientStore = clientStore;
    return this;
  }

  /** Refresh tokens; default in memory. */
  public DefaultTokenServiceBuilder refreshTokenStore(RefreshTokenStore refreshTokenStore) {
    this.refreshTokenStore = refreshTokenStore;
    return this;
  }

  /** Revoked access tokens and families; default in memory. */
  public DefaultTokenServiceBuilder revocationStore(RevocationStore revocationStore) {
    this.revocationStore = revocationStore;
    return this;
  }

  /** The algorithm of new keys; default RS256. A change takes effect through a normal rotation. */
  public DefaultTokenServiceBuilder signingAlgorithm(SigningAlgorithm signingAlgorithm) {
    this.signingAlgorithm = signingAlgorithm;
    return this;
  }

  /** Default access-token lifetime; default and maximum 1 hour. */
  public DefaultTokenServiceBuilder accessTokenTtl(Duration accessTokenTtl) {
    this.accessTokenTtl = accessTokenTtl;
    return this;
  }

  /** Default refresh-token lifetime, renewed on each rotation; default 30 days. */
  public DefaultTokenServiceBuilder refreshTokenTtl(Duration refreshTokenTtl) {
    this.refreshTokenTtl = refreshTokenTtl;
    return this;
  }

  /** Tolerance for {@code exp}/{@code nbf}/{@code iat}; 0 to 5 minutes, default 30 s. */
  public DefaultTokenServiceBuilder clockSkew(Duration clockSkew) {
    this.clockSkew = clockSkew;
    return this;
  }

  /** When keys rotate; default {@link KeyRotationPolicy#defaults()}. */
  public DefaultTokenServiceBuilder keyRotationPolicy(KeyRotationPolicy keyRotationPolicy) {
    this.keyRotationPolicy = keyRotationPolicy;
    return this;
  }

  /**
   * How often the cached key ring is re-read from the key store (and due rotations run) on use;
   * default 1 minute. Must be shorter than the policy's pre-publish time.
   */
  public DefaultTokenServiceBuilder keyRingRefresh(Duration keyRingRefresh) {
    this.keyRingRefresh = keyRingRefresh;
    return this;
  }

  /** Receives audit events; default {@link io.admin.auth.core.audit.Slf4jAuditListener}. */
  public DefaultTokenServiceBuilder auditListener(AuditListener auditListener) {
    this.auditListener = auditListener;
    return this;
  }

  /**
   * The JCA seam (provider choice per algorithm); default {@link JwsCrypto#defaults()}
   * (BouncyCastle's lightweight API for ES256 and EdDSA, the JDK for the rest).
   */
  public DefaultTokenServiceBuilder crypto(JwsCrypto crypto) {
    this.crypto = crypto;
    return this;
  }

  /**
   * Whether the service's verifier trusts keys made for tests ({@code kid} starting with {@link
   * io.admin.auth.core.verify.AccessTokenVerifier#TEST_KEY_ID_PREFIX}, as the testkit's keys);
   * default off. The testkit's JUnit extension and mock server turn it on.
   */
  public DefaultTokenServiceBuilder acceptTestKeys(boolean accept) {
    this.acceptTestKeys = accept;
    return this;
  }

  /**
   * Whether {@link DefaultTokenService#verify} caches verified tokens (default on); see
   * {@link io.admin.auth.core.verify.AccessTokenVerifier}. Answers are the same either way.
   */
  public DefaultTokenServiceBuilder verifiedTokenCache(boolean enabled) {
    this.verifiedTokenCache = enabled;
    return this;
  }

  /** Bounds of the verified-token cache: entries (default 10,000) and estimated bytes (32 MiB). */
  public DefaultTokenServiceBuilder verifiedTokenCacheBounds(int maxEntries, long maxBytes) {
    this.verifiedTokenCacheMaxEntries = maxEntries;
    this.verifiedTokenCacheMaxBytes = maxBytes;
    return this;
  }

  /**
   * The service; also loads (and, for an empty key store, creates) the signing keys. Logs one
   * warning when any store was left unset and is therefore in memory.
   *
   * @throws IllegalArgumentException or NullPointerException for a missing or invalid setting,
   *     including a missing {@link #secretPepper} with a persistent client or refresh-token store
   * @throws io.admin.auth.core.AuthUnavailableException when the key store cannot be reached
   */
  public DefaultTokenService build() {
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException("issuer is required");
    }
    if (audience != null && audience.isBlank()) {
      throw new IllegalArgumentException("audience must not be blank");
    }
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(signingAlgorithm, "signingAlgorithm");
    Objects.requireNonNull(keyRotationPolicy, "keyRotationPolicy");
    Objects.requireNonNull(crypto, "crypto");
    requirePositive(accessTokenTtl, "accessTokenTtl");
    if (accessTokenTtl.compareTo(DefaultTokenService.MAX_ACCESS_TOKEN_TTL) > 0) {
      throw new IllegalArgumentException("accessTokenTtl must be at most 1 hour");
    }
    requirePositive(refreshTokenTtl, "refreshTokenTtl");
    requirePositive(keyRingRefresh, "keyRingRefresh");
    if (keyRingRefresh.compareTo(keyRotationPolicy.prePublish()) >= 0) {
      throw new IllegalArgumentException("keyRingRefresh must be shorter than prePublish");
    }
    Objects.requireNonNull(clockSkew, "clockSkew");
    if (clockSkew.isNegative() || clockSkew.compareTo(AccessTokenVerifierBuilder.MAX_SKEW) > 0) {
      throw new IllegalArgumentException("clockSkew must be between 0 and 5 minutes");
    }
    AccessTokenVerifierBuilder.checkCacheBounds(verifiedTokenCacheMaxEntries,
        verifiedTokenCacheMaxBytes);
    if (secretPepper == null && hashesOutliveProcess()) {
      throw new IllegalArgumentException(
          "secretPepper is required with a persistent client or refresh-token store");
    }
    List<String> defaulted = inMemoryDefaults();
    DefaultTokenService service = new DefaultTokenService(this);
    if (!defaulted.isEmpty()) {
      LOG.warn("Token service for {} keeps {} in memory (no store configured): nothing in them "
          + "survives a restart", issuer, String.join(", ", defaulted));
    }
    return service;
  }

  // An unset store becomes an in-memory one, which is not persistent.
  private boolean hashesOutliveProcess() {
    return (clientStore != null && clientStore.persistent())
        || (refreshTokenStore != null && refreshTokenStore.persistent());
  }

  /** What {@link #build()} will keep in in-memory stores because no store was given for it. */
  List<String> inMemoryDefaults() {
    List<String> out = new ArrayList<>();
    if (keyStore == null) {
      out.add("signing keys");
    }
    if (clientStore == null) {
      out.add("clients");
    }
    if (refreshTokenStore == null) {
      out.add("refresh tokens");
    }
    if (revocationStore == null) {
      out.add("revocations");
    }
    return List.copyOf(out);
  }

  // Defaults that need objects are made here, so a builder can be reused without sharing them.
  SecureRandom randomOrDefault() {
    return random != null ? random : new SecureRandom();
  }

  // Random per instance only when build() allowed it: no stored hash outlives the process.
  byte[] pepperOrRandom(SecureRandom random) {
    if (secretPepper != null) {
      return secretPepper;
    }
    byte[] pepper = new byte[32];
    random.nextBytes(pepper);
    return pepper;
  }

  AuditListener auditListenerOrDefault() {
    return auditListener != null ? auditListener : new Slf4jAuditListener();
  }

  SigningKeyStore keyStoreOrDefault() {
    return keyStore != null ? keyStore : new InMemorySigningKeyStore();
  }

  ClientStore clientStoreOrDefault() {
    return clientStore != null ? clientStore : new InMemoryClientStore();
  }

  RefreshTokenStore refreshTokenStoreOrDefault() {
    return refreshTokenStore != null ? refreshTokenStore : new InMemoryRefreshTokenStore();
  }

  RevocationStore revocationStoreOrDefault() {
    return revocationStore != null ? revocationStore : new InMemoryRevocationStore();
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
