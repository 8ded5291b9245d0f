package io.admin.auth.testkit.junit;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.verify.AccessTokenVerifier;
import io.admin.auth.core.verify.BearerTokenVerifier;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.testkit.MutableClock;
import io.admin.auth.testkit.TestKeys;
import io.admin.auth.testkit.TestTokens;
import io.admin.auth.testkit.server.MockAuthorizationServer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test what it needs to test code that accepts admin-auth tokens, with no network: a
 * minter, the keys it signs with, and the library's real verifier and token service trusting
 * them, all on one {@link MutableClock}; and, on request, a started {@link MockAuthorizationServer}
 * for testing clients.
 *
 * <pre>{@code
 * @ExtendWith(AdminAuthExtension.class)
 * class UsersApiTest {
 *   @Test
 *   void expiredTokenIsRejected(TestTokens tokens, AccessTokenVerifier verifier, MutableClock clock) {
 *     String jwt = tokens.token().subject("alice").scopes("users:read").sign();
 *     clock.advance(Duration.ofHours(2));
 *     assertInstanceOf(AuthOutcome.Rejected.class, verifier.verify(jwt));
 *   }
 * }
 * }</pre>
 *
 * <p>Parameters it resolves, in test methods, lifecycle methods and constructors:
 * {@link TestKeys} (one per test class), {@link MutableClock} (one per test, starting at
 * {@link Builder#start}), {@link TestTokens}, {@link AccessTokenVerifier} and
 * {@link BearerTokenVerifier}, {@link DefaultTokenService} and {@link TokenService} (in-memory
 * stores, signing with the test keys), and {@link MockAuthorizationServer} (started on a free
 * port with the same keys and clock, closed after the test; its issuer is its own URL, so mint
 * tokens for it with {@link MockAuthorizationServer#tokens()}). Within one test every parameter
 * of a type is the same instance. Configure with {@code @RegisterExtension} and {@link #builder()}.
 *
 * <p>A {@code String} parameter or field annotated {@link WithToken} receives a token minted by
 * that {@link TestTokens}: signed, on the test's clock, with the subject, client id and scopes the
 * annotation names.
 *
 * <p>Testing your own application: with {@link Builder#exportSystemProperties()}, before the
 * class's tests the extension writes the test key's public JWK Set to a temporary file and sets
 * the system properties {@value #ISSUER_PROPERTY}, {@value #AUDIENCE_PROPERTY}, {@value
 * #JWKS_FILE_PROPERTY} and {@value #ACCEPT_TEST_KEYS_PROPERTY} (restored, and the file deleted,
 * after them), which the application's test properties reference as a resource server:
 *
 * <pre>
 * admin.auth.resource-server.issuer=${sys:admin.auth.test.issuer}
 * admin.auth.resource-server.jwks-file=${sys:admin.auth.test.jwks-file}
 * admin.auth.resource-server.accept-test-keys=${sys:admin.auth.test.accept-test-keys}
 * </pre>
 *
 * <p>The application then verifies on the system clock, so in this mode each test's clock starts
 * at the real time unless {@link Builder#start} says otherwise. System properties are global:
 * classes using this mode must not run concurrently in one JVM.
 */
public final class AdminAuthExtension
    implements ParameterResolver, BeforeAllCallback, BeforeEachCallback {

  /** System property: the issuer of the test tokens. */
  public static final String ISSUER_PROPERTY = "admin.auth.test.issuer";
  /** System property: the audience of the test tokens. */
  public static final String AUDIENCE_PROPERTY = "admin.auth.test.audience";
  /** System property: a file holding the test key's public JWK Set. */
  public static final String JWKS_FILE_PROPERTY = "admin.auth.test.jwks-file";
  /** System property: {@code true}, for {@code admin.auth.resource-server.accept-test-keys}. */
  public static final String ACCEPT_TEST_KEYS_PROPERTY = "admin.auth.test.accept-test-keys";

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(AdminAuthExtension.class);
  private static final List<Class<?>> TYPES = List.of(TestKeys.class, MutableClock.class,
      TestTokens.class, AccessTokenVerifier.class, BearerTokenVerifier.class,
      DefaultTokenService.class, TokenService.class, MockAuthorizationServer.class);

  private final String issuer;
  private final String audience;
  private final SigningAlgorithm algorithm;
  private final Instant start;
  private final boolean realTimeStart;
  private final boolean exportSystemProperties;
  private final List<ClientRegistration> clients;

  /** The defaults: issuer {@value TestTokens#DEFAULT_ISSUER}, RS256, clock at 2030-01-01T00:00:00Z. */
  public AdminAuthExtension() {
    this(new Builder());
  }

  private AdminAuthExtension(Builder b) {
    this.issuer = b.issuer;
    this.audience = b.audience;
    this.algorithm = b.algorithm;
    this.start = b.start;
    this.realTimeStart = b.exportSystemProperties && !b.startSet;
    this.exportSystemProperties = b.exportSystemProperties;
    this.clients = List.copyOf(b.clients);
  }

  /**
   * A builder, for {@code @RegisterExtension static AdminAuthExtension auth = ...build();}.
   *
   * @return a builder with the defaults of {@link #AdminAuthExtension()}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Exports the system properties for the application under test, when asked to. */
  @Override
  public void beforeAll(ExtensionContext context) {
    if (exportSystemProperties) {
      TestTokens forClass = TestTokens.builder(keys(context)).issuer(issuer).audience(audience)
          .build();
      // AutoCloseable: JUnit closes it, restoring the properties, after the class's tests.
      context.getStore(NS).getOrComputeIfAbsent("exported",
          k -> TestApplicationProperties.export(forClass), TestApplicationProperties.class);
    }
  }

  /** Sets every {@link WithToken} field of the test instance (and of enclosing instances). */
  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      for (Class<?> c = instance.getClass(); c != Object.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          WithToken spec = field.getAnnotation(WithToken.class);
          if (spec != null) {
            if (field.getType() != String.class || Modifier.isStatic(field.getModifiers())
                || Modifier.isFinal(field.getModifiers())) {
              throw new ExtensionConfigurationException("@WithToken field " + field.getName()
                  + " must be a non-static, non-final String");
            }
            field.setAccessible(true);
            field.set(instance, mint(spec, context));
          }
        }
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.isAnnotated(WithToken.class)) {
      return parameter.getParameter().getType() == String.class;
    }
    return TYPES.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.isAnnotated(WithToken.class)) {
      return mint(parameter.findAnnotation(WithToken.class).orElseThrow(), context);
    }
    Class<?> type = parameter.getParameter().getType();
    if (type == TestKeys.class) {
      return keys(context);
    }
    if (type == MutableClock.class) {
      return clock(context);
    }
    if (type == TestTokens.class) {
      return tokens(context);
    }
    if (type == AccessTokenVerifier.class || type == BearerTokenVerifier.class) {
      return store(context).getOrComputeIfAbsent("verifier", k -> tokens(context).verifier(),
          AccessTokenVerifier.class);
    }
    if (type == DefaultTokenService.class || type == TokenService.class) {
      return store(context).getOrComputeIfAbsent("service", k -> tokenService(context),
          DefaultTokenService.class);
    }
    return store(context).getOrComputeIfAbsent("server", k -> mockServer(context),
        MockAuthorizationServer.class);
  }

  private TestKeys keys(ExtensionContext context) {
    // One key per class: RSA key generation is the slow part, and no test can change a key.
    return classContext(context).getStore(NS).getOrComputeIfAbsent("keys",
        k -> TestKeys.generate(algorithm, Clock.fixed(start, java.time.ZoneOffset.UTC)),
        TestKeys.class);
  }

  private MutableClock clock(ExtensionContext context) {
    return store(context).getOrComputeIfAbsent("clock",
        k -> MutableClock.at(realTimeStart ? Instant.now() : start), MutableClock.class);
  }

  private String mint(WithToken spec, ExtensionContext context) {
    String jwt = tokens(context).token().subject(spec.subject()).clientId(spec.clientId())
        .scopes(spec.scopes()).sign();
    return spec.bearer() ? "Bearer " + jwt : jwt;
  }

  private TestTokens tokens(ExtensionContext context) {
    return store(context).getOrComputeIfAbsent("tokens", k -> TestTokens.builder(keys(context))
        .issuer(issuer).audience(audience).clock(clock(context)).build(), TestTokens.class);
  }

  private DefaultTokenService tokenService(ExtensionContext context) {
    DefaultTokenService service = tokens(context).tokenService();
    clients.forEach(service::registerClient);
    return service;
  }

  private MockAuthorizationServer mockServer(ExtensionContext context) {
    MockAuthorizationServer.Builder b = MockAuthorizationServer.builder()
        .clock(clock(context)).keys(keys(context));
    clients.forEach(b::client);
    // AutoCloseable values are closed by JUnit when the test's store is closed.
    return b.start();
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(NS);
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  /** Configures an {@link AdminAuthExtension}. */
  public static final class Builder {
    private String issuer = TestTokens.DEFAULT_ISSUER;
    private String audience;
    private SigningAlgorithm algorithm = SigningAlgorithm.RS256;
    private Instant start = Instant.parse("2030-01-01T00:00:00Z");
    private boolean startSet;
    private boolean exportSystemProperties;
    private final List<ClientRegistration> clients = new ArrayList<>();

    private Builder() {}

    /**
     * The issuer of minted tokens and required by the verifier and token service.
     *
     * @param issuer the issuer URL; not null; default {@value TestTokens#DEFAULT_ISSUER}
     * @return this builder
     */
    public Builder issuer(String issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /**
     * The audience; default the issuer.
     *
     * @param audience the audience of minted tokens, required by the verifier; not null
     * @return this builder
     */
    public Builder audience(String audience) {
      this.audience = Objects.requireNonNull(audience, "audience");
      return this;
    }

    /**
     * The signing algorithm of the test key; default RS256.
     *
     * @param algorithm the JWS algorithm of the key generated for each test class; not null
     * @return this builder
     */
    public Builder algorithm(SigningAlgorithm algorithm) {
      this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /**
     * Where every test's clock starts; default 2030-01-01T00:00:00Z, or the real time when the
     * test starts with {@link #exportSystemProperties()}.
     *
     * @param start the instant each test's {@link io.admin.auth.testkit.MutableClock} shows first;
     *     not null
     * @return this builder
     */
    public Builder start(Instant start) {
      this.start = Objects.requireNonNull(start, "start");
      this.startSet = true;
      return this;
    }

    /**
     * Hands the application under test the test key, issuer and audience as system properties
     * (see the class comment); needs the extension in a static {@code @RegisterExtension} field.
     *
     * @return this builder
     */
    public Builder exportSystemProperties() {
      this.exportSystemProperties = true;
      return this;
    }

    /**
     * A client registered on the token service and on the mock server.
     *
     * @param clientId the client id
     * @param clientSecret the client's secret, sent with the client-credentials grant
     * @param scopes the scopes the client may ask for; none for a client without scopes
     * @return this builder
     */
    public Builder client(String clientId, String clientSecret, String... scopes) {
      clients.add(ClientRegistration.of(clientId, clientSecret, Set.of(scopes)));
      return this;
    }

    /**
     * The extension.
     *
     * @return a new extension; register it with {@code @RegisterExtension}
     */
    public AdminAuthExtension build() {
      return new AdminAuthExtension(this);
    }
  }
}
