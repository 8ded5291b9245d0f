package io.admin.auth.servlet.config;

import io.admin.auth.core.apikey.ApiKeyService;
import io.admin.auth.core.config.ConfigReader;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.password.BasicAuthenticator;
import io.admin.auth.core.password.PasswordHasher;
import io.admin.auth.core.spi.ApiKeyStore;
import io.admin.auth.core.spi.User;
import io.admin.auth.core.spi.UserStore;
import io.admin.auth.core.store.PersistentStores;
import io.admin.auth.core.ratelimit.RateLimiter;
import io.admin.auth.core.store.memory.InMemoryApiKeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The declarative side of API keys, Basic and rate limits (see {@link AdminAuthProperties} for
 * the keys). API keys and users live in the persistent stores when the properties name them,
 * else in memory, where keys created at run time die with the process; declared users come from
 * the properties either way.
 */
final class DeclarativeSchemes {

  private static final Set<String> USER_KEYS = Set.of("password-hash", "scopes", "disabled");
  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
  private static final Pattern LIMIT = Pattern.compile("(\\d{1,9})/(\\S+)");

  private DeclarativeSchemes() {}

  /**
   * @param users where Basic's users live (the declared ones are written to it): the persistent
   *     store's, or a memory store shared with the token service's people
   * @param loginPageOnUsers whether the sign-in login page checks these users' passwords (then
   *     users may be declared without Basic)
   * @return the password check of the users, when Basic or the login page needs one
   */
  static Optional<BasicAuthenticator> apply(ConfigReader c, AdminAuth.Builder builder,
      Optional<PersistentStores> stores, UserStore users, boolean loginPageOnUsers) {
    Clock clock = Clock.systemUTC();
    SecureRandom random = new SecureRandom();
    RateLimits.Builder limits = RateLimits.builder(clock);
    // Brute-force counts go to the database so that every node blocks at the same count.
    stores.ifPresent(s -> limits.failureCountStore(s.failureCountStore()));
    limit(c, AdminAuthProperties.RATE_LIMIT_TOKEN_PER_ADDRESS, clock)
        .ifPresent(limits::tokenPerAddress);
    limit(c, AdminAuthProperties.RATE_LIMIT_TOKEN_PER_CLIENT, clock)
        .ifPresent(limits::tokenPerClient);
    limit(c, AdminAuthProperties.RATE_LIMIT_PER_PRINCIPAL, clock)
        .filter(l -> l != RateLimits.unlimited())
        .ifPresent(limits::perPrincipal);
    builder.rateLimits(limits.build());
    if (builder.apiKeys != null || c.bool(AdminAuthProperties.API_KEYS_ENABLED, false)) {
      // A service the host put on the builder (its own bean) is kept: the properties then only
      // place and guard its endpoints.
      if (builder.apiKeys == null) {
        ApiKeyService service = apiKeys(c, stores, clock, random).orElseThrow();
        builder.apiKeys(service);
      }
      c.string(AdminAuthProperties.API_KEYS_PATH).ifPresent(v ->
          c.check(AdminAuthProperties.API_KEYS_PATH, () -> builder.apiKeysPath(v)));
      c.string(AdminAuthProperties.API_KEYS_ADMIN_SCOPE).ifPresent(builder::apiKeysAdminScope);
    } else {
      onlyWith(c, AdminAuthProperties.API_KEYS_ENABLED, AdminAuthProperties.API_KEYS_PATH,
          AdminAuthProperties.API_KEYS_ADMIN_SCOPE, AdminAuthProperties.API_KEYS_PEPPER,
          AdminAuthProperties.API_KEYS_DEFAULT_EXPIRES_IN,
          AdminAuthProperties.API_KEYS_MAX_EXPIRES_IN);
    }
    Set<String> names = userNames(c);
    boolean basicOn = c.bool(AdminAuthProperties.BASIC_ENABLED, false);
    if (basicOn || loginPageOnUsers) {
      // With a persistent store the declared users are written at every start (the file stays
      // their truth) next to users an application added to the store itself.
      UserStore store = users;
      names.forEach(name -> store.save(user(c.under(AdminAuthProperties.USER_PREFIX + name + "."),
          name)));
      BasicAuthenticator.Builder basic = BasicAuthenticator.builder().users(store)
          .hasher(PasswordHasher.owasp(random)).cacheKeyHasher(randomHasher(random))
          .clock(clock).random(random);
      c.duration(AdminAuthProperties.BASIC_CACHE_TTL).ifPresent(ttl ->
          c.check(AdminAuthProperties.BASIC_CACHE_TTL, () -> basic.cacheTtl(ttl)));
      BasicAuthenticator[] built = new BasicAuthenticator[1];
      c.check(AdminAuthProperties.BASIC_CACHE_TTL, () -> built[0] = basic.build());
      if (basicOn) {
        builder.basic(built[0]);
      }
      // One authenticator for Basic and the login page: the same users, hashes and throttle.
      return Optional.of(built[0]);
    }
    onlyWith(c, AdminAuthProperties.BASIC_ENABLED, AdminAuthProperties.BASIC_CACHE_TTL);
    if (!names.isEmpty()) {
      throw c.error(AdminAuthProperties.USER_PREFIX + names.iterator().next() + ".password-hash",
          "only meaningful with " + AdminAuthProperties.BASIC_ENABLED + "=true or the sign-in"
              + " login page on the users (" + SignInProperties.ENABLED + "=true)");
    }
    return Optional.empty();
  }

