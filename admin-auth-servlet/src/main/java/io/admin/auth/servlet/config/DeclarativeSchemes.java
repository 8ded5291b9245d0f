package io.admin.auth.servlet.config;

import io.admin.auth.core.apikey.ApiKeyService;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.password.BasicAuthenticator;
import io.admin.auth.core.password.PasswordHasher;
import io.admin.auth.core.spi.User;
import io.admin.auth.core.ratelimit.RateLimiter;
import io.admin.auth.core.store.memory.InMemoryApiKeyStore;
import io.admin.auth.core.store.memory.InMemoryUserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The declarative side of API keys, Basic and rate limits (see {@link AdminAuthProperties} for
 * the keys). API keys and users live in memory: keys created at run time die with the process,
 * users come from the properties.
 */
final class DeclarativeSchemes {

  private static final Set<String> USER_KEYS = Set.of("password-hash", "scopes", "disabled");
  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
  private static final Pattern LIMIT = Pattern.compile("(\\d{1,9})/(\\S+)");

  private DeclarativeSchemes() {}

  static void apply(Properties p, AdminAuth.Builder builder) {
    Clock clock = Clock.systemUTC();
    SecureRandom random = new SecureRandom();
    RateLimits.Builder limits = RateLimits.builder(clock);
    limit(p, AdminAuthProperties.RATE_LIMIT_TOKEN_PER_ADDRESS, clock)
        .ifPresent(limits::tokenPerAddress);
    limit(p, AdminAuthProperties.RATE_LIMIT_TOKEN_PER_CLIENT, clock)
        .ifPresent(limits::tokenPerClient);
    limit(p, AdminAuthProperties.RATE_LIMIT_PER_PRINCIPAL, clock)
        .filter(l -> l != RateLimits.unlimited())
        .ifPresent(limits::perPrincipal);
    builder.rateLimits(limits.build());
    if (AdminAuthProperties.bool(p, AdminAuthProperties.API_KEYS_ENABLED, false)) {
      builder.apiKeys(ApiKeyService.builder().store(new InMemoryApiKeyStore())
          .hasher(SecretHasher.withPepper(pepper(p, random))).clock(clock).random(random).build());
      AdminAuthProperties.opt(p, AdminAuthProperties.API_KEYS_PATH).ifPresent(v ->
          AdminAuthProperties.wrap(AdminAuthProperties.API_KEYS_PATH, () -> builder.apiKeysPath(v)));
      AdminAuthProperties.opt(p, AdminAuthProperties.API_KEYS_ADMIN_SCOPE)
          .ifPresent(builder::apiKeysAdminScope);
    } else {
      onlyWith(p, AdminAuthProperties.API_KEYS_ENABLED, AdminAuthProperties.API_KEYS_PATH,
          AdminAuthProperties.API_KEYS_ADMIN_SCOPE, AdminAuthProperties.API_KEYS_PEPPER);
    }
    Map<String, Map<String, String>> users = users(p);
    if (AdminAuthProperties.bool(p, AdminAuthProperties.BASIC_ENABLED, false)) {
      InMemoryUserStore store = new InMemoryUserStore();
      users.forEach((name, attrs) -> store.save(user(name, attrs)));
      BasicAuthenticator.Builder basic = BasicAuthenticator.builder().users(store)
          .hasher(PasswordHasher.owasp(random)).cacheKeyHasher(randomHasher(random))
          .clock(clock).random(random);
      AdminAuthProperties.opt(p, AdminAuthProperties.BASIC_CACHE_TTL).ifPresent(v ->
          AdminAuthProperties.wrap(AdminAuthProperties.BASIC_CACHE_TTL,
              () -> basic.cacheTtl(Duration.parse(v))));
      AdminAuthProperties.wrap(AdminAuthProperties.BASIC_CACHE_TTL, () -> builder.basic(basic.build()));
    } else {
      onlyWith(p, AdminAuthProperties.BASIC_ENABLED, AdminAuthProperties.BASIC_CACHE_TTL);
      if (!users.isEmpty()) {
        throw new AdminAuthConfigException(AdminAuthProperties.USER_PREFIX + users.keySet()
            .iterator().next() + ".password-hash", "only meaningful with "
            + AdminAuthProperties.BASIC_ENABLED + "=true");
      }
    }
  }

