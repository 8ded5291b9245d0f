package io.admin.auth.core.password;

import io.admin.auth.core.spi.User;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.spi.UserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a user name and password (the decoded RFC 7617 credentials) against a {@link UserStore}.
 * Immutable configuration, thread-safe; build with {@link #builder()}.
 *
 * <ul>
 *   <li>An unknown user is verified against a dummy hash made with the current parameters, so it
 *       costs what a wrong password costs and the answer is the same {@code AUTH_BASIC_INVALID}.
 *   <li>A successful login with an outdated hash (bcrypt, other Argon2 parameters) re-hashes the
 *       password and stores it with compare-and-set.
 *   <li>A successful verification is cached for {@code cacheTtl} under
 *       {@code HMAC(pepper, user + ":" + password)} (never the password; user names cannot hold
 *       {@code ':'}, so the input is unambiguous), at most {@code cacheMaxEntries} entries. A hit
 *       still reads the user and accepts only if the stored hash is the one that was verified and
 *       the user is enabled: a password change or disable on any node invalidates the entry at
 *       once. {@link #evict(String)} additionally frees the memory eagerly.
 *   <li>Every hash (verification, dummy, re-hash) passes a {@link HashingGate}, so concurrent
 *       attempts cannot take more than its slots times the memory cost; when no slot frees up in
 *       time the attempt is {@link io.admin.auth.core.AuthUnavailableException unavailable}, not
 *       rejected. Callers should also throttle per user and address before calling (the servlet
 *       Basic scheme does).
 * </ul>
 */
public final class BasicAuthenticator {

  /** Default lifetime of a cached successful verification. */
  public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(30);
  /** Default bound of the verification cache. */
  public static final int DEFAULT_CACHE_MAX_ENTRIES = 10_000;

  private final UserStore users;
  private final PasswordHasher hasher;
  private final SecretHasher cacheKeys;
  private final Clock clock;
  private final Duration cacheTtl;
  private final int cacheMaxEntries;
  private final VerificationListener listener;
  private final HashingGate gate;
  private final String dummyHash;
  private final ConcurrentHashMap<String, CachedLogin> cache = new ConcurrentHashMap<>();

  private BasicAuthenticator(Builder b) {
    this.users = b.users;
    this.hasher = b.hasher;
    this.cacheKeys = b.cacheKeyHasher;
    this.clock = b.clock;
    this.cacheTtl = b.cacheTtl;
    this.cacheMaxEntries = b.cacheMaxEntries;
    this.listener = b.listener;
    this.gate = b.gate != null ? b.gate : HashingGate.forAvailableProcessors();
    this.dummyHash = hasher.hash(randomPassword(b.random));
  }

  /**
   * A builder; {@code users}, {@code hasher} and {@code cacheKeyHasher} are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Authenticates {@code user} with {@code password}: {@link AuthOutcome.Authenticated} (subject
   * the user name, no client id, the user's scopes, method {@link AuthMethod#BASIC}) or
   * {@link AuthOutcome.Rejected} with {@code AUTH_BASIC_INVALID} for an unknown user, a wrong
   * password or a disabled user alike.
   *
   * @param user the user name from the {@code Authorization: Basic} header, or {@code null}
   * @param password the password from the header, or {@code null}
   * @return the outcome; never {@code NotApplicable}
   * @throws io.admin.auth.core.AuthUnavailableException when the user store cannot be reached,
   *     or no hashing slot of the {@link HashingGate} became free in time
   */
  public AuthOutcome authenticate(String user, String password) {
    if (user == null || password == null) {
      return dummy();
    }
    Instant now = clock.instant();
    String cacheKey = cacheTtl.isZero() ? null : cacheKeys.hash(user + ":" + password);
    Optional<User> found = users.find(user);
    if (found.isEmpty()) {
      if (cacheKey != null) {
        cache.remove(cacheKey);
      }
      return dummy();
    }
    User u = found.get();
    if (cacheKey != null) {
      CachedLogin hit = cache.get(cacheKey);
      if (hit != null) {
        if (now.isBefore(hit.expiresAt) && !u.disabled()
            && hit.passwordHash.equals(u.passwordHash())) {
          listener.cacheHit(u.name());
          return success(u);
        }
        cache.remove(cacheKey, hit);
      }
    }
    boolean matched = gate.run(() -> hasher.verify(password, u.passwordHash()));
    listener.hashVerified(u.name(), matched);
    if (!matched || u.disabled()) {
      return invalid();
    }
    String verifiedHash = u.passwordHash();
    if (hasher.needsRehash(verifiedHash)) {
      String upgraded = gate.run(() -> hasher.hash(password));
      if (users.replacePasswordHash(u.name(), verifiedHash, upgraded)) {
        verifiedHash = upgraded;
        listener.rehashed(u.name());
      }
    }
    if (cacheKey != null) {
      remember(cacheKey, new CachedLogin(u.name(), verifiedHash, now.plus(cacheTtl)), now);
    }
    return success(u);
  }

  /**
   * Drops every cached verification of {@code user}. Call after changing the password or
   * disabling the user; correctness does not depend on it (hits re-check the store), memory does.
   *
   * @param user the user name, exact match
   */
  public void evict(String user) {
    cache.values().removeIf(e -> e.user.equals(user));
  }

  /**
   * Number of cached verifications (for tests and metrics).
   *
   * @return the number of cached verifications, at least 0
   */
  public int cacheSize() {
    return cache.size();
  }

  private void remember(String key, CachedLogin login, Instant now) {
    if (cache.size() >= cacheMaxEntries) {
      cache.values().removeIf(e -> !now.isBefore(e.expiresAt));
      // Still full of live entries: drop arbitrary ones; a dropped user only pays one more hash.
      Iterator<Map.Entry<String, CachedLogin>> it = cache.entrySet().iterator();
      while (cache.size() >= cacheMaxEntries && it.hasNext()) {
        it.next();
        it.remove();
      }
    }
    cache.put(key, login);
  }

  private AuthOutcome dummy() {
    gate.run(() -> hasher.verify("dummy-password-for-timing", dummyHash));
    listener.dummyVerified();
    return invalid();
  }

  private static AuthOutcome success(User u) {
    return AuthOutcome.authenticated(
        new AuthPrincipal(u.name(), null, u.scopes(), null, null, AuthMethod.BASIC, Map.of()));
  }

  private static AuthOutcome invalid() {
    return AuthOutcome.rejected(AuthErrorCode.AUTH_BASIC_INVALID, "Invalid user name or password.");
  }

  private record CachedLogin(String user, String passwordHash, Instant expiresAt) {
    @Override
    public String toString() {
      return "CachedLogin[user=" + user + ", passwordHash=**********, expiresAt=" + expiresAt + "]";
    }
  }

  /** A random dummy password, so that nobody can log in against the dummy hash. */
  private static String randomPassword(SecureRandom random) {
    byte[] b = new byte[24];
    random.nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  /** Builds a {@link BasicAuthenticator}; settings are checked in {@link #build()}. */
  public static final class Builder {
    private UserStore users;
    private PasswordHasher hasher;
    private SecretHasher cacheKeyHasher;
    private Clock clock = Clock.systemUTC();
    private SecureRandom random;
    private Duration cacheTtl = DEFAULT_CACHE_TTL;
    private int cacheMaxEntries = DEFAULT_CACHE_MAX_ENTRIES;
    private VerificationListener listener = VerificationListener.NONE;
    private HashingGate gate;

    private Builder() {}

    /**
     * The user store (required).
     *
     * @param users where users and their password hashes are read
     * @return this builder
     */
    public Builder users(UserStore users) {
      this.users = users;
      return this;
    }

    /**
     * The password hasher (required); its parameters decide what "outdated" means.
     *
     * @param hasher the hasher whose parameters new hashes get
     * @return this builder
     */
    public Builder hasher(PasswordHasher hasher) {
      this.hasher = hasher;
      return this;
    }

    /**
     * The peppered HMAC for cache keys (required); may be the server's secret hasher.
     *
     * @param cacheKeyHasher the keyed hasher of cache keys
     * @return this builder
     */
    public Builder cacheKeyHasher(SecretHasher cacheKeyHasher) {
      this.cacheKeyHasher = cacheKeyHasher;
      return this;
    }

    /**
     * The clock (default: system UTC).
     *
     * @param clock the clock of the cache's expiry
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Randomness for the dummy password (default: a new {@link SecureRandom}).
     *
     * @param random the source of the dummy password
     * @return this builder
     */
    public Builder random(SecureRandom random) {
      this.random = random;
      return this;
    }

    /**
     * How long a successful verification is cached (default 30 s; zero disables; max 1 h).
     *
     * @param cacheTtl the lifetime of a cached verification
     * @return this builder
     */
    public Builder cacheTtl(Duration cacheTtl) {
      this.cacheTtl = cacheTtl;
      return this;
    }

    /**
     * Bound of the verification cache (default 10,000, at least 1).
     *
     * @param cacheMaxEntries the most cached verifications
     * @return this builder
     */
    public Builder cacheMaxEntries(int cacheMaxEntries) {
      this.cacheMaxEntries = cacheMaxEntries;
      return this;
    }

    /**
     * The bound on concurrent hashes (default: {@link HashingGate#forAvailableProcessors()}, one
     * gate per authenticator). Share one gate between authenticators to bound them together.
     *
     * @param gate the gate; required
     * @return this builder
     */
    public Builder hashingGate(HashingGate gate) {
      this.gate = java.util.Objects.requireNonNull(gate, "gate");
      return this;
    }

    /**
     * Observer of each attempt (default: none).
     *
     * @param listener the observer of each attempt
     * @return this builder
     */
    public Builder listener(VerificationListener listener) {
      this.listener = listener;
      return this;
    }

    /**
     * Builds the authenticator, computing the dummy hash once (one password hash's worth of time).
     *
     * @return the authenticator, its dummy hash computed
     * @throws IllegalStateException when a setting is missing or out of range
     */
    public BasicAuthenticator build() {
      if (users == null || hasher == null || cacheKeyHasher == null || clock == null
          || listener == null) {
        throw new IllegalStateException("users, hasher, cacheKeyHasher, clock and listener are required");
      }
      if (cacheTtl == null || cacheTtl.isNegative() || cacheTtl.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalStateException("cacheTtl must be between 0 and 1 hour");
      }
      if (cacheMaxEntries < 1) {
        throw new IllegalStateException("cacheMaxEntries must be positive");
      }
      if (random == null) {
        random = new SecureRandom();
      }
      return new BasicAuthenticator(this);
    }
  }
}
