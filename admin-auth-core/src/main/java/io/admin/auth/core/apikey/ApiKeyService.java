package io.admin.auth.core.apikey;

import io.admin.auth.core.spi.ApiKey;

import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.spi.ApiKeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Creates, lists, rotates and revokes API keys, and authenticates presented keys (see
 * {@code docs/http-contract.md}). Immutable and thread-safe; build with {@link #builder()}.
 *
 * <p>Authentication is parse, checksum, one store lookup by id and one HMAC (two during a
 * rotation grace period when the old secret is presented). Malformed keys never reach the store.
 * The secret is checked before revocation and expiry, so only a holder of the secret learns that
 * a key is revoked or expired; everyone else gets {@code AUTH_API_KEY_INVALID}.
 *
 * <p>A successful use is noted in the {@link LastUsedRecorder}, not written to the store; {@link
 * #startLastUsedFlushes()} writes the noted uses every {@link Builder#lastUsedFlushInterval
 * interval} until it is closed.
 *
 * <p>This class is a facade: management and the authentication hot path are separate
 * package-private parts sharing the store, the hasher and the last-use recorder.
 */
public final class ApiKeyService {

  /** The default rotation grace period: 86400 seconds. */
  public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(86_400);
  /** The default interval of {@link #startLastUsedFlushes()}: 30 seconds. */
  public static final Duration DEFAULT_LAST_USED_FLUSH_INTERVAL = Duration.ofSeconds(30);
  /** Lifetime of a key created without one: 90 days. */
  public static final Duration DEFAULT_EXPIRES_IN = Duration.ofDays(90);
  /** The default longest lifetime a key may be given: 365 days. */
  public static final Duration DEFAULT_MAX_EXPIRES_IN = Duration.ofDays(365);
  /** The largest maximum lifetime that can be configured: ten years, far from overflow. */
  public static final Duration MAX_EXPIRES_IN_CEILING = Duration.ofDays(10L * 366);
  /** AuthPrincipal claim carrying the key id. */
  public static final String CLAIM_KEY_ID = "api_key_id";
  /** AuthPrincipal claim carrying the key name. */
  public static final String CLAIM_KEY_NAME = "api_key_name";

  private final Duration defaultGracePeriod;
  private final Duration lastUsedFlushInterval;
  private final Duration defaultExpiresIn;
  private final Duration maxExpiresIn;
  private final LastUsedRecorder lastUsed;
  private final ApiKeyManager manager;
  private final ApiKeyAuthenticator authenticator;

  private ApiKeyService(Builder b) {
    this.defaultGracePeriod = b.defaultGracePeriod;
    this.lastUsedFlushInterval = b.lastUsedFlushInterval;
    this.defaultExpiresIn = b.defaultExpiresIn;
    this.maxExpiresIn = b.maxExpiresIn;
    this.lastUsed = b.lastUsed != null ? b.lastUsed
        : new LastUsedRecorder(b.store, b.maxPendingLastUsed);
    this.manager = new ApiKeyManager(b.store, b.hasher, b.clock, b.random, lastUsed);
    this.authenticator = new ApiKeyAuthenticator(b.store, b.hasher, b.clock, lastUsed);
  }

  /**
   * A builder; {@code store} and {@code hasher} are required.
   *
   * @return a new builder with every default
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates a key. The returned {@link IssuedApiKey#key()} is the only copy of the secret.
   *
   * @param owner the owning subject; becomes the principal's subject
   * @param name a non-blank label of at most 200 characters
   * @param scopes scopes the key grants (RFC 6749 section 3.3 scope tokens). The caller (the
   *     management endpoint) must make sure the creator holds every one of them, or a key would
   *     escalate its creator's privileges
   * @param expiresIn lifetime, at most {@link #maxExpiresIn()}; {@code null} for the
   *     {@link #defaultExpiresIn() default}. Every key expires: a stolen short-lived token must
   *     not be able to mint a permanent credential
   * @return the stored key's metadata and the full key string, shown once
   * @throws IllegalArgumentException for a blank owner or name, a malformed scope, or a lifetime
   *     that is not positive or longer than the maximum (the management endpoint maps this to
   *     {@code AUTH_REQUEST_INVALID})
   */
  public IssuedApiKey create(String owner, String name, Set<String> scopes, Duration expiresIn) {
    Duration lifetime = expiresIn == null ? defaultExpiresIn : expiresIn;
    if (lifetime.compareTo(maxExpiresIn) > 0) {
      throw new IllegalArgumentException("expires_in must be at most " + maxExpiresIn.toSeconds()
          + " seconds");
    }
    return manager.create(owner, name, scopes, lifetime);
  }

  /**
   * The lifetime of a key created without one.
   *
   * @return the default lifetime, positive
   */
  public Duration defaultExpiresIn() {
    return defaultExpiresIn;
  }

  /**
   * The longest lifetime {@link #create} accepts.
   *
   * @return the longest lifetime, positive
   */
  public Duration maxExpiresIn() {
    return maxExpiresIn;
  }

  /**
   * Keys owned by {@code owner}, revoked ones included, with pending last-use times merged in.
   *
   * @param owner the owner's identity
   * @return the keys; empty when the owner has none
   */
  public List<ApiKey> listByOwner(String owner) {
    return manager.listByOwner(owner);
  }

  /**
   * Every key (for callers with an admin scope), with pending last-use times merged in.
   *
   * @return the keys; empty when there are none
   */
  public List<ApiKey> listAll() {
    return manager.listAll();
  }

  /**
   * One key's metadata, with its pending last-use time merged in; empty if unknown.
   *
   * @param id the 16-character key id (not the full key)
   * @return the key, or empty when unknown
   */
  public Optional<ApiKey> get(String id) {
    return manager.get(id);
  }

  /**
   * {@link #rotate(String, Duration)} with the configured default grace period.
   *
   * @param id the 16-character key id (not the full key)
   * @return the key with its new full key string, or empty if the key is unknown, revoked or
   *     expired
   */
  public Optional<IssuedApiKey> rotate(String id) {
    return manager.rotate(id, defaultGracePeriod);
  }

  /**
   * Gives the key a new secret; the old one keeps working for {@code gracePeriod} (zero ends it
   * now). A second rotation within the grace period ends the first old secret at once: only the
   * current and the immediately previous secret are ever valid. The expiry is kept.
   *
   * <p>The new secret grants the key's scopes to whoever receives it, so the caller (the
   * management endpoint) must hand it only to the key's owner, and only while the owner still
   * holds every one of those scopes.
   *
   * @param id the 16-character key id (not the full key)
   * @param gracePeriod how long the old secret keeps working; zero or positive
   * @return the key with its new full key string, or empty if the key is unknown, revoked or expired
   * @throws IllegalArgumentException for a negative grace period
   */
  public Optional<IssuedApiKey> rotate(String id, Duration gracePeriod) {
    return manager.rotate(id, gracePeriod);
  }

  /**
   * Revokes the key now; idempotent (a second call keeps the first instant).
   *
   * @param id the 16-character key id (not the full key)
   * @return {@code false} if the key is unknown
   */
  public boolean revoke(String id) {
    return manager.revoke(id);
  }

  /**
   * Authenticates a presented key: {@link AuthOutcome.Authenticated} with a principal whose
   * subject is the owner, client id the key id, method {@link AuthMethod#API_KEY}, scopes the
   * key's, and claims {@value #CLAIM_KEY_ID} / {@value #CLAIM_KEY_NAME}; otherwise
   * {@link AuthOutcome.Rejected} with {@code AUTH_API_KEY_INVALID}, {@code AUTH_API_KEY_REVOKED}
   * or {@code AUTH_API_KEY_EXPIRED} (details {@code expired_at}). Never returns NotApplicable:
   * deciding whether a header carries an API key is the scheme's job.
   *
   * @param presentedKey the full key string as sent, or {@code null}
   * @return the outcome; never {@code NotApplicable}
   * @throws io.admin.auth.core.AuthUnavailableException when the store cannot be reached
   */
  public AuthOutcome authenticate(String presentedKey) {
    return authenticator.authenticate(presentedKey);
  }

  /**
   * The recorder of last-use times, to {@link LastUsedRecorder#flush()} or schedule flushes.
   *
   * @return the recorder this service writes to
   */
  public LastUsedRecorder lastUsed() {
    return lastUsed;
  }

  /**
   * Starts writing the recorded last-use times to the store every {@link
   * Builder#lastUsedFlushInterval interval}, on a daemon thread of its own. Close the result when
   * the application stops: that ends the thread and writes what is still pending. The servlet
   * module's filter does this for you while its container keeps it in service.
   *
   * @return the running flushes; close it to stop them
   */
  public LastUsedFlushes startLastUsedFlushes() {
    return new LastUsedFlushes(lastUsed, lastUsedFlushInterval);
  }

  /** Builds an {@link ApiKeyService}; every setting is checked in {@link #build()}. */
  public static final class Builder {
    private ApiKeyStore store;
    private SecretHasher hasher;
    private Clock clock = Clock.systemUTC();
    private SecureRandom random;
    private Duration defaultGracePeriod = DEFAULT_GRACE_PERIOD;
    private Duration defaultExpiresIn = DEFAULT_EXPIRES_IN;
    private Duration maxExpiresIn = DEFAULT_MAX_EXPIRES_IN;
    private LastUsedRecorder lastUsed;
    private int maxPendingLastUsed = 10_000;
    private Duration lastUsedFlushInterval = DEFAULT_LAST_USED_FLUSH_INTERVAL;

    private Builder() {}

    /**
     * The key store (required).
     *
     * @param store where keys are kept
     * @return this builder
     */
    public Builder store(ApiKeyStore store) {
      this.store = store;
      return this;
    }

    /**
     * The peppered hasher for secrets (required).
     *
     * @param hasher the hasher of key secrets
     * @return this builder
     */
    public Builder hasher(SecretHasher hasher) {
      this.hasher = hasher;
      return this;
    }

    /**
     * The clock (default: system UTC).
     *
     * @param clock the clock of creation, expiry and last use
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Source of key ids and secrets (default: a new {@link SecureRandom}).
     *
     * @param random the source of key ids and secrets
     * @return this builder
     */
    public Builder random(SecureRandom random) {
      this.random = random;
      return this;
    }

    /**
     * Grace period of {@link ApiKeyService#rotate(String)} (default 86400 s, not negative).
     *
     * @param gracePeriod the default grace period
     * @return this builder
     */
    public Builder defaultGracePeriod(Duration gracePeriod) {
      this.defaultGracePeriod = gracePeriod;
      return this;
    }

    /**
     * Lifetime of a key created without one (default 90 days; positive, at most the maximum).
     *
     * @param expiresIn the lifetime of a key created without one
     * @return this builder
     */
    public Builder defaultExpiresIn(Duration expiresIn) {
      this.defaultExpiresIn = expiresIn;
      return this;
    }

    /**
     * The longest lifetime a key may be created with (default 365 days; positive, at most
     * {@link ApiKeyService#MAX_EXPIRES_IN_CEILING}).
     *
     * @param expiresIn the longest lifetime a key may be created with
     * @return this builder
     */
    public Builder maxExpiresIn(Duration expiresIn) {
      this.maxExpiresIn = expiresIn;
      return this;
    }

    /**
     * A last-use recorder to share; default: one over the store holding 10,000 keys.
     *
     * @param recorder the recorder to share
     * @return this builder
     */
    public Builder lastUsedRecorder(LastUsedRecorder recorder) {
      this.lastUsed = recorder;
      return this;
    }

    /**
     * Capacity of the default last-use recorder (default 10,000).
     *
     * @param maxPending the most keys held between flushes, positive
     * @return this builder
     */
    public Builder maxPendingLastUsed(int maxPending) {
      this.maxPendingLastUsed = maxPending;
      return this;
    }

    /**
     * How often {@link ApiKeyService#startLastUsedFlushes()} writes last-use times (default 30 s,
     * positive). The store's {@code last_used_at} lags by at most about this much; listings by
     * the same service are never behind.
     *
     * @param interval the time between two flushes
     * @return this builder
     */
    public Builder lastUsedFlushInterval(Duration interval) {
      this.lastUsedFlushInterval = interval;
      return this;
    }

    /**
     * @return a ready service
     * @throws IllegalStateException when a required setting is missing or invalid
     */
    public ApiKeyService build() {
      if (store == null || hasher == null || clock == null) {
        throw new IllegalStateException("store, hasher and clock are required");
      }
      if (defaultGracePeriod == null || defaultGracePeriod.isNegative()) {
        throw new IllegalStateException("defaultGracePeriod must not be negative");
      }
      if (lastUsedFlushInterval == null || lastUsedFlushInterval.isNegative()
          || lastUsedFlushInterval.isZero()) {
        throw new IllegalStateException("lastUsedFlushInterval must be positive");
      }
      if (!positive(maxExpiresIn) || maxExpiresIn.compareTo(MAX_EXPIRES_IN_CEILING) > 0) {
        throw new IllegalStateException("maxExpiresIn must be positive and at most "
            + MAX_EXPIRES_IN_CEILING.toDays() + " days");
      }
      if (!positive(defaultExpiresIn) || defaultExpiresIn.compareTo(maxExpiresIn) > 0) {
        throw new IllegalStateException("defaultExpiresIn must be positive and at most maxExpiresIn");
      }
      if (maxPendingLastUsed < 1) {
        throw new IllegalStateException("maxPendingLastUsed must be positive");
      }
      if (random == null) {
        random = new SecureRandom();
      }
      return new ApiKeyService(this);
    }

    private static boolean positive(Duration d) {
      return d != null && !d.isNegative() && !d.isZero();
    }
  }
}
