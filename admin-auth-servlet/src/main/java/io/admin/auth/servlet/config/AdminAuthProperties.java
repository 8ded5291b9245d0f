package io.admin.auth.servlet.config;

import io.admin.auth.core.federation.FederationConfigException;
import io.admin.auth.core.federation.TrustedIssuerProperties;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.access.RoleMapper;
import io.admin.auth.servlet.endpoint.EndpointPaths;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Declarative configuration: turns {@code admin.auth.*} properties into an {@link AdminAuth}.
 * Every problem is an {@link AdminAuthConfigException} naming the property. An unknown key in
 * the servlet's own namespace is an error too, so a misspelt {@code require-https} cannot
 * silently leave HTTPS unenforced; keys under {@code admin.auth.token.}, {@code
 * admin.auth.client.} and {@code admin.auth.key.} belong to the {@link TokenServiceFactory};
 * keys under {@code admin.auth.federation.} (trusted third-party token issuers) are read by
 * {@link TrustedIssuerProperties}, which is as strict about unknown keys.
 */
public final class AdminAuthProperties {

  /** Prefix of every key. */
  public static final String PREFIX = "admin.auth.";
  /** {@code iss} of issued tokens and the metadata {@code issuer} (required). */
  public static final String ISSUER = PREFIX + "issuer";
  /** Public URL of the application root for metadata; default the issuer. */
  public static final String BASE_URL = PREFIX + "base-url";
  /** Challenge realm; default {@code admin}. */
  public static final String REALM = PREFIX + "realm";
  /** {@code true} (default) / {@code false}. */
  public static final String BEARER_ENABLED = PREFIX + "bearer.enabled";
  /** Comma-separated prefixes denied by default; default {@code /}. */
  public static final String PROTECTED_PREFIXES = PREFIX + "protected-prefixes";
  /** Comma-separated public path patterns. */
  public static final String PUBLIC_PATHS = PREFIX + "public-paths";
  /**
   * {@code admin.auth.rule.<n> = <METHODS|*> <pattern> [scope ...]}, e.g. {@code GET,HEAD
   * /api/v3/users/** users:read}; tried in ascending numeric order of {@code n}.
   */
  public static final String RULE_PREFIX = PREFIX + "rule.";
  /** {@code admin.auth.role.<scope> = role1,role2}; when any is set, only mapped scopes give roles. */
  public static final String ROLE_PREFIX = PREFIX + "role.";
  /** {@code true} / {@code false} (default). */
  public static final String REQUIRE_HTTPS = PREFIX + "require-https";
  /** Comma-separated IP literals whose {@code X-Forwarded-Proto} is believed. */
  public static final String TRUSTED_PROXIES = PREFIX + "trusted-proxies";
  /** {@code true} (default) / {@code false}: register the endpoint servlets. */
  public static final String ENDPOINTS_ENABLED = PREFIX + "endpoints.enabled";
  /** Token endpoint path. */
  public static final String TOKEN_PATH = PREFIX + "endpoints.token-path";
  /** Revocation endpoint path. */
  public static final String REVOCATION_PATH = PREFIX + "endpoints.revocation-path";
  /** Introspection endpoint path. */
  public static final String INTROSPECTION_PATH = PREFIX + "endpoints.introspection-path";
  /** JWK Set path. */
  public static final String JWKS_PATH = PREFIX + "endpoints.jwks-path";
  /** RFC 8414 metadata path. */
  public static final String METADATA_PATH = PREFIX + "endpoints.metadata-path";
  /** OIDC discovery path. */
  public static final String OPENID_CONFIGURATION_PATH =
      PREFIX + "endpoints.openid-configuration-path";
  /** Largest endpoint request body in bytes; default 16384. */
  public static final String MAX_REQUEST_BYTES = PREFIX + "endpoints.max-request-bytes";
  /** ISO-8601 duration clients may cache JWKS and metadata; default {@code PT5M}. */
  public static final String CACHE_MAX_AGE = PREFIX + "endpoints.cache-max-age";
  /** Class name of the {@link TokenServiceFactory}; default {@link DefaultTokenServiceFactory}. */
  public static final String TOKEN_SERVICE_FACTORY = PREFIX + "token-service-factory";

