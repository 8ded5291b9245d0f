package io.admin.auth.testkit;

import io.admin.auth.core.crypto.RandomTokens;
import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.issue.AccessTokenIssuer;
import io.admin.auth.core.verify.AccessTokenVerifier;
import io.admin.auth.core.issue.DefaultTokenService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * Mints access tokens for tests, signed with {@link TestKeys}, in exactly the shape the library
 * issues (RFC 9068: {@code typ=at+jwt}, {@code iss sub aud exp iat nbf jti client_id scope}), and
 * builds the real verifier and token service that trust those keys. No network, no server.
 *
 * <pre>{@code
 * TestTokens tokens = TestTokens.using(TestKeys.generate());
 * String jwt = tokens.token().subject("alice").scopes("users:read").sign();
 * AuthOutcome outcome = tokens.verifier().verify(jwt);           // Authenticated
 * String old = tokens.token().expired().sign();                   // Rejected: AUTH_TOKEN_EXPIRED
 * String id = tokens.idToken().subject("alice").audience("notes-app").sign(); // an ID token
 * }</pre>
 *
 * <p>Immutable and thread-safe; each {@link #token()} is a new, independent builder.
 */
public final class TestTokens {

  /** The default {@code iss}: a reserved test domain, never a real issuer. */
  public static final String DEFAULT_ISSUER = "https://issuer.test";

  private final TestKeys keys;
  private final String issuer;
  private final String audience;
  private final Clock clock;
  private final RandomTokens random;
  private final AccessTokenIssuer signer;

  private TestTokens(Builder b) {
    this.keys = b.keys;
    this.issuer = b.issuer;
    this.audience = b.audience != null ? b.audience : b.issuer;
    this.clock = b.clock;
    this.random = new RandomTokens(new SecureRandom());
    this.signer = new AccessTokenIssuer(issuer, audience, clock, random, JwsCrypto.jdk());
  }

  /**
   * A minter with the defaults: issuer {@value #DEFAULT_ISSUER}, audience = issuer, system clock.
   *
   * @param keys the key every token is signed with; not null
   * @return a new minter
   */
  public static TestTokens using(TestKeys keys) {
    return builder(keys).build();
  }

  /**
   * A builder over {@code keys}.
   *
   * @param keys the key every token is signed with; not null
   * @return a builder with the defaults of {@link #using}
   */
  public static Builder builder(TestKeys keys) {
    return new Builder(keys);
  }

  /**
   * A new token with this minter's defaults; set what the test cares about, then {@code sign()}.
   *
   * @return a new access-token builder, independent of every other
   */
  public TestToken token() {
    return new TestToken(this);
  }

  /**
   * A new OpenID Connect ID token with this minter's issuer, keys and clock, shaped as the
   * library's token endpoint issues them; the verifier and the filter refuse it as an access
   * token.
   *
   * @return a new ID-token builder, independent of every other
   */
  public TestIdToken idToken() {
    return new TestIdToken(this);
  }

  /**
   * The keys tokens are signed with.
   *
   * @return the keys given to the builder
   */
  public TestKeys keys() {
    return keys;
  }

  /**
   * The default {@code iss}, and the issuer {@link #verifier()} requires.
   *
   * @return the issuer URL; never blank
   */
  public String issuer() {
    return issuer;
  }

  /**
   * The default {@code aud}, and the audience {@link #verifier()} requires.
   *
   * @return the audience; the issuer when none was set
   */
  public String audience() {
    return audience;
  }

  /**
   * The clock token times are computed from (and that the verifier checks them against).
   *
   * @return the clock given to the builder, or the system UTC clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * The library's real verifier (default 30 s clock skew, empty revocation list) trusting exactly
   * {@link #keys()}, requiring {@link #issuer()} and {@link #audience()}, on {@link #clock()};
   * built to accept test keys, which a production verifier refuses.
   *
   * @return a new verifier on every call, each with its own revocation list
   */
  public AccessTokenVerifier verifier() {
    return AccessTokenVerifier.builder()
        .issuer(issuer)
        .audience(audience)
        .clock(clock)
        .keys(keys.resolver())
        .revocationStore(new InMemoryRevocationStore())
        .acceptTestKeys(true)
        .build();
  }

  /**
   * A new real {@link DefaultTokenService} (in-memory stores) whose active signing key is
   * {@link #keys()}, with this issuer, audience and clock: it accepts minted tokens, and tokens it
   * issues itself, so it can back the servlet module's filter and endpoints in a test. Register
   * clients on it with {@code registerClient}. Built to accept test keys.
   *
   * @return a new service on every call, with its own stores
   */
  public DefaultTokenService tokenService() {
    return DefaultTokenService.builder()
        .issuer(issuer)
        .audience(audience)
        .clock(clock)
        .signingAlgorithm(keys.algorithm())
        .keyStore(keys.keyStore())
        .acceptTestKeys(true)
        .build();
  }

  AccessTokenIssuer signer() {
    return signer;
  }

  RandomTokens random() {
    return random;
  }

  @Override
  public String toString() {
    return "TestTokens[issuer=" + issuer + ", audience=" + audience + ", keys=" + keys + "]";
  }

  /** Configures a {@link TestTokens}; {@link #build()} validates. */
  public static final class Builder {
    private final TestKeys keys;
    private String issuer = DEFAULT_ISSUER;
    private String audience;
    private Clock clock = Clock.systemUTC();

    private Builder(TestKeys keys) {
      this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * The {@code iss}; default {@value TestTokens#DEFAULT_ISSUER}.
     *
     * @param issuer the issuer URL; must not be blank (checked by {@link #build()})
     * @return this builder
     */
    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    /**
     * The {@code aud}; default the issuer (as the library's own default).
     *
     * @param audience the audience; {@code null} for the issuer, must not be blank otherwise
     * @return this builder
     */
    public Builder audience(String audience) {
      this.audience = audience;
      return this;
    }

    /**
     * The clock; default the system UTC clock. Use a {@link MutableClock} to test expiry.
     *
     * @param clock decides token times and what the verifier considers now; must not be null
     *     (checked by {@link #build()})
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * The minter.
     *
     * @return a new, immutable minter
     * @throws IllegalArgumentException for a blank issuer or audience
     */
    public TestTokens build() {
      if (issuer == null || issuer.isBlank()) {
        throw new IllegalArgumentException("issuer must not be blank");
      }
      if (audience != null && audience.isBlank()) {
        throw new IllegalArgumentException("audience must not be blank");
      }
      Objects.requireNonNull(clock, "clock");
      return new TestTokens(this);
    }
  }
}
