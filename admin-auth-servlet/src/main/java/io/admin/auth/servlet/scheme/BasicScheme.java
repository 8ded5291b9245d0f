package io.admin.auth.servlet.scheme;

import io.admin.auth.servlet.error.Challenge;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.password.BasicAuthenticator;
import io.admin.auth.core.ratelimit.FailureThrottle;
import io.admin.auth.core.spi.FailureCountStore;
import io.admin.auth.core.ratelimit.InFlightLimiter;
import io.admin.auth.core.ratelimit.RateLimitDecision;
import io.admin.auth.core.ratelimit.RemoteAddressKey;
import jakarta.servlet.http.HttpServletRequest;
import io.admin.auth.servlet.internal.BasicCredentialsDecoder;
import io.admin.auth.servlet.internal.BasicCredentialsDecoder.Credentials;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP Basic authentication (RFC 7617, docs/http-contract.md, "Basic authentication"), checked by a {@link
 * BasicAuthenticator}, with brute-force throttling per user and per remote address.
 *
 * <ul>
 *   <li>Credentials are {@code base64(user ":" password)} decoded as UTF-8 (section 2.1) by the
 *       same decoder as client authentication at the token endpoint; the user
 *       id ends at the <em>first</em> colon, so passwords may contain colons. Invalid base64,
 *       invalid UTF-8, no colon, an empty user id, control characters (section 2) or more than
 *       {@value #MAX_CREDENTIALS_CHARS} characters are 401 {@code AUTH_BASIC_INVALID}, never 500.
 *   <li>Before a password hash is spent, the user key {@code "user:" + name} and the address key
 *       ({@link RemoteAddressKey}, IPv6 by /64) are checked; a blocked one is 429 {@code
 *       AUTH_RATE_LIMITED} with {@code Retry-After}. The attempt is then counted as a failure on
 *       both keys <em>before</em> the hash is computed ({@link FailureThrottle#recordAttempt}),
 *       so that a burst of concurrent attempts cannot all pass the check before the first
 *       failure is recorded; a success takes the count back (the user key is reset, the address
 *       key forgiven one failure: resetting the address would let one valid account unlock brute
 *       force of others from that address), and so does an attempt that could not be checked. A
 *       malformed header counts on the address only.
 *   <li>At most {@code maxInFlightPerAddress} attempts (default {@value
 *       #DEFAULT_MAX_IN_FLIGHT_PER_ADDRESS}) from one address are verified at once; more are 429
 *       at once, so one address cannot hold every slot of the authenticator's {@link
 *       io.admin.auth.core.password.HashingGate} (when those are all taken, the authenticator
 *       answers 503).
 *   <li>The remote address is {@link HttpServletRequest#getRemoteAddr()}: behind a proxy,
 *       configure the container to resolve the client address (Tomcat {@code RemoteIpValve},
 *       Jetty {@code ForwardedRequestCustomizer}), else all clients share the proxy's budget.
 *   <li>The challenge is {@code Basic realm="admin", charset="UTF-8"} (section 2.1), without
 *       error attributes even after a rejection: RFC 7617 defines none.
 * </ul>
 *
 * <p>Immutable and thread-safe; build with {@link #builder(BasicAuthenticator)}.
 */
public final class BasicScheme implements AuthScheme {

  /** Credentials (the base64 part) longer than this are refused without decoding. */
  public static final int MAX_CREDENTIALS_CHARS = BasicCredentialsDecoder.MAX_CREDENTIALS_CHARS;

  /** Default of {@link Builder#maxInFlightPerAddress(int)}. */
  public static final int DEFAULT_MAX_IN_FLIGHT_PER_ADDRESS = 4;

  private static final String MALFORMED = "The Basic credentials are malformed.";

  private final BasicAuthenticator authenticator;
  private final FailureThrottle perUser;
  private final FailureThrottle perAddress;
  private final InFlightLimiter inFlight;

  private BasicScheme(Builder b) {
    this.authenticator = b.authenticator;
    this.perUser = b.perUser;
    this.perAddress = b.perAddress;
    this.inFlight = new InFlightLimiter(b.maxInFlightPerAddress);
  }

  /**
   * A builder over {@code authenticator}, with default throttles: a user is blocked for 5 minutes
   * after 5 failures in 5 minutes, an address after 50 (addresses are shared by NAT and proxies).
   *
   * @param authenticator checks a user name and password; not null
   * @return a new builder
   */
  public static Builder builder(BasicAuthenticator authenticator) {
    return new Builder(authenticator);
  }

  @Override
  public boolean presentIn(HttpServletRequest request) {
    return AuthorizationHeader.uses(request, "Basic");
  }

  @Override
  public AuthOutcome authenticate(HttpServletRequest request) {
    if (!presentIn(request)) {
      return AuthOutcome.notApplicable();
    }
    String addressKey = RemoteAddressKey.of(request.getRemoteAddr());
    RateLimitDecision address = perAddress.check(addressKey);
    if (!address.allowed()) {
      return AuthOutcome.rejected(address.toAuthError());
    }
    Optional<Credentials> credentials = BasicCredentialsDecoder.decode(
        AuthorizationHeader.credentials(request.getHeader("Authorization")));
    if (credentials.isEmpty()) {
      perAddress.recordFailure(addressKey);
      return AuthOutcome.rejected(AuthErrorCode.AUTH_BASIC_INVALID, MALFORMED);
    }
    String userKey = "user:" + credentials.get().user();
    RateLimitDecision user = perUser.check(userKey);
    if (!user.allowed()) {
      return AuthOutcome.rejected(user.toAuthError());
    }
    RateLimitDecision slot = inFlight.tryAcquire(addressKey);
    if (!slot.allowed()) {
      return AuthOutcome.rejected(slot.toAuthError());
    }
    try {
      return verify(credentials.get(), userKey, addressKey);
    } finally {
      inFlight.release(addressKey);
    }
  }

  /** Counts the attempt as a failure first, verifies, and takes the count back on success. */
  private AuthOutcome verify(Credentials credentials, String userKey, String addressKey) {
    RateLimitDecision address = perAddress.recordAttempt(addressKey);
    if (!address.allowed()) {
      return AuthOutcome.rejected(address.toAuthError());
    }
    RateLimitDecision user = perUser.recordAttempt(userKey);
    if (!user.allowed()) {
      perAddress.forgive(addressKey);
      return AuthOutcome.rejected(user.toAuthError());
    }
    AuthOutcome outcome;
    try {
      outcome = authenticator.authenticate(credentials.user(), credentials.password());
    } catch (RuntimeException e) {
      // Not checked (a store outage, no hashing slot): not a failure of these credentials.
      perUser.forgive(userKey);
      perAddress.forgive(addressKey);
      throw e;
    }
    if (outcome instanceof AuthOutcome.Authenticated) {
      perUser.reset(userKey);
      perAddress.forgive(addressKey);
    }
    return outcome;
  }

  /** {@code basic}. */
  @Override
  public String methodName() {
    return "basic";
  }

  @Override
  public Challenge challenge(String realm) {
    return Challenge.of("Basic", realm).with("charset", "UTF-8");
  }

  /** RFC 7617 has no error attributes: the plain challenge. */
  @Override
  public Challenge challenge(String realm, AuthError rejection) {
    return challenge(realm);
  }

  /** Builds a {@link BasicScheme}. */
  public static final class Builder {
    private final BasicAuthenticator authenticator;
    private FailureThrottle perUser = FailureThrottle.builder().build();
    private FailureThrottle perAddress = FailureThrottle.builder().maxFailures(50)
        .window(Duration.ofMinutes(5)).blockDuration(Duration.ofMinutes(5)).build();
    private int maxInFlightPerAddress = DEFAULT_MAX_IN_FLIGHT_PER_ADDRESS;

    private Builder(BasicAuthenticator authenticator) {
      this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    /**
     * Attempts from one address verified at the same time (default {@value
     * #DEFAULT_MAX_IN_FLIGHT_PER_ADDRESS}, at least 1); more are answered 429 at once.
     *
     * @param max the number of concurrent attempts per address, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code max} is less than 1
     */
    public Builder maxInFlightPerAddress(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxInFlightPerAddress must be positive");
      }
      this.maxInFlightPerAddress = max;
      return this;
    }

    /**
     * Replaces both throttles by their default policies (5 failures per user, 50 per address, in
     * 5 minutes, then a 5-minute block, on the system clock) counting in {@code store}: with a
     * database store every node counts the same failures. Call it before {@link #userThrottle}
     * or {@link #addressThrottle}, which replace one throttle again.
     *
     * @param store where the failures are counted; not null
     * @return this builder
     */
    public Builder failureCountStore(FailureCountStore store) {
      Objects.requireNonNull(store, "store");
      this.perUser = FailureThrottle.builder().store(store).namespace("basic-user").build();
      this.perAddress = FailureThrottle.builder().maxFailures(50).store(store)
          .namespace("basic-address").build();
      return this;
    }

    /**
     * Failure throttle keyed {@code "user:" + name}.
     *
     * @param throttle counts failed attempts per user name and blocks the name; not null
     * @return this builder
     */
    public Builder userThrottle(FailureThrottle throttle) {
      this.perUser = Objects.requireNonNull(throttle, "throttle");
      return this;
    }

    /**
     * Failure throttle keyed by {@link RemoteAddressKey}; may be the same instance as the user
     * throttle (the key prefixes keep them apart), then both share its limits.
     *
     * @param throttle counts failed attempts per client address and blocks it; not null
     * @return this builder
     */
    public Builder addressThrottle(FailureThrottle throttle) {
      this.perAddress = Objects.requireNonNull(throttle, "throttle");
      return this;
    }

    /**
     * The scheme.
     *
     * @return a new, immutable scheme with the throttles set so far
     */
    public BasicScheme build() {
      return new BasicScheme(this);
    }
  }
}