  /** {@code true} / {@code false} (default): HTTP Basic with the {@code admin.auth.user.*} users. */
  public static final String BASIC_ENABLED = PREFIX + "basic.enabled";
  /** ISO-8601 duration a successful Basic verification is cached; default {@code PT30S}. */
  public static final String BASIC_CACHE_TTL = PREFIX + "basic.cache-ttl";
  /**
   * {@code admin.auth.user.<name>.password-hash} (Argon2id PHC or bcrypt, required), {@code
   * .scopes} (space or comma separated), {@code .disabled} ({@code false} by default).
   */
  public static final String USER_PREFIX = PREFIX + "user.";
  /** {@code true} / {@code false} (default): API keys (in memory) and their management endpoints. */
  public static final String API_KEYS_ENABLED = PREFIX + "api-keys.enabled";
  /** Path of the API key management endpoints; default {@code /api/v3/api-keys}. */
  public static final String API_KEYS_PATH = PREFIX + "api-keys.path";
  /** Scope that lets a caller manage every owner's keys; default {@code api-keys:admin}. */
  public static final String API_KEYS_ADMIN_SCOPE = PREFIX + "api-keys.admin-scope";
  /** Base64 pepper (at least 32 bytes) for API key hashes; default random per start. */
  public static final String API_KEYS_PEPPER = PREFIX + "api-keys.pepper";
  /** Token endpoint limit per remote address, {@code <n>/<duration>} or {@code off}; {@code 300/PT1M}. */
  public static final String RATE_LIMIT_TOKEN_PER_ADDRESS = PREFIX + "rate-limit.token-per-address";
  /** Token endpoint limit per client, {@code <n>/<duration>} or {@code off}; {@code 60/PT1M}. */
  public static final String RATE_LIMIT_TOKEN_PER_CLIENT = PREFIX + "rate-limit.token-per-client";
  /** Limit per principal on protected paths, {@code <n>/<duration>} or {@code off} (default). */
  public static final String RATE_LIMIT_PER_PRINCIPAL = PREFIX + "rate-limit.per-principal";

  private static final Set<String> KNOWN = Set.of(ISSUER, BASE_URL, REALM, BEARER_ENABLED,
      PROTECTED_PREFIXES, PUBLIC_PATHS, REQUIRE_HTTPS, TRUSTED_PROXIES, ENDPOINTS_ENABLED,
      TOKEN_PATH, REVOCATION_PATH, INTROSPECTION_PATH, JWKS_PATH, METADATA_PATH,
      OPENID_CONFIGURATION_PATH, MAX_REQUEST_BYTES, CACHE_MAX_AGE, TOKEN_SERVICE_FACTORY,
      BASIC_ENABLED, BASIC_CACHE_TTL, API_KEYS_ENABLED, API_KEYS_PATH, API_KEYS_ADMIN_SCOPE,
      API_KEYS_PEPPER, RATE_LIMIT_TOKEN_PER_ADDRESS, RATE_LIMIT_TOKEN_PER_CLIENT,
      RATE_LIMIT_PER_PRINCIPAL);
  private static final List<String> DELEGATED = List.of(PREFIX + "token.", PREFIX + "client.",
      PREFIX + "key.", TrustedIssuerProperties.PREFIX);

  private AdminAuthProperties() {}

  /**
   * Creates the token service with the configured factory and builds everything.
   *
   * @throws AdminAuthConfigException naming the first property that cannot be used
   */
  public static AdminAuth load(Properties properties) {
    checkKeys(properties);
    required(properties, ISSUER);
    TokenService tokens = factory(properties).create(properties);
    AdminAuth.Builder builder = configure(properties, AdminAuth.builder(tokens));
    if (properties.getProperty(BASE_URL) == null) {
      // The metadata's base URL then defaults to the issuer, so a bad issuer is reported as such.
      wrap(ISSUER, () -> AdminAuth.checkBaseUrl(tokens.issuer()));
    }
    return builder.build();
  }

