package io.admin.auth.servlet.config;

import io.admin.auth.core.observe.AuthObserver;
import io.admin.auth.core.apikey.ApiKeyService;
import io.admin.auth.core.federation.TrustedIssuer;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.core.password.BasicAuthenticator;
import io.admin.auth.core.verify.AccessTokenVerifier;
import io.admin.auth.core.verify.BearerTokenVerifier;
import io.admin.auth.servlet.AdminAuthFilter;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.access.RoleMapper;
import io.admin.auth.servlet.access.TransportSecurity;
import io.admin.auth.servlet.endpoint.ApiKeysServlet;
import io.admin.auth.servlet.endpoint.EndpointPaths;
import io.admin.auth.servlet.error.AuthErrorRenderer;
import io.admin.auth.servlet.scheme.ApiKeyScheme;
import io.admin.auth.servlet.scheme.AuthScheme;
import io.admin.auth.servlet.session.BrowserSessions;
import io.admin.auth.servlet.session.internal.SessionSupport;
import io.admin.auth.servlet.signin.SignIn;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Programmatic wiring: builds the {@link AdminAuthFilter} and the endpoint servlets from one
 * {@link TokenService}, and registers them on a {@link ServletContext}.
 *
 * <pre>{@code
 * AdminAuth auth = AdminAuth.builder(tokenService)
 *     .accessPolicy(AccessPolicy.builder()
 *         .protectedPrefix("/api")
 *         .rule("GET", "/api/v3/users/**", "users:read")
 *         .build())
 *     .build();
 * auth.register(servletContext); // from a ServletContainerInitializer or ServletContextListener
 * }</pre>
 *
 * <p>The endpoint paths are added to the policy's public paths (the endpoints authenticate
 * clients themselves). With {@link Builder#apiKeys(ApiKeyService)}, the API key scheme and the
 * management endpoints ({@link ApiKeysServlet}) are added; a rule requiring {@value
 * ApiKeysServlet#MANAGE_SCOPE} on them is put in front of the application's rules. With {@link
 * Builder#basic(BasicAuthenticator)}, the Basic scheme is added (off otherwise). Schemes run in
 * the order Bearer, API key, Basic, then {@link Builder#scheme added ones}. Immutable.
 *
 * <p>A resource server, which only verifies the issuer's tokens with its public keys, starts from
 * {@link #resourceServer(AccessTokenVerifier)} instead: the same filter, no endpoints.
 *
 * <pre>{@code
 * AdminAuth auth = AdminAuth.resourceServer(AccessTokenVerifier.resourceServer()
 *         .issuer("https://auth.example.com")
 *         .audience("orders-api")
 *         .publicKeys(PublicKeySource.jwkSetFile(Path.of("/etc/orders/issuer-jwks.json")))
 *         .build())
 *     .accessPolicy(policy)
 *     .build();
 * }</pre>
 */
public final class AdminAuth {

  /** Default path of the API key management endpoints (docs/http-contract.md, "Endpoints"). */
  public static final String DEFAULT_API_KEYS_PATH = "/api/v3/api-keys";

  /** Name under which the filter is registered. */
  public static final String FILTER_NAME = "adminAuthFilter";

  /** ServletContext attribute set once registration happened, so it never happens twice. */
  public static final String REGISTERED_ATTRIBUTE = "io.admin.auth.registered";

  private final AdminAuthFilter filter;
  private final Map<String, HttpServlet> servlets;
  private final EndpointPaths paths;

  private AdminAuth(AdminAuthFilter filter, Map<String, HttpServlet> servlets, EndpointPaths paths) {
    this.filter = filter;
    this.servlets = Map.copyOf(servlets);
    this.paths = paths;
  }

  /**
   * A builder over {@code tokens}.
   *
   * @param tokens the token service behind the endpoints and, by default, the Bearer scheme; not
   *     null
   * @return a new builder with the defaults
   */
  public static Builder builder(TokenService tokens) {
    return new Builder(Objects.requireNonNull(tokens, "tokens"), null);
  }

  /**
   * A builder for a resource server: the Bearer scheme backed by {@code verifier} (built with
   * {@link AccessTokenVerifier#resourceServer()} on the issuer's public keys), and no token
   * service, so no endpoints: {@link Builder#endpoints(boolean) endpoints(true)} is refused at
   * {@link Builder#build()}. Everything else (access policy, roles, trusted third-party issuers,
   * API keys, Basic, rate limits) is configured as for an issuer.
   *
   * @param verifier verifies the issuer's access tokens; its issuer becomes this library's own;
   *     not null
   * @return a new builder with endpoints off
   */
  public static Builder resourceServer(AccessTokenVerifier verifier) {
    Objects.requireNonNull(verifier, "verifier");
    Builder b = new Builder(null, verifier.issuer());
    b.bearerVerifier = verifier;
    b.endpoints = false;
    return b;
  }

  /**
   * The filter.
   *
   * @return the one filter instance {@link #register} installs
   */
  public AdminAuthFilter filter() {
    return filter;
  }

  /**
   * Endpoint servlets by mapped path: the OAuth endpoints unless disabled, and those of sign-in,
   * browser sessions and API key management when enabled.
   *
   * @return an unmodifiable map from servlet mapping (an exact path, or {@code <path>/*} for the
   *     API key endpoints) to servlet; empty when none is served
   */
  public Map<String, HttpServlet> servlets() {
    return servlets;
  }

  /**
   * The endpoint paths.
   *
   * @return the paths given to the builder, or {@link EndpointPaths#defaults()}
   */
  public EndpointPaths paths() {
    return paths;
  }

  /**
   * Registers the filter on {@code /*} for REQUEST dispatches, ahead of filters declared in
   * {@code web.xml}, and every endpoint servlet on its exact path. Must run during context
   * initialization (a {@code ServletContainerInitializer} or a {@code ServletContextListener}).
   *
   * @param context the application's context, not yet initialized; marked with {@link
   *     #REGISTERED_ATTRIBUTE}
   * @throws IllegalStateException if admin-auth was already registered on this context
   */
  public void register(ServletContext context) {
    if (context.getAttribute(REGISTERED_ATTRIBUTE) != null) {
      throw new IllegalStateException("admin-auth is already registered on this context");
    }
    FilterRegistration.Dynamic f = context.addFilter(FILTER_NAME, filter);
    f.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    servlets.forEach((path, servlet) -> {
      String name = "adminAuth:" + path;
      context.addServlet(name, servlet).addMapping(path);
    });
    context.setAttribute(REGISTERED_ATTRIBUTE, Boolean.TRUE);
  }

  /** Builds {@link AdminAuth}; {@link #build()} validates. */
  public static final class Builder {
    // Package-private: SettingChecks, EndpointWiring and SchemeAssembly read them in build().
    /** The token service; {@code null} on a resource server. */
    final TokenService tokens;
    /** The issuer a resource server accepts; {@code null} with a token service. */
    private final String resourceServerIssuer;
    final List<AuthScheme> extraSchemes = new ArrayList<>();
    boolean bearer = true;
    BearerTokenVerifier bearerVerifier;
    final List<TrustedIssuer> trustedIssuers = new ArrayList<>();
    Clock clock = Clock.systemUTC();
    AccessPolicy policy;
    RoleMapper roleMapper = RoleMapper.scopesAsRoles();
    String realm = "admin";
    TransportSecurity transport = TransportSecurity.none();
    boolean endpoints = true;
    EndpointPaths paths = EndpointPaths.defaults();
    String baseUrl;
    int maxRequestBytes = 16 * 1024;
    Duration jwksMaxAge = Duration.ofMinutes(5);
    Set<String> scopesSupported = Set.of();
    ApiKeyService apiKeys;
    boolean apiKeyEndpoints = true;
    String apiKeysPath = DEFAULT_API_KEYS_PATH;
    String apiKeysAdminScope = ApiKeysServlet.DEFAULT_ADMIN_SCOPE;
    BasicAuthenticator basic;
    RateLimits rateLimits;
    SignIn signIn;
    BrowserSessions browserSessions;
    AuthObserver observer = AuthObserver.noop();

    private Builder(TokenService tokens, String resourceServerIssuer) {
      this.tokens = tokens;
      this.resourceServerIssuer = resourceServerIssuer;
    }

    /**
     * Whether the Bearer scheme is enabled (first in order); default true.
     *
     * @param enabled false to leave out the {@code Authorization: Bearer} scheme; trusted issuers
     *     then cannot be given
     * @return this builder
     */
    public Builder bearer(boolean enabled) {
      this.bearer = enabled;
      return this;
    }

    /**
     * The verifier behind the Bearer scheme; default the token service itself (on a resource
     * server, the verifier it was created with). Use this to accept tokens from trusted
     * third-party issuers as well.
     *
     * @param verifier checks each bearer token; not null
     * @return this builder
     */
    public Builder bearerVerifier(BearerTokenVerifier verifier) {
      this.bearerVerifier = Objects.requireNonNull(verifier, "verifier");
      return this;
    }

    /**
     * Also accepts access tokens of this third-party issuer (Keycloak, Auth0, Entra ID, ...) on
     * the Bearer scheme. Tokens are routed by their {@code iss}: this library's own issuer to the
     * token service (or {@link #bearerVerifier}), each trusted issuer to its own keys.
     *
     * @param issuer the issuer and its rules; may be given several times, each issuer once
     * @return this builder
     */
    public Builder trustedIssuer(TrustedIssuer issuer) {
      trustedIssuers.add(Objects.requireNonNull(issuer, "issuer"));
      return this;
    }

    /**
     * Time source for checking third-party tokens and for the default {@link #rateLimits rate
     * limits}; default the system UTC clock.
     *
     * @param clock the time source; not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Appends a scheme after the built-in ones (API key, Basic, or your own).
     *
     * @param scheme asked after the built-in schemes and those added before; not null
     * @return this builder
     */
    public Builder scheme(AuthScheme scheme) {
      extraSchemes.add(Objects.requireNonNull(scheme, "scheme"));
      return this;
    }

    /**
     * The access policy; default: everything protected except the endpoints (deny by default).
     *
     * @param policy the application's rules; the endpoint paths are added to its public paths; not
     *     null
     * @return this builder
     */
    public Builder accessPolicy(AccessPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Scope to role mapping; default {@link RoleMapper#scopesAsRoles()}.
     *
     * @param roleMapper gives the roles {@code isUserInRole} answers for; not null
     * @return this builder
     */
    public Builder roleMapper(RoleMapper roleMapper) {
      this.roleMapper = Objects.requireNonNull(roleMapper, "roleMapper");
      return this;
    }

    /**
     * The {@code realm} of challenges; default {@code admin}.
     *
     * @param realm the {@code realm} parameter of every {@code WWW-Authenticate} challenge; not null
     * @return this builder
     */
    public Builder realm(String realm) {
      this.realm = Objects.requireNonNull(realm, "realm");
      return this;
    }

    /**
     * Require HTTPS, believing {@code X-Forwarded-Proto} only from {@code trustedProxies}.
     *
     * @param trustedProxies IP address literals, as {@code getRemoteAddr()} reports them; may be empty
     * @return this builder
     * @throws IllegalArgumentException if an entry is not an IP address literal
     */
    public Builder requireHttps(Collection<String> trustedProxies) {
      this.transport = TransportSecurity.requireHttps(Set.copyOf(trustedProxies));
      return this;
    }

    /**
     * Whether to build the endpoint servlets; default true (a resource server has none).
     *
     * @param enabled false to serve no token, revocation, introspection, JWKS or metadata
     *     endpoint; sign-in, which needs the token endpoint, then cannot be enabled
     * @return this builder
     */
    public Builder endpoints(boolean enabled) {
      this.endpoints = enabled;
      return this;
    }

    /**
     * Endpoint paths; default {@link EndpointPaths#defaults()}.
     *
     * @param paths where the endpoints are mapped; not null
     * @return this builder
     */
    public Builder paths(EndpointPaths paths) {
      this.paths = Objects.requireNonNull(paths, "paths");
      return this;
    }

    /**
     * Public URL of the application root for the metadata document; default the issuer.
     *
     * @param baseUrl an absolute http(s) URL, checked by {@link #build()}; not null
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * Largest accepted endpoint request body; default 16 KiB.
     *
     * @param bytes the bound in bytes, between 256 and 1 MiB (checked by {@link #build()})
     * @return this builder
     */
    public Builder maxRequestBytes(int bytes) {
      this.maxRequestBytes = bytes;
      return this;
    }

    /**
     * The metadata document's {@code scopes_supported}; default none, and the member is left out.
     * Only what is listed here is published: never every client's scopes, and the library's own
     * {@code api-keys:*} scopes only when listed.
     *
     * @param scopes the scopes to publish (copied); empty leaves the member out
     * @return this builder
     * @throws IllegalArgumentException for a value that is not an RFC 6749 scope token
     */
    public Builder scopesSupported(Collection<String> scopes) {
      Set<String> copy = new java.util.TreeSet<>();
      for (String s : scopes) {
        if (s == null || s.isEmpty() || s.chars().anyMatch(c -> c <= 0x20 || c >= 0x7F
            || c == '"' || c == '\\')) {
          throw new IllegalArgumentException("not a scope: '" + s + "'");
        }
        copy.add(s);
      }
      this.scopesSupported = java.util.Collections.unmodifiableSet(copy);
      return this;
    }

    /**
     * {@code Cache-Control} max-age of the JWK Set and metadata; default 5 minutes.
     *
     * @param maxAge not negative (checked by {@link #build()}); not null
     * @return this builder
     */
    public Builder jwksMaxAge(Duration maxAge) {
      this.jwksMaxAge = Objects.requireNonNull(maxAge, "maxAge");
      return this;
    }

    /**
     * Enables API keys: the {@link ApiKeyScheme} (after Bearer) and, unless {@link
     * #apiKeyEndpoints(boolean) switched off}, the management endpoints. Off by default. While
     * the container keeps the filter in service, the keys' last-use times are written to the
     * store every {@link ApiKeyService.Builder#lastUsedFlushInterval interval}, and once more when
     * the filter is destroyed.
     *
     * @param service authenticates and manages the keys; not null
     * @return this builder
     */
    public Builder apiKeys(ApiKeyService service) {
      this.apiKeys = Objects.requireNonNull(service, "service");
      return this;
    }

    /**
     * Whether to serve the API key management endpoints when API keys are on; default true.
     *
     * @param enabled false to accept API keys without serving their management endpoints
     * @return this builder
     */
    public Builder apiKeyEndpoints(boolean enabled) {
      this.apiKeyEndpoints = enabled;
      return this;
    }

    /**
     * Path of the management endpoints; default {@value AdminAuth#DEFAULT_API_KEYS_PATH}.
     *
     * @param path an exact path such as {@code /a/b}
     * @return this builder
     * @throws IllegalArgumentException if it is not an exact path
     */
    public Builder apiKeysPath(String path) {
      SettingChecks.checkApiKeysPath(path);
      this.apiKeysPath = path;
      return this;
    }

    /**
     * The scope that lets a caller see and manage every owner's keys; default {@value
     * ApiKeysServlet#DEFAULT_ADMIN_SCOPE}.
     *
     * @param scope the scope name; not null
     * @return this builder
     */
    public Builder apiKeysAdminScope(String scope) {
      this.apiKeysAdminScope = Objects.requireNonNull(scope, "scope");
      return this;
    }

    /**
     * Enables HTTP Basic (RFC 7617) with {@code authenticator}, throttled by the {@link
     * #rateLimits(RateLimits) rate limits}. Off by default: Basic is for legacy clients and tests.
     *
     * @param authenticator checks user names and passwords; not null
     * @return this builder
     */
    public Builder basic(BasicAuthenticator authenticator) {
      this.basic = Objects.requireNonNull(authenticator, "authenticator");
      return this;
    }

    /**
     * Rate limits and failure throttles; default {@link RateLimits#defaults(Clock)} on {@link #clock}.
     *
     * @param limits the limits; not null
     * @return this builder
     */
    public Builder rateLimits(RateLimits limits) {
      this.rateLimits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Told, for metrics, of every authentication the filter decides, every refusal of the {@link
     * #rateLimits rate limits}, and the JWK Set fetches of the {@link #trustedIssuer trusted
     * issuers}; default {@link AuthObserver#noop()}. The token service has its own ({@code
     * DefaultTokenServiceBuilder.observer}): give both the same observer.
     *
     * @param observer the observer; not null
     * @return this builder
     */
    public Builder observer(AuthObserver observer) {
      this.observer = Objects.requireNonNull(observer, "observer");
      return this;
    }

    /**
     * Signs people in for the host application: the authorization endpoint, login and consent
     * pages, UserInfo and logout (docs/http-contract.md, "Signing people in"). Off by default.
     *
     * @param settings paths, stores and the login of the sign-in; not null
     * @return this builder
     */
    public Builder signIn(SignIn settings) {
      this.signIn = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Keeps browser sessions in HTTP-only cookies (docs/http-contract.md, "Browser apps"): the
     * session endpoints, and the access-token cookie accepted as a bearer credential on the paths
     * {@code settings} opts in. Needs {@link #signIn(SignIn)}. Off by default.
     *
     * @param settings the client, paths and cookies of the sessions; not null
     * @return this builder
     */
    public Builder browserSessions(BrowserSessions settings) {
      this.browserSessions = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Validates and builds.
     *
     * @return the immutable wiring: the filter, and the endpoint servlets unless switched off
     * @throws IllegalStateException when no scheme is enabled, trusted issuers are given with
     *     the Bearer scheme off, endpoints are asked of a resource server, or the access policy
     *     makes the API key management path public
     * @throws IllegalArgumentException for a body bound outside 256 B..1 MiB, a negative max-age,
     *     a base URL that is not http(s), or a trusted issuer equal to the own issuer or given twice
     */
    public AdminAuth build() {
      SettingChecks.checkBuildable(this);
      RateLimits limits = (rateLimits != null ? rateLimits : RateLimits.defaults(clock))
          .observedBy(observer);
      AuthErrorRenderer renderer = new AuthErrorRenderer(realm);
      SessionSupport sessions = BrowserSessionWiring.support(this, renderer);
      EndpointWiring.Wired wired = BrowserSessionWiring.wire(
          EndpointWiring.wire(this, renderer, limits), sessions);
      return new AdminAuth(SchemeAssembly.filter(this, wired.policy(), limits,
          sessions == null ? null : sessions.scheme()), wired.servlets(), paths);
    }

    /** The metadata's base URL: the configured one, else the issuer. */
    String baseUrlOrIssuer() {
      return baseUrl != null ? baseUrl : ownIssuer();
    }

    /** This library's own issuer: the token service's, or the one a resource server accepts. */
    String ownIssuer() {
      return tokens != null ? tokens.issuer() : resourceServerIssuer;
    }
  }
}
