package io.admin.auth.core.issue;

import io.admin.auth.core.verify.AccessTokenVerifierBuilder;

import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.key.KeyRotationPolicy;
import io.admin.auth.core.AccessTokenType;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.audit.AuditListener;
import io.admin.auth.core.audit.Slf4jAuditListener;
import io.admin.auth.core.observe.AuthObserver;
import io.admin.auth.core.spi.AuthorizationCodeStore;
import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.spi.PersonDirectory;
import io.admin.auth.core.spi.SigningKeyStore;
import io.admin.auth.core.spi.RefreshTokenStore;
import io.admin.auth.core.spi.RevocationStore;
import io.admin.auth.core.store.memory.InMemoryAuthorizationCodeStore;
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
import java.util.Optional;
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
  AuthorizationCodeStore authorizationCodeStore;
  Duration authorizationCodeTtl = AuthorizationCodes.MAX_TTL;
  Duration idTokenTtl = Duration.ofMinutes(5);
  PersonDirectory personDirectory;
  boolean keepRs256KeyForIdTokens;
  SigningAlgorithm signingAlgorithm = SigningAlgorithm.RS256;
  Duration accessTokenTtl = DefaultTokenService.MAX_ACCESS_TOKEN_TTL;
  Duration refreshTokenTtl = Duration.ofDays(30);
  Duration clockSkew = Duration.ofSeconds(30);
  Duration keyRingRefresh = Duration.ofMinutes(1);
  KeyRotationPolicy keyRotationPolicy = KeyRotationPolicy.defaults();
  AuditListener auditListener;
  AuthObserver observer = AuthObserver.noop();
  JwsCrypto crypto = JwsCrypto.defaults();
  boolean verifiedTokenCache = true;
  int verifiedTokenCacheMaxEntries = AccessTokenVerifierBuilder.DEFAULT_CACHE_MAX_ENTRIES;
  long verifiedTokenCacheMaxBytes = AccessTokenVerifierBuilder.DEFAULT_CACHE_MAX_BYTES;
  boolean acceptTestKeys;
  AccessTokenType accessTokenType = AccessTokenType.AT_JWT;

  DefaultTokenServiceBuilder() {}

  /**
   * The {@code iss} of issued tokens and the issuer every verified token must have. Required.
   *
   * @param issuer the issuer identifier, e.g. {@code https://auth.example.com}
   * @return this builder
   */
  public DefaultTokenServiceBuilder issuer(String issuer) {
    this.issuer = issuer;
    return this;
  }

  /**
   * The {@code aud} of issued tokens and the audience verified tokens must carry; default: issuer.
   *
   * @param audience the {@code aud} of issued tokens
   * @return this builder
   */
  public DefaultTokenServiceBuilder audience(String audience) {
    this.audience = audience;
    return this;
  }

  /**
   * The time source; default the system UTC clock.
   *
   * @param clock the clock every instant is read from
   * @return this builder
   */
  public DefaultTokenServiceBuilder clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /**
   * Randomness for keys, tokens and ids; default a new {@link SecureRandom}.
   *
   * @param random the source of keys, tokens and ids
   * @return this builder
   */
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
   *
   * @param secretPepper the pepper, copied; at least 32 bytes
   * @return this builder
   */
  public DefaultTokenServiceBuilder secretPepper(byte[] secretPepper) {
    this.secretPepper = secretPepper == null ? null : secretPepper.clone();
    return this;
  }

  /**
   * Signing keys; default in memory.
   *
   * @param keyStore where signing keys are kept
   * @return this builder
   */
  public DefaultTokenServiceBuilder keyStore(SigningKeyStore keyStore) {
    this.keyStore = keyStore;
    return this;
  }

  /**
   * Registered clients; default in memory.
   *
   * @param clientStore where clients are kept
   * @return this builder
   */
  public DefaultTokenServiceBuilder clientStore(ClientStore clientStore) {
    this.clientStore = clientStore;
    return this;
  }

  /**
   * Refresh tokens; default in memory.
   *
   * @param refreshTokenStore where refresh tokens are kept
   * @return this builder
   */
  public DefaultTokenServiceBuilder refreshTokenStore(RefreshTokenStore refreshTokenStore) {
    this.refreshTokenStore = refreshTokenStore;
    return this;
  }

  /**
   * Revoked access tokens and families; default in memory.
   *
   * @param revocationStore where revocations are kept
   * @return this builder
   */
  public DefaultTokenServiceBuilder revocationStore(RevocationStore revocationStore) {
    this.revocationStore = revocationStore;
    return this;
  }

  /**
   * Authorization codes of the {@code authorization_code} grant; default in memory, which only
   * one node can use: nodes behind one load balancer need a shared store (and one {@link
   * #secretPepper}), as a code issued by one node is redeemed at whichever the client reaches.
   *
   * @param store where authorization codes are kept
   * @return this builder
   */
  public DefaultTokenServiceBuilder authorizationCodeStore(AuthorizationCodeStore store) {
    this.authorizationCodeStore = store;
    return this;
  }

  /**
   * How long an authorization code can be redeemed; default and maximum 60 s.
   *
   * @param authorizationCodeTtl the code lifetime, positive, at most 60 s
   * @return this builder
   */
  public DefaultTokenServiceBuilder authorizationCodeTtl(Duration authorizationCodeTtl) {
    this.authorizationCodeTtl = authorizationCodeTtl;
    return this;
  }

  /**
   * How long an ID token is valid; default 5 minutes, at most 1 hour.
   *
   * @param idTokenTtl the ID-token lifetime, positive, at most 1 hour
   * @return this builder
   */
  public DefaultTokenServiceBuilder idTokenTtl(Duration idTokenTtl) {
    this.idTokenTtl = idTokenTtl;
    return this;
  }

  /**
   * Where ID tokens and UserInfo read a person's claims; default a directory that knows nobody,
   * so only {@code sub} is released. {@link io.admin.auth.core.signin.UserStorePersonDirectory}
   * serves the users of a user store.
   *
   * @param personDirectory where people's claims are read
   * @return this builder
   */
  public DefaultTokenServiceBuilder personDirectory(PersonDirectory personDirectory) {
    this.personDirectory = personDirectory;
    return this;
  }

  /**
   * Whether to keep an RS256 key for ID tokens beside the {@link #signingAlgorithm} keys, when
   * that algorithm is not RS256; default off. OpenID Connect clients expect RS256 ID tokens, so a
   * service that signs people in with another algorithm needs it: the key is rotated on the same
   * policy and published in the JWK Set, and never signs access tokens. With RS256 (the default
   * algorithm) ID tokens use the access-token key and this setting changes nothing.
   *
   * @param keep {@code true} to keep the RS256 key
   * @return this builder
   */
  public DefaultTokenServiceBuilder keepRs256KeyForIdTokens(boolean keep) {
    this.keepRs256KeyForIdTokens = keep;
    return this;
  }

  /**
   * The algorithm of new keys; default RS256. A change takes effect through a normal rotation.
   *
   * @param signingAlgorithm the algorithm of new keys
   * @return this builder
   */
  public DefaultTokenServiceBuilder signingAlgorithm(SigningAlgorithm signingAlgorithm) {
    this.signingAlgorithm = signingAlgorithm;
    return this;
  }

  /**
   * The {@code typ} header of issued access tokens: {@link AccessTokenType#AT_JWT} (default, RFC
   * 9068) or {@link AccessTokenType#JWT} for relying parties that accept nothing else, such as
   * Spring Security's default validators. With {@code JWT} the service's own verifier accepts both
   * (with the ID-token guards described on {@link AccessTokenType}); resource servers must be
   * told the same with {@link io.admin.auth.core.verify.ResourceServerVerifierBuilder#accessTokenType}.
   *
   * @param type the {@code typ} of issued access tokens
   * @return this builder
   */
  public DefaultTokenServiceBuilder accessTokenType(AccessTokenType type) {
    this.accessTokenType = type;
    return this;
  }

  /**
   * Default access-token lifetime; default and maximum 1 hour.
   *
   * @param accessTokenTtl the lifetime, positive, at most 1 hour
   * @return this builder
   */
  public DefaultTokenServiceBuilder accessTokenTtl(Duration accessTokenTtl) {
    this.accessTokenTtl = accessTokenTtl;
    return this;
  }

  /**
   * Default refresh-token lifetime, renewed on each rotation; default 30 days.
   *
   * @param refreshTokenTtl the lifetime, positive
   * @return this builder
   */
  public DefaultTokenServiceBuilder refreshTokenTtl(Duration refreshTokenTtl) {
    this.refreshTokenTtl = refreshTokenTtl;
    return this;
  }

  /**
   * Tolerance for {@code exp}/{@code nbf}/{@code iat}; 0 to 5 minutes, default 30 s.
   *
   * @param clockSkew the tolerance, 0 to 5 minutes
   * @return this builder
   */
  public DefaultTokenServiceBuilder clockSkew(Duration clockSkew) {
    this.clockSkew = clockSkew;
    return this;
  }

  /**
   * When keys rotate; default {@link KeyRotationPolicy#defaults()}.
   *
   * @param keyRotationPolicy the intervals of rotation, pre-publication and retention
   * @return this builder
   */
  public DefaultTokenServiceBuilder keyRotationPolicy(KeyRotationPolicy keyRotationPolicy) {
    this.keyRotationPolicy = keyRotationPolicy;
    return this;
  }

  /**
   * How often the cached key ring is re-read from the key store (and due rotations run) on use;
   * default 1 minute. Must be shorter than the policy's pre-publish time.
   *
   * @param keyRingRefresh the refresh interval, positive
   * @return this builder
   */
  public DefaultTokenServiceBuilder keyRingRefresh(Duration keyRingRefresh) {
    this.keyRingRefresh = keyRingRefresh;
    return this;
  }

  /**
   * Receives what the service does, for metrics: its audit events (after the {@link
   * #auditListener}, which it does not replace), its verifier's cache hits and misses, and its key
   * rotation steps. Default {@link AuthObserver#noop()}.
   *
   * @param observer the observer; required
   * @return this builder
   */
  public DefaultTokenServiceBuilder observer(AuthObserver observer) {
    this.observer = Objects.requireNonNull(observer, "observer");
    return this;
  }

  /**
   * Receives audit events; default {@link io.admin.auth.core.audit.Slf4jAuditListener}.
   *
   * @param auditListener the listener of audit events
   * @return this builder
   */
  public DefaultTokenServiceBuilder auditListener(AuditListener auditListener) {
    this.auditListener = auditListener;
    return this;
  }

  /**
   * The JCA seam (provider choice per algorithm); default {@link JwsCrypto#defaults()}
   * (BouncyCastle's lightweight API for ES256 and EdDSA, the JDK for the rest).
   *
   * @param crypto the JCA provider choice
   * @return this builder
   */
  public DefaultTokenServiceBuilder crypto(JwsCrypto crypto) {
    this.crypto = crypto;
    return this;
  }

  /**
   * Whether the service's verifier trusts keys made for tests ({@code kid} starting with {@link
   * io.admin.auth.core.verify.AccessTokenVerifier#TEST_KEY_ID_PREFIX}, as the testkit's keys);
   * default off. The testkit's JUnit extension and mock server turn it on.
   *
   * @param accept {@code true} to trust test keys (never in production)
   * @return this builder
   */
  public DefaultTokenServiceBuilder acceptTestKeys(boolean accept) {
    this.acceptTestKeys = accept;
    return this;
  }

  /**
   * Whether {@link DefaultTokenService#verify} caches verified tokens (default on); see
   * {@link io.admin.auth.core.verify.AccessTokenVerifier}. Answers are the same either way.
   *
   * @param enabled {@code false} to verify every token afresh
   * @return this builder
   */
  public DefaultTokenServiceBuilder verifiedTokenCache(boolean enabled) {
    this.verifiedTokenCache = enabled;
    return this;
  }

  /**
   * Bounds of the verified-token cache: entries (default 100,000) and estimated bytes (80 MiB,
   * about 61,000 typical RS256 access tokens); see {@link AccessTokenVerifierBuilder#cacheMaxBytes}.
   *
   * @param maxEntries the most entries kept, positive
   * @param maxBytes the most estimated bytes kept, positive
   * @return this builder
   */
  public DefaultTokenServiceBuilder verifiedTokenCacheBounds(int maxEntries, long maxBytes) {
    this.verifiedTokenCacheMaxEntries = maxEntries;
    this.verifiedTokenCacheMaxBytes = maxBytes;
    return this;
  }

  /**
   * The service; also loads (and, for an empty key store, creates) the signing keys. Logs one
   * warning when any store was left unset and is therefore in memory.
   *
   * @return a ready service with its signing keys loaded
   * @throws IllegalArgumentException or NullPointerException for a missing or invalid setting,
   *     including a missing {@link #secretPepper} with a persistent client, refresh-token or
   *     authorization-code store
   * @throws io.admin.auth.core.AuthUnavailableException when the key store cannot be reached
   */
  public DefaultTokenService build() {
    BuilderChecks.check(this);
    List<String> defaulted = inMemoryDefaults();
    DefaultTokenService service = new DefaultTokenService(this);
    if (!defaulted.isEmpty()) {
      LOG.warn("Token service for {} keeps {} in memory (no store configured): nothing in them "
          + "survives a restart", issuer, String.join(", ", defaulted));
    }
    return service;
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

  AuthorizationCodeStore authorizationCodeStoreOrDefault() {
    return authorizationCodeStore != null
        ? authorizationCodeStore : new InMemoryAuthorizationCodeStore();
  }

  PersonDirectory personDirectoryOrDefault() {
    return personDirectory != null ? personDirectory : subject -> Optional.empty();
  }

  /** Whether ID tokens can be signed: RS256 signs access tokens, or an RS256 key is kept. */
  boolean idTokensAvailable() {
    return signingAlgorithm == SigningAlgorithm.RS256 || keepRs256KeyForIdTokens;
  }
}