  /**
   * Applies every servlet-side property to {@code builder} (the token service is already in it).
   *
   * @throws AdminAuthConfigException naming the first property that cannot be used
   */
  public static AdminAuth.Builder configure(Properties p, AdminAuth.Builder builder) {
    checkKeys(p);
    wrap(REALM, () -> opt(p, REALM).ifPresent(builder::realm));
    wrap(BASE_URL, () -> opt(p, BASE_URL).ifPresent(v -> {
      AdminAuth.checkBaseUrl(v);
      builder.baseUrl(v);
    }));
    builder.bearer(bool(p, BEARER_ENABLED, true));
    builder.endpoints(bool(p, ENDPOINTS_ENABLED, true));
    if (bool(p, REQUIRE_HTTPS, false)) {
      wrap(TRUSTED_PROXIES, () -> builder.requireHttps(list(p, TRUSTED_PROXIES)));
    } else if (p.getProperty(TRUSTED_PROXIES) != null) {
      throw new AdminAuthConfigException(TRUSTED_PROXIES, "only meaningful with "
          + REQUIRE_HTTPS + "=true");
    }
    EndpointPaths d = EndpointPaths.defaults();
    wrap(TOKEN_PATH, () -> builder.paths(new EndpointPaths(
        p.getProperty(TOKEN_PATH, d.token()).strip(),
        p.getProperty(REVOCATION_PATH, d.revocation()).strip(),
        p.getProperty(INTROSPECTION_PATH, d.introspection()).strip(),
        p.getProperty(JWKS_PATH, d.jwks()).strip(),
        p.getProperty(METADATA_PATH, d.authorizationServerMetadata()).strip(),
        p.getProperty(OPENID_CONFIGURATION_PATH, d.openidConfiguration()).strip())));
    opt(p, MAX_REQUEST_BYTES).ifPresent(v -> wrap(MAX_REQUEST_BYTES, () -> {
      int bytes = Integer.parseInt(v);
      AdminAuth.checkMaxRequestBytes(bytes);
      builder.maxRequestBytes(bytes);
    }));
    opt(p, CACHE_MAX_AGE).ifPresent(v -> wrap(CACHE_MAX_AGE,
        () -> builder.jwksMaxAge(Duration.parse(v))));
    builder.accessPolicy(policy(p));
    federation(p, builder);
    Map<String, List<String>> roles = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith(ROLE_PREFIX)) {
        roles.put(key.substring(ROLE_PREFIX.length()), list(p, key));
      }
    }
    if (!roles.isEmpty()) {
      builder.roleMapper(RoleMapper.fromScopes(roles));
    }
    DeclarativeSchemes.apply(p, builder);
    return builder;
  }

  /**
   * Trusted third-party issuers ({@code admin.auth.federation.*}, see {@link
   * TrustedIssuerProperties}); an issuer without its own {@code audience} gets the audience of
   * this library's tokens ({@code admin.auth.token.audience}, else {@code admin.auth.issuer}).
   */
  private static void federation(Properties p, AdminAuth.Builder builder) {
    java.util.Optional<String> audience = opt(p, PREFIX + "token.audience").or(() -> opt(p, ISSUER));
    try {
      TrustedIssuerProperties.parse(p, audience).forEach(builder::trustedIssuer);
    } catch (FederationConfigException e) {
      throw new AdminAuthConfigException(e.property(), e.problem(), e);
    }
  }

  private static AccessPolicy policy(Properties p) {
    AccessPolicy.Builder policy = AccessPolicy.builder();
    for (String prefix : list(p, PROTECTED_PREFIXES)) {
      wrap(PROTECTED_PREFIXES, () -> policy.protectedPrefix(prefix));
    }
    for (String path : list(p, PUBLIC_PATHS)) {
      wrap(PUBLIC_PATHS, () -> policy.publicPath(path));
    }
    Map<Long, String> rules = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith(RULE_PREFIX)) {
        try {
          rules.put(Long.parseLong(key.substring(RULE_PREFIX.length())), key);
        } catch (NumberFormatException e) {
          throw new AdminAuthConfigException(key, "rule keys must end in a number, e.g. "
              + RULE_PREFIX + "10");
        }
      }
    }
    for (String key : rules.values()) {
      String[] parts = p.getProperty(key).strip().split("\\s+");
      if (parts.length < 2) {
        throw new AdminAuthConfigException(key, "expected '<METHODS|*> <pattern> [scope ...]'");
      }
      wrap(key, () -> policy.rule(parts[0], parts[1],
          Arrays.copyOfRange(parts, 2, parts.length)));
    }
    return policy.build();
  }

  private static TokenServiceFactory factory(Properties p) {
    String name = p.getProperty(TOKEN_SERVICE_FACTORY);
    if (name == null || name.isBlank()) {
      return new DefaultTokenServiceFactory();
    }
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      Class<?> type = Class.forName(name.strip(), true,
          loader != null ? loader : AdminAuthProperties.class.getClassLoader());
      return (TokenServiceFactory) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      throw new AdminAuthConfigException(TOKEN_SERVICE_FACTORY,
          "cannot instantiate '" + name + "' as a TokenServiceFactory", e);
    }
  }

  private static void checkKeys(Properties p) {
    for (String key : p.stringPropertyNames()) {
      if (!key.startsWith(PREFIX) || KNOWN.contains(key) || key.startsWith(RULE_PREFIX)
          || key.startsWith(ROLE_PREFIX) || key.startsWith(USER_PREFIX) || DELEGATED.stream().anyMatch(key::startsWith)) {
        continue;
      }
      throw new AdminAuthConfigException(key, "unknown property");
    }
  }

  static String required(Properties p, String key) {
    return opt(p, key).orElseThrow(() -> new AdminAuthConfigException(key, "is required"));
  }

  static java.util.Optional<String> opt(Properties p, String key) {
    String v = p.getProperty(key);
    return v == null || v.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(v.strip());
  }

  static boolean bool(Properties p, String key, boolean dflt) {
    String v = opt(p, key).orElse(null);
    if (v == null) {
      return dflt;
    }
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new AdminAuthConfigException(key, "must be true or false, was '" + v + "'");
  }

  private static List<String> list(Properties p, String key) {
    List<String> out = new ArrayList<>();
    for (String s : opt(p, key).orElse("").split(",")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  static void wrap(String key, Runnable action) {
    try {
      action.run();
    } catch (AdminAuthConfigException e) {
      throw e;
    } catch (IllegalArgumentException | IllegalStateException | DateTimeParseException e) {
      throw new AdminAuthConfigException(key, e.getMessage(), e);
    }
  }
}
