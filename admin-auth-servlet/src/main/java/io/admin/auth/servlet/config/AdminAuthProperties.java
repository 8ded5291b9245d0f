package io.admin.auth.servlet.config;

import io.admin.auth.core.observe.AuthObserver;
import io.admin.auth.core.config.ConfigException;
import io.admin.auth.core.config.ConfigReader;
import io.admin.auth.core.config.ReferenceSource;
import io.admin.auth.core.federation.TrustedIssuerProperties;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.core.password.BasicAuthenticator;
import io.admin.auth.core.spi.UserStore;
import io.admin.auth.core.store.PersistentStores;
import io.admin.auth.core.store.memory.InMemoryUserStore;
import io.admin.auth.servlet.access.RoleMapper;
import io.admin.auth.servlet.endpoint.EndpointPaths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Declarative configuration: turns {@code admin.auth.*} properties into an {@link AdminAuth}.
 * Values follow {@link ConfigReader}'s rules (booleans {@code true}/{@code false} in any case,
 * ISO-8601 durations, comma-separated lists, blank the same as absent). Every problem is an
 * {@link AdminAuthConfigException} naming the property. An unknown key in
 * the servlet's own namespace is an error too, so a misspelt {@code require-https} cannot
 * silently leave HTTPS unenforced; keys under {@code admin.auth.token.}, {@code
 * admin.auth.client.} and {@code admin.auth.key.} belong to the {@link TokenServiceFactory};
 * keys under {@code admin.auth.sign-in.} (signing people in) by {@link SignInProperties}; keys
 * under {@code admin.auth.federation.} (trusted third-party token issuers) are read by
 * {@link TrustedIssuerProperties}, which is as strict about unknown keys; keys under {@value
 * #STORE_PREFIX} name the persistent store and are checked against what its provider reads.
 *
 * <p>Keys under {@code admin.auth.resource-server.} ({@link ResourceServerProperties}, which lists
 * them) make a resource server instead of an issuer: a node that verifies the issuer's tokens with
 * its public JWK Set alone. {@link #ISSUER} is then not required but refused, together with every
 * other setting of a token service, its endpoints, clients, keys and store ({@link
 * ResourceServerProperties#ISSUER_ONLY_KEYS}); the remaining keys here apply as usual.
 *
 * <p>Keys under {@code admin.auth.session.} configure browser sessions in HTTP-only cookies
 * ({@link BrowserSessionProperties} lists them).
 */
public final class AdminAuthProperties {

  /** Prefix of every key. */
  public static final String PREFIX = "admin.auth.";

  /**
   * The reference scheme of JVM system properties: a value {@code ${sys:name}} is the system
   * property {@code name}, as the testkit's {@code AdminAuthExtension} sets them for the
   * application under test.
   */
  public static final String SYSTEM_PROPERTY_SCHEME = "sys";
  /**
   * {@code iss} of issued tokens and the metadata {@code issuer} (required, except on a resource
   * server, which names the issuer it accepts with {@link ResourceServerProperties#ISSUER}).
   */
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
  /**
   * Space- or comma-separated {@code scopes_supported} of the metadata document; default none
   * (the member is left out).
   */
  public static final String SCOPES_SUPPORTED = PREFIX + "endpoints.scopes-supported";
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
  /**
   * {@code true} / {@code false} (default): API keys (in the persistent store, else in memory) and
   * their management endpoints.
   */
  public static final String API_KEYS_ENABLED = PREFIX + "api-keys.enabled";
  /** Path of the API key management endpoints; default {@code /api/v3/api-keys}. */
  public static final String API_KEYS_PATH = PREFIX + "api-keys.path";
  /** Scope that lets a caller manage every owner's keys; default {@code api-keys:admin}. */
  public static final String API_KEYS_ADMIN_SCOPE = PREFIX + "api-keys.admin-scope";
  /**
   * Base64 pepper (at least 32 bytes) for API key hashes; default random per start, required with
   * {@link #STORE_DATASOURCE}.
   */
  public static final String API_KEYS_PEPPER = PREFIX + "api-keys.pepper";
  /** ISO-8601 lifetime of an API key created without {@code expires_in}; default {@code P90D}. */
  public static final String API_KEYS_DEFAULT_EXPIRES_IN = PREFIX + "api-keys.default-expires-in";
  /** ISO-8601 longest lifetime an API key may be created with; default {@code P365D}. */
  public static final String API_KEYS_MAX_EXPIRES_IN = PREFIX + "api-keys.max-expires-in";
  /** Token endpoint limit per remote address, {@code <n>/<duration>} or {@code off}; {@code 300/PT1M}. */
  public static final String RATE_LIMIT_TOKEN_PER_ADDRESS = PREFIX + "rate-limit.token-per-address";
  /** Token endpoint limit per client, {@code <n>/<duration>} or {@code off}; {@code 60/PT1M}. */
  public static final String RATE_LIMIT_TOKEN_PER_CLIENT = PREFIX + "rate-limit.token-per-client";
  /** Limit per principal on protected paths, {@code <n>/<duration>} or {@code off} (default). */
  public static final String RATE_LIMIT_PER_PRINCIPAL = PREFIX + "rate-limit.per-principal";

  /**
   * Prefix of the persistent store's settings: {@code datasource} and those of the store provider
   * (admin-auth-jdbc: {@code kek}, {@code schema}, {@code revocation-poll-interval}).
   */
  public static final String STORE_PREFIX = PREFIX + "store.";
  /**
   * JNDI name of a container-managed {@code javax.sql.DataSource} ({@code jdbc/adminAuth} is short
   * for {@code java:comp/env/jdbc/adminAuth}). When set, signing keys, clients, refresh tokens,
   * revocations, API keys and users live in that database and survive restarts and redeploys,
   * shared by every node; {@code admin.auth.token.pepper}, {@code admin.auth.store.kek} and, with
   * API keys, {@link #API_KEYS_PEPPER} are then required. Unset: everything is in memory.
   */
  public static final String STORE_DATASOURCE = STORE_PREFIX + "datasource";

  private static final Set<String> KNOWN = Set.of(ISSUER, BASE_URL, REALM, BEARER_ENABLED,
      PROTECTED_PREFIXES, PUBLIC_PATHS, REQUIRE_HTTPS, TRUSTED_PROXIES, ENDPOINTS_ENABLED,
      TOKEN_PATH, REVOCATION_PATH, INTROSPECTION_PATH, JWKS_PATH, METADATA_PATH,
      OPENID_CONFIGURATION_PATH, MAX_REQUEST_BYTES, CACHE_MAX_AGE, SCOPES_SUPPORTED,
      TOKEN_SERVICE_FACTORY,
      BASIC_ENABLED, BASIC_CACHE_TTL, API_KEYS_ENABLED, API_KEYS_PATH, API_KEYS_ADMIN_SCOPE,
      API_KEYS_PEPPER, API_KEYS_DEFAULT_EXPIRES_IN, API_KEYS_MAX_EXPIRES_IN,
      RATE_LIMIT_TOKEN_PER_ADDRESS, RATE_LIMIT_TOKEN_PER_CLIENT,
      RATE_LIMIT_PER_PRINCIPAL);
  private static final List<String> DELEGATED = List.of(PREFIX + "token.", PREFIX + "client.",
      PREFIX + "key.", STORE_PREFIX, TrustedIssuerProperties.PREFIX,
      ResourceServerProperties.PREFIX, SignInProperties.PREFIX, BrowserSessionProperties.PREFIX);

  private AdminAuthProperties() {}

  /**
   * Opens the persistent store when {@link #STORE_DATASOURCE} names one, creates the token service
   * with the configured factory and builds everything. The store's background work (revocation
   * feed, purges) then runs until the JVM exits; the {@code web.xml} listener and the initializer
   * stop it with the application.
   *
   * @param properties the {@code admin.auth.*} keys, full names; an unknown key under {@code
   *     admin.auth.} is refused; values may be {@code ${env:NAME}} or {@code ${file:/path}}
   *     references
   * @return the built wiring, ready to install in a servlet context
   * @throws AdminAuthConfigException naming the first property that cannot be used
   */
  public static AdminAuth load(Properties properties) {
    return load(properties, AuthObserver.noop());
  }

  /**
   * As {@link #load(Properties)}, with {@code observer} told what the wiring does, for metrics:
   * given to the {@link AdminAuth.Builder#observer filter, rate limits and trusted issuers}, and to
   * the token service when the default factory makes it (or to a resource server's verifier).
   *
   * @param properties the {@code admin.auth.*} keys, full names, as for {@link #load(Properties)}
   * @param observer told what the wiring does ({@link AuthObserver#noop()} for nothing); not null
   * @return the built wiring, ready to install in a servlet context
   * @throws AdminAuthConfigException naming the first property that cannot be used
   */
  public static AdminAuth load(Properties properties, AuthObserver observer) {
    return open(properties, PersistentStoreWiring.jndi(), observer).auth();
  }

  /** What {@link #open} built: the wiring, and the stores to close when the application stops. */
  record Loaded(AdminAuth auth, Optional<PersistentStores> stores) {}

  /** {@link #load}, looking the data source up in {@code naming}; closes the stores on failure. */
  static Loaded open(Properties properties, PersistentStoreWiring.Naming naming) {
    return open(properties, naming, AuthObserver.noop());
  }

  /** {@link #open(Properties, PersistentStoreWiring.Naming)}, observed by {@code observer}. */
  static Loaded open(Properties properties, PersistentStoreWiring.Naming naming,
      AuthObserver observer) {
    Objects.requireNonNull(observer, "observer");
    ConfigReader config = reader(properties);
    checkKeys(config);
    if (ResourceServerProperties.configured(config)) {
      AdminAuth.Builder builder = AdminAuth.resourceServer(
          ResourceServerProperties.verifier(config, observer)).observer(observer);
      return new Loaded(configure(config, properties, builder, Optional.empty(),
          new InMemoryUserStore()).build(), Optional.empty());
    }
    config.requiredString(ISSUER);
    TokenServiceFactory factory = factory(config);
    boolean defaultFactory = factory instanceof DefaultTokenServiceFactory;
    Optional<PersistentStores> stores =
        PersistentStoreWiring.open(config, naming, defaultFactory);
    try {
      // One user store for Basic, the login page and the people of UserInfo and ID tokens.
      UserStore users = stores.<UserStore>map(PersistentStores::userStore)
          .orElseGet(InMemoryUserStore::new);
      TokenService tokens = asAdminAuthError(() -> defaultFactory
          ? ((DefaultTokenServiceFactory) factory).create(properties, stores, users, observer)
          : factory.create(properties));
      AdminAuth.Builder builder = configure(config, properties,
          AdminAuth.builder(tokens).observer(observer), stores, users);
      if (!config.isSet(BASE_URL)) {
        // The metadata's base URL then defaults to the issuer, so a bad issuer is reported as such.
        config.check(ISSUER, () -> SettingChecks.checkBaseUrl(tokens.issuer()));
      }
      AdminAuth auth = builder.build();
      if (stores.isEmpty()) {
        PersistentStoreWiring.warnInMemory();
      }
      return new Loaded(auth, stores);
    } catch (RuntimeException e) {
      stores.ifPresent(PersistentStores::close);
      throw e;
    }
  }

  /**
   * Applies every servlet-side property to {@code builder} (the token service, or a resource
   * server's verifier, is already in it). With a {@link AdminAuth#resourceServer} builder the
   * endpoint settings are refused, as in {@link #load}.
   *
   * @param properties the {@code admin.auth.*} keys, full names, as for {@link #load(Properties)};
   *     {@value #STORE_DATASOURCE} is refused here
   * @param builder the builder to configure, made by the caller over its own token service or
   *     verifier
   * @return {@code builder}, configured and not yet built
   * @throws AdminAuthConfigException naming the first property that cannot be used
   */
  public static AdminAuth.Builder configure(Properties properties, AdminAuth.Builder builder) {
    ConfigReader c = reader(properties);
    checkKeys(c);
    if (c.isSet(STORE_DATASOURCE)) {
      // Here the caller made the token service; API keys and users silently in memory next to a
      // configured store would be a surprise, and stores opened here would have no owner.
      throw c.error(STORE_DATASOURCE, "is read by AdminAuthProperties.load only; with configure,"
          + " give AdminAuth.Builder an ApiKeyService and BasicAuthenticator on your stores");
    }
    return configure(c, properties, builder, Optional.empty(), new InMemoryUserStore());
  }

  static AdminAuth.Builder configure(ConfigReader c, Properties properties,
      AdminAuth.Builder builder, Optional<PersistentStores> stores, UserStore users) {
    c.string(REALM).ifPresent(v -> c.check(REALM, () -> builder.realm(v)));
    builder.bearer(c.bool(BEARER_ENABLED, true));
    if (builder.tokens == null) {
      ResourceServerProperties.refuseIssuerKeys(c);
    } else {
      endpoints(c, builder);
    }
    c.value(MAX_REQUEST_BYTES, "an integer", Integer::parseInt).ifPresent(bytes ->
        c.check(MAX_REQUEST_BYTES, () -> {
          SettingChecks.checkMaxRequestBytes(bytes);
          builder.maxRequestBytes(bytes);
        }));
    if (c.bool(REQUIRE_HTTPS, false)) {
      List<String> proxies = c.list(TRUSTED_PROXIES);
      c.check(TRUSTED_PROXIES, () -> builder.requireHttps(proxies));
    } else if (c.isSet(TRUSTED_PROXIES)) {
      throw c.error(TRUSTED_PROXIES, "only meaningful with " + REQUIRE_HTTPS + "=true");
    }
    builder.accessPolicy(DeclarativePolicy.read(c));
    federation(c, properties, builder);
    ConfigReader roleKeys = c.under(ROLE_PREFIX);
    Map<String, List<String>> roles = new LinkedHashMap<>();
    for (String scope : roleKeys.names()) {
      roles.put(scope, roleKeys.list(scope));
    }
    if (!roles.isEmpty()) {
      builder.roleMapper(RoleMapper.fromScopes(roles));
    }
    boolean loginPage = builder.tokens != null && SignInProperties.loginPageOnUsers(c);
    Optional<BasicAuthenticator> passwords =
        DeclarativeSchemes.apply(c, builder, stores, users, loginPage);
    if (builder.tokens != null) {
      SignInProperties.apply(c, builder, stores, passwords);
    }
    BrowserSessionProperties.apply(c, builder, stores);
    return builder;
  }

  /** The token, revocation, introspection, JWKS and metadata endpoints: an issuer's settings. */
  private static void endpoints(ConfigReader c, AdminAuth.Builder builder) {
    c.string(BASE_URL).ifPresent(v -> c.check(BASE_URL, () -> {
      SettingChecks.checkBaseUrl(v);
      builder.baseUrl(v);
    }));
    builder.endpoints(c.bool(ENDPOINTS_ENABLED, true));
    EndpointPaths d = EndpointPaths.defaults();
    c.check(TOKEN_PATH, () -> builder.paths(new EndpointPaths(c.string(TOKEN_PATH, d.token()),
        c.string(REVOCATION_PATH, d.revocation()),
        c.string(INTROSPECTION_PATH, d.introspection()),
        c.string(JWKS_PATH, d.jwks()),
        c.string(METADATA_PATH, d.authorizationServerMetadata()),
        c.string(OPENID_CONFIGURATION_PATH, d.openidConfiguration()))));
    c.duration(CACHE_MAX_AGE).ifPresent(age -> {
      if (age.isNegative()) {
        throw c.error(CACHE_MAX_AGE, "must not be negative");
      }
      builder.jwksMaxAge(age);
    });
    if (c.isSet(SCOPES_SUPPORTED)) {
      List<String> scopes = c.list(SCOPES_SUPPORTED).stream()
          .flatMap(item -> java.util.Arrays.stream(item.trim().split("\\s+")))
          .filter(item -> !item.isEmpty()).toList();
      c.check(SCOPES_SUPPORTED, () -> builder.scopesSupported(scopes));
    }
  }

  /**
   * Every key, full names, throwing {@link AdminAuthConfigException}; values may be {@code
   * ${env:NAME}}, {@code ${file:/path}} or {@code ${jndi:java:comp/env/NAME}} references.
   */
  static ConfigReader reader(Properties properties) {
    return ConfigReader.of(properties, "").withErrors(AdminAuthConfigException::new)
        .withSource(JndiReferenceSource.SCHEME, new JndiReferenceSource())
        .withSource(SYSTEM_PROPERTY_SCHEME, ReferenceSource.systemProperties(System::getProperty));
  }

  /**
   * Trusted third-party issuers ({@code admin.auth.federation.*}, see {@link
   * TrustedIssuerProperties}); an issuer without its own {@code audience} gets the audience of
   * this library's tokens ({@code admin.auth.token.audience}, else {@code admin.auth.issuer}; on a
   * resource server, its {@code audience}, else its {@code issuer}).
   */
  private static void federation(ConfigReader c, Properties p, AdminAuth.Builder builder) {
    Optional<String> audience = builder.tokens == null ? ResourceServerProperties.audience(c)
        : c.string(PREFIX + "token.audience").or(() -> c.string(ISSUER));
    asAdminAuthError(() -> TrustedIssuerProperties.parse(p, audience))
        .forEach(builder::trustedIssuer);
  }

  /**
   * Runs {@code step}, turning any other front end's {@link ConfigException} (federation, a
   * custom factory using {@link ConfigReader}) into this module's type, so callers catch one.
   */
  private static <T> T asAdminAuthError(Supplier<T> step) {
    try {
      return step.get();
    } catch (AdminAuthConfigException e) {
      throw e;
    } catch (ConfigException e) {
      throw new AdminAuthConfigException(e.property(), e.problem(), e);
    }
  }

  private static TokenServiceFactory factory(ConfigReader c) {
    Optional<String> name = c.string(TOKEN_SERVICE_FACTORY);
    if (name.isEmpty()) {
      return new DefaultTokenServiceFactory();
    }
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      Class<?> type = Class.forName(name.get(), true,
          loader != null ? loader : AdminAuthProperties.class.getClassLoader());
      return (TokenServiceFactory) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      throw new AdminAuthConfigException(TOKEN_SERVICE_FACTORY,
          "cannot instantiate '" + name.get() + "' as a TokenServiceFactory", e);
    }
  }

  static void checkKeys(ConfigReader c) {
    for (String name : c.under(PREFIX).names()) {
      String key = PREFIX + name;
      if (KNOWN.contains(key) || key.startsWith(RULE_PREFIX) || key.startsWith(ROLE_PREFIX)
          || key.startsWith(USER_PREFIX) || DELEGATED.stream().anyMatch(key::startsWith)) {
        continue;
      }
      throw c.error(key, "unknown property");
    }
  }
}
