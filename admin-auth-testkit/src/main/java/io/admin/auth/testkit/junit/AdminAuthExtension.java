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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
 */
public final class AdminAuthExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(AdminAuthExtension.class);
  private static final List<Class<?>> TYPES = List.of(TestKeys.class, MutableClock.class,
      TestTokens.class, AccessTokenVerifier.class, BearerTokenVerifier.class,
      DefaultTokenService.class, TokenService.class, MockAuthorizationServer.class);

  private final String issuer;
  private final String audience;
  private final SigningAlgorithm algorithm;
  private final Instant start;
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
    this.clients = List.copyOf(b.clients);
  }

  /** A builder, for {@code @RegisterExtension static AdminAuthExtension auth = ...build();}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return TYPES.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
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
    return store(context).getOrComputeIfAbsent("clock", k -> MutableClock.at(start),
        MutableClock.class);
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
    private final List<ClientRegistration> clients = new ArrayList<>();

    private Builder() {}

    /** The issuer of minted tokens and required by the verifier and token service. */
    public Builder issuer(String issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /** The audience; default the issuer. */
    public Builder audience(String audience) {
      this.audience = Objects.requireNonNull(audience, "audience");
      return this;
    }

    /** The signing algorithm of the test key; default RS256. */
    public Builder algorithm(SigningAlgorithm algorithm) {
      this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /** Where every test's clock starts; default 2030-01-01T00:00:00Z. */
    public Builder start(Instant start) {
      this.start = Objects.requireNonNull(start, "start");
      return this;
    }

    /** A client registered on the token service and on the mock server. */
    public Builder client(String clientId, String clientSecret, String... scopes) {
      clients.add(ClientRegistration.of(clientId, clientSecret, Set.of(scopes)));
      return this;
    }

    /** The extension. */
    public AdminAuthExtension build() {
      return new AdminAuthExtension(this);
    }
  }
}
