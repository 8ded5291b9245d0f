package io.admin.auth.testkit.server;

import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.password.Argon2Params;
import io.admin.auth.core.password.BasicAuthenticator;
import io.admin.auth.core.password.PasswordHasher;
import io.admin.auth.core.spi.User;
import io.admin.auth.core.store.memory.InMemoryUserStore;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.endpoint.EndpointPaths;
import io.admin.auth.servlet.signin.SignIn;
import io.admin.auth.servlet.signin.SignInPaths;
import io.admin.auth.testkit.TestKeys;
import io.admin.auth.testkit.TestTokens;
import io.admin.auth.testkit.internal.http.JettyHost;
import io.admin.auth.testkit.internal.http.MeServlet;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A real authorization server for client tests: the servlet module's endpoints and filter over
 * the core's {@link DefaultTokenService}, on embedded Jetty at {@code 127.0.0.1} on a free port,
 * seeded with clients from code. Beyond the real thing it can fail the next N token requests with
 * a chosen status (429 with {@code Retry-After}, 500, 503) and counts the token requests it got.
 * Seeded users ({@link Builder#user}) switch HTTP Basic on, and signing people in with the default
 * login page (for {@code io.admin.auth.testkit.signin.SignInDriver}).
 *
 * <pre>{@code
 * try (MockAuthorizationServer as = MockAuthorizationServer.builder()
 *     .client("reporting", "reporting-secret-0123456789", "users:read")
 *     .start()) {
 *   TokenClient client = TokenClient.builder().tokenEndpoint(as.tokenEndpoint())
 *       .clientId("reporting").clientSecret("reporting-secret-0123456789").build();
 *   as.failNextTokenRequests(1, 429, Duration.ofSeconds(1));
 *   client.accessToken(); // waits 1 s, retries, succeeds
 * }
 * }</pre>
 *
 * <p>{@code GET /api/v3/me} is mounted behind the filter (any authenticated caller) and echoes the
 * principal as the dev server does. Thread-safe; {@link #close()} stops Jetty.
 */
public final class MockAuthorizationServer implements AutoCloseable {

  /** The protected resource every mock serves. */
  public static final String ME_PATH = "/api/v3/me";

  private final JettyHost host;
  private final DefaultTokenService tokenService;
  private final RecordingTokenService recorder;
  private final TokenEndpointFaults faults;
  private final TestTokens tokens;
  private final EndpointPaths paths;

  private MockAuthorizationServer(JettyHost host, DefaultTokenService tokenService,
      RecordingTokenService recorder, TokenEndpointFaults faults, TestTokens tokens,
      EndpointPaths paths) {
    this.host = host;
    this.tokenService = tokenService;
    this.recorder = recorder;
    this.faults = faults;
    this.tokens = tokens;
    this.paths = paths;
  }

  /**
   * A builder: add clients, then {@link Builder#start()}.
   *
   * @return a builder with every default; no port is bound before {@link Builder#start()}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@code http://127.0.0.1:<port>}.
   *
   * @return the server's root, on the loopback address and the port bound at start
   */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + host.port());
  }

  /**
   * The issuer ({@code iss} of its tokens, metadata {@code issuer}): the base URI.
   *
   * @return the base URI as a string, without a trailing slash
   */
  public String issuer() {
    return tokenService.issuer();
  }

  /**
   * The token endpoint.
   *
   * @return the absolute URI of the token endpoint on this server
   */
  public URI tokenEndpoint() {
    return baseUri().resolve(paths.token());
  }

  /**
   * The authorization endpoint ({@code GET /api/v3/auth/authorize}); it signs people in (default
   * login page and consent page) once a user was seeded with {@link Builder#user}.
   *
   * @return the absolute URI of the authorization endpoint on this server
   */
  public URI authorizationEndpoint() {
    return baseUri().resolve(SignInPaths.defaults().authorize());
  }

  /**
   * The revocation endpoint (RFC 7009).
   *
   * @return the absolute URI of the revocation endpoint on this server
   */
  public URI revocationEndpoint() {
    return baseUri().resolve(paths.revocation());
  }

  /**
   * The introspection endpoint (RFC 7662).
   *
   * @return the absolute URI of the introspection endpoint on this server
   */
  public URI introspectionEndpoint() {
    return baseUri().resolve(paths.introspection());
  }

  /**
   * The JWK Set document.
   *
   * @return the absolute URI of the JWK Set on this server
   */
  public URI jwksUri() {
    return baseUri().resolve(paths.jwks());
  }

  /**
   * The RFC 8414 metadata document.
   *
   * @return the absolute URI of the metadata on this server
   */
  public URI metadataUri() {
    return baseUri().resolve(paths.authorizationServerMetadata());
  }

  /**
   * The protected echo resource {@value #ME_PATH}.
   *
   * @return the absolute URI of the echo resource on this server
   */
  public URI meUri() {
    return baseUri().resolve(ME_PATH);
  }

  /**
   * The real token service behind the endpoints (register more clients, revoke, verify).
   *
   * @return the same service on every call, shared with the endpoints
   */
  public DefaultTokenService tokenService() {
    return tokenService;
  }

  /**
   * A minter whose tokens this server accepts (same keys, issuer, audience and clock).
   *
   * @return the same minter on every call
   */
  public TestTokens tokens() {
    return tokens;
  }

  /**
   * Answers the next {@code count} token requests with {@code status} instead of handling them
   * (replacing any failures still planned). 429 is the contract's {@code rate_limited} error;
   * 5xx a {@code server_error}.
   *
   * @param retryAfter the {@code Retry-After} to send, or {@code null} for none
   * @param count how many requests fail; 0 cancels the failures still planned
   * @param status the HTTP status to answer, 400 to 599
   */
  public void failNextTokenRequests(int count, int status, Duration retryAfter) {
    if (count < 0 || status < 400 || status > 599) {
      throw new IllegalArgumentException("count >= 0 and a 4xx or 5xx status");
    }
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative");
    }
    faults.failNext(count, status, retryAfter);
  }

  /**
   * {@link #failNextTokenRequests(int, int, Duration)} without {@code Retry-After}.
   *
   * @param count how many requests fail; 0 cancels the failures still planned
   * @param status the HTTP status to answer, 400 to 599
   */
  public void failNextTokenRequests(int count, int status) {
    failNextTokenRequests(count, status, null);
  }

  /**
   * How many requests reached the token endpoint, failed ones included.
   *
   * @return the number of requests since start; never reset
   */
  public int tokenRequestCount() {
    return faults.requests();
  }

  /**
   * The grants the token service was asked for, in order ({@code client_credentials},
   * {@code refresh_token}); injected failures and rejected client authentication do not appear.
   *
   * @return a copy, the {@code grant_type} of each request the service handled, oldest first;
   *     empty when none
   */
  public List<String> grants() {
    return recorder.grants();
  }

  /** Stops the server. */
  @Override
  public void close() {
    host.close();
  }

  @Override
  public String toString() {
    return "MockAuthorizationServer[" + baseUri() + "]";
  }

  /** Configures a {@link MockAuthorizationServer}; {@link #start()} validates and starts it. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private TestKeys keys;
    private String audience;
    private Duration accessTokenTtl = DefaultTokenService.MAX_ACCESS_TOKEN_TTL;
    private Duration refreshTokenTtl = Duration.ofDays(30);
    private final Map<String, ClientRegistration> clients = new LinkedHashMap<>();
    private final Map<String, User> users = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();
    /** Cheap Argon2id parameters: a test server hashes passwords at start and on every login. */
    private final PasswordHasher passwords =
        PasswordHasher.withParams(new Argon2Params(64, 1, 1), random);

    private Builder() {}

    /**
     * The server's clock (token times, expiry); default the system UTC clock.
     *
     * @param clock decides token times and expiry; not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The signing key; default a fresh RS256 key.
     *
     * @param keys the key the server signs with and publishes in its JWK Set; not null
     * @return this builder
     */
    public Builder keys(TestKeys keys) {
      this.keys = Objects.requireNonNull(keys, "keys");
      return this;
    }

    /**
     * The {@code aud} of issued and accepted tokens; default the issuer.
     *
     * @param audience the audience; not null
     * @return this builder
     */
    public Builder audience(String audience) {
      this.audience = Objects.requireNonNull(audience, "audience");
      return this;
    }

    /**
     * Access token lifetime (at most one hour); default one hour.
     *
     * @param ttl the lifetime of issued access tokens; not null, checked by {@link #start()}
     * @return this builder
     */
    public Builder accessTokenTtl(Duration ttl) {
      this.accessTokenTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /**
     * Refresh token lifetime; default 30 days.
     *
     * @param ttl the lifetime of issued refresh tokens; not null
     * @return this builder
     */
    public Builder refreshTokenTtl(Duration ttl) {
      this.refreshTokenTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /**
     * A client with both grants and a refresh token for client_credentials (docs/http-contract.md,
     * "A refresh token for {@code client_credentials}").
     *
     * @param clientId the client id; a later client with the same id replaces it
     * @param clientSecret the client's secret
     * @param scopes the scopes the client may ask for; none for a client without scopes
     * @return this builder
     */
    public Builder client(String clientId, String clientSecret, String... scopes) {
      return client(ClientRegistration.of(clientId, clientSecret, java.util.Set.of(scopes)));
    }

    /**
     * A client as registered by code.
     *
     * @param registration the client; one registered earlier with the same id is replaced
     * @return this builder
     */
    public Builder client(ClientRegistration registration) {
      clients.put(registration.clientId(), registration);
      return this;
    }

    /**
     * A Basic user (RFC 7617); with at least one, the server accepts Basic credentials and signs
     * people in: the authorization endpoint, the default login page (the same users) and the
     * consent page are served, for the clients registered with {@code
     * ClientRegistration.signingIn}. Passwords are hashed with deliberately cheap Argon2id
     * parameters: test use only.
     *
     * @param name the user name; a later user with the same name replaces it
     * @param password the password, hashed at once
     * @param scopes the scopes granted to the user; none for a user without scopes
     * @return this builder
     */
    public Builder user(String name, String password, String... scopes) {
      users.put(name, new User(name, passwords.hash(password), java.util.Set.of(scopes), false));
      return this;
    }

    /**
     * Binds a free port on 127.0.0.1 and starts.
     *
     * @return the running server; close it to free the port
     * @throws IllegalArgumentException for an invalid setting
     * @throws IllegalStateException when Jetty does not start
     */
    public MockAuthorizationServer start() {
      TestKeys k = keys != null ? keys : TestKeys.generate(
          io.admin.auth.core.SigningAlgorithm.RS256, clock);
      JettyHost host = JettyHost.bind("127.0.0.1", 0);
      try {
        String issuer = "http://127.0.0.1:" + host.port();
        String aud = audience != null ? audience : issuer;
        DefaultTokenService service = DefaultTokenService.builder()
            .issuer(issuer).audience(aud).clock(clock)
            .signingAlgorithm(k.algorithm()).keyStore(k.keyStore())
            .accessTokenTtl(accessTokenTtl).refreshTokenTtl(refreshTokenTtl)
            .acceptTestKeys(true)
            .build();
        clients.values().forEach(service::registerClient);
        RecordingTokenService recorder = new RecordingTokenService(service);
        TokenEndpointFaults faults = new TokenEndpointFaults();
        AdminAuth.Builder wiring = AdminAuth.builder(recorder)
            .accessPolicy(AccessPolicy.builder().protectedPrefix("/api").rule("GET", ME_PATH)
                .build());
        if (!users.isEmpty()) {
          InMemoryUserStore store = new InMemoryUserStore();
          users.values().forEach(store::save);
          byte[] pepper = new byte[32];
          random.nextBytes(pepper);
          BasicAuthenticator basic = BasicAuthenticator.builder().users(store).hasher(passwords)
              .cacheKeyHasher(SecretHasher.withPepper(pepper)).clock(clock).random(random)
              .build();
          // The same users sign in on the default login page, as docs/http-contract.md says.
          wiring.basic(basic).clock(clock)
              .signIn(SignIn.builder().defaultLoginPage(basic).random(random).build());
        }
        AdminAuth auth = wiring.build();
        EndpointPaths paths = auth.paths();
        host.start(ctx -> {
          // Registered before admin-auth, so injected failures come before any real handling.
          ctx.addFilter("token-endpoint-faults", faults).addMappingForUrlPatterns(
              EnumSet.of(DispatcherType.REQUEST), false, paths.token());
          auth.register(ctx);
          ctx.addServlet("me", new MeServlet()).addMapping(ME_PATH);
        });
        TestTokens tokens = TestTokens.builder(k).issuer(issuer).audience(aud).clock(clock).build();
        return new MockAuthorizationServer(host, service, recorder, faults, tokens, paths);
      } catch (RuntimeException e) {
        host.close();
        throw e;
      }
    }
  }
}