  /** {@code <n>/<ISO-8601 duration>} (a bucket of n, refilled n per duration) or {@code off}. */
  private static java.util.Optional<RateLimiter> limit(Properties p, String key, Clock clock) {
    return AdminAuthProperties.opt(p, key).map(v -> {
      if (v.equals("off")) {
        return RateLimits.unlimited();
      }
      Matcher m = LIMIT.matcher(v);
      try {
        if (m.matches()) {
          Duration period = Duration.parse(m.group(2));
          long n = Long.parseLong(m.group(1));
          if (n >= 1 && !period.isNegative() && !period.isZero()) {
            return RateLimits.bucket(n, period, clock);
          }
        }
      } catch (DateTimeParseException e) {
        // reported below
      }
      throw new AdminAuthConfigException(key, "expected '<requests>/<ISO-8601 duration>' such as "
          + "'60/PT1M', or 'off'; was '" + v + "'");
    });
  }

  private static Map<String, Map<String, String>> users(Properties p) {
    Map<String, Map<String, String>> users = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (!key.startsWith(AdminAuthProperties.USER_PREFIX)) {
        continue;
      }
      String rest = key.substring(AdminAuthProperties.USER_PREFIX.length());
      int dot = rest.lastIndexOf('.');
      if (dot <= 0 || !USER_KEYS.contains(rest.substring(dot + 1))) {
        throw new AdminAuthConfigException(key, "expected " + AdminAuthProperties.USER_PREFIX
            + "<name>.<disabled|password-hash|scopes>");
      }
      users.computeIfAbsent(rest.substring(0, dot), k -> new TreeMap<>())
          .put(rest.substring(dot + 1), p.getProperty(key).strip());
    }
    return users;
  }

  private static User user(String name, Map<String, String> attrs) {
    String prefix = AdminAuthProperties.USER_PREFIX + name + ".";
    String hash = attrs.get("password-hash");
    if (hash == null || !(hash.startsWith("$argon2id$") || BCRYPT.matcher(hash).matches())) {
      // Never echo the value: it is a password hash.
      throw new AdminAuthConfigException(prefix + "password-hash",
          "is required and must be an Argon2id PHC string or a bcrypt hash");
    }
    String disabled = attrs.getOrDefault("disabled", "false");
    if (!disabled.equals("true") && !disabled.equals("false")) {
      throw new AdminAuthConfigException(prefix + "disabled", "must be true or false");
    }
    Set<String> scopes = new LinkedHashSet<>();
    Arrays.stream(attrs.getOrDefault("scopes", "").split("[\\s,]+"))
        .filter(s -> !s.isEmpty()).forEach(scopes::add);
    try {
      return new User(name, hash, scopes, Boolean.parseBoolean(disabled));
    } catch (IllegalArgumentException e) {
      throw new AdminAuthConfigException(prefix + "password-hash", e.getMessage(), e);
    }
  }

  private static byte[] pepper(Properties p, SecureRandom random) {
    String v = AdminAuthProperties.opt(p, AdminAuthProperties.API_KEYS_PEPPER).orElse(null);
    if (v == null) {
      // The store is in memory, so keys die with the process anyway: a per-start pepper is enough.
      byte[] b = new byte[32];
      random.nextBytes(b);
      return b;
    }
    try {
      byte[] b = Base64.getDecoder().decode(v);
      if (b.length >= 32) {
        return b;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new AdminAuthConfigException(AdminAuthProperties.API_KEYS_PEPPER,
        "must be base64 of at least 32 bytes");
  }

  /** Cache keys only need to be unguessable for this process. */
  private static SecretHasher randomHasher(SecureRandom random) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return SecretHasher.withPepper(b);
  }

  private static void onlyWith(Properties p, String switchKey, String... keys) {
    for (String key : keys) {
      if (p.getProperty(key) != null) {
        throw new AdminAuthConfigException(key, "only meaningful with " + switchKey + "=true");
      }
    }
  }
}