  /**
   * The API key service the properties describe, in the persistent store when there is one, else
   * in memory; empty unless {@value AdminAuthProperties#API_KEYS_ENABLED} is true.
   */
  static Optional<ApiKeyService> apiKeys(ConfigReader c, Optional<PersistentStores> stores,
      Clock clock, SecureRandom random) {
    if (!c.bool(AdminAuthProperties.API_KEYS_ENABLED, false)) {
      return Optional.empty();
    }
    ApiKeyStore keyStore = stores.<ApiKeyStore>map(PersistentStores::apiKeyStore)
        .orElseGet(InMemoryApiKeyStore::new);
    ApiKeyService.Builder keys = ApiKeyService.builder().store(keyStore)
        .hasher(SecretHasher.withPepper(pepper(c, random))).clock(clock).random(random);
    c.duration(AdminAuthProperties.API_KEYS_MAX_EXPIRES_IN).ifPresent(keys::maxExpiresIn);
    c.duration(AdminAuthProperties.API_KEYS_DEFAULT_EXPIRES_IN).ifPresent(keys::defaultExpiresIn);
    // The builder checks both together; name the setting that is most likely the wrong one.
    String lifetimes = c.isSet(AdminAuthProperties.API_KEYS_DEFAULT_EXPIRES_IN)
        ? AdminAuthProperties.API_KEYS_DEFAULT_EXPIRES_IN
        : AdminAuthProperties.API_KEYS_MAX_EXPIRES_IN;
    ApiKeyService[] built = new ApiKeyService[1];
    c.check(lifetimes, () -> built[0] = keys.build());
    return Optional.of(built[0]);
  }

  /** {@code <n>/<ISO-8601 duration>} (a bucket of n, refilled n per duration) or {@code off}. */
  private static Optional<RateLimiter> limit(ConfigReader c, String key, Clock clock) {
    return c.value(key, "'<requests>/<ISO-8601 duration>' such as '60/PT1M', or 'off'", v -> {
      if (v.equals("off")) {
        return RateLimits.unlimited();
      }
      Matcher m = LIMIT.matcher(v);
      if (!m.matches()) {
        throw new IllegalArgumentException("no match");
      }
      Duration period = Duration.parse(m.group(2));
      long n = Long.parseLong(m.group(1));
      if (n < 1 || period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("not positive");
      }
      return RateLimits.bucket(n, period, clock);
    });
  }

  /** The names of the configured users; every key under the user prefix must be one of theirs. */
  private static Set<String> userNames(ConfigReader c) {
    Set<String> names = new TreeSet<>();
    for (String rest : c.under(AdminAuthProperties.USER_PREFIX).names()) {
      int dot = rest.lastIndexOf('.');
      if (dot <= 0 || !USER_KEYS.contains(rest.substring(dot + 1))) {
        throw c.error(AdminAuthProperties.USER_PREFIX + rest, "expected "
            + AdminAuthProperties.USER_PREFIX + "<name>.<disabled|password-hash|scopes>");
      }
      names.add(rest.substring(0, dot));
    }
    return names;
  }

  private static User user(ConfigReader u, String name) {
    String hash = u.string("password-hash").orElse(null);
    if (hash == null || !(hash.startsWith("$argon2id$") || BCRYPT.matcher(hash).matches())) {
      // Never echo the value: it is a password hash.
      throw u.error("password-hash",
          "is required and must be an Argon2id PHC string or a bcrypt hash");
    }
    boolean disabled = u.bool("disabled", false);
    Set<String> scopes = new LinkedHashSet<>();
    Arrays.stream(u.string("scopes", "").split("[\\s,]+"))
        .filter(s -> !s.isEmpty()).forEach(scopes::add);
    try {
      return new User(name, hash, scopes, disabled);
    } catch (IllegalArgumentException e) {
      // The hash was checked above, so what User refuses is the name taken from the key.
      throw new AdminAuthConfigException(u.key("password-hash"), e.getMessage(), e);
    }
  }

  private static byte[] pepper(ConfigReader c, SecureRandom random) {
    return c.value(AdminAuthProperties.API_KEYS_PEPPER, "base64 of at least 32 bytes", v -> {
      byte[] b = Base64.getDecoder().decode(v);
      if (b.length < 32) {
        throw new IllegalArgumentException("too short");
      }
      return b;
    }).orElseGet(() -> {
      // Only reached in memory (a persistent store requires the pepper): keys die with the
      // process anyway, so a per-start pepper is enough.
      byte[] b = new byte[32];
      random.nextBytes(b);
      return b;
    });
  }

  /** Cache keys only need to be unguessable for this process. */
  private static SecretHasher randomHasher(SecureRandom random) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return SecretHasher.withPepper(b);
  }

  private static void onlyWith(ConfigReader c, String switchKey, String... keys) {
    for (String key : keys) {
      if (c.isSet(key)) {
        throw c.error(key, "only meaningful with " + switchKey + "=true");
      }
    }
  }
}
