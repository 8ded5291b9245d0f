package io.admin.auth.servlet.scheme;

import io.admin.auth.servlet.error.Challenge;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.password.BasicAuthenticator;
import io.admin.auth.core.ratelimit.FailureThrottle;
import io.admin.auth.core.ratelimit.RateLimitDecision;
import io.admin.auth.core.ratelimit.RemoteAddressKey;
import jakarta.servlet.http.HttpServletRequest;
import io.admin.auth.servlet.internal.BasicCredentialsDecoder;
import io.admin.auth.servlet.internal.BasicCredentialsDecoder.Credentials;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP Basic authentication (RFC 7617, docs/http-contract.md section 5), checked by a {@link
 * BasicAuthenticator}, with brute-force throttling per user and per remote address.
 *
 * <ul>
 *   <li>Credentials are {@code base64(user ":" password)} decoded as UTF-8 (section 2.1) by the
 *       same decoder as client authentication at the token endpoint; the user
 *       id ends at the <em>first</em> colon, so passwords may contain colons. Invalid base64,
 *       invalid UTF-8, no colon, an empty user id, control characters (section 2) or more than
 *       {@value #MAX_CREDENTIALS_CHARS} characters are 401 {@code AUTH_BASIC_INVALID}, never 500.
 *   <li>Before a password hash is spent, the user key {@code "user:" + name} and the address key
 *       {@code "ip:" + remoteAddr} are checked; a blocked one is 429 {@code AUTH_RATE_LIMITED}
 *       with {@code Retry-After}. Every rejection counts one failure on both keys (a malformed
 *       header only on the address); a success resets the user key only, because resetting the
 *       address would let one valid account unlock brute force of others from that address.
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

  private static final String MALFORMED = "The Basic credentials are malformed.";

  private final BasicAuthenticator authenticator;
  private final FailureThrottle perUser;
  private final FailureThrottle perAddress;

  private BasicScheme(Builder b) {
    this.authenticator = b.authenticator;
    this.perUser = b.perUser;
    this.perAddress = b.perAddress;
  }

  /**
   * A builder over {@code authenticator}, with default throttles: a user is blocked for 5 minutes
   * after 5 failures in 5 minutes, an address after 50 (addresses are shared by NAT and proxies).
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
    AuthOutcome outcome =
        authenticator.authenticate(credentials.get().user(), credentials.get().password());
    if (outcome instanceof AuthOutcome.Authenticated) {
      perUser.reset(userKey);
    } else if (outcome instanceof AuthOutcome.Rejected) {
      perUser.recordFailure(userKey);
      perAddress.recordFailure(addressKey);
    }
    return outcome;
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

    private Builder(BasicAuthenticator authenticator) {
      this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    /** Failure throttle keyed {@code "user:" + name}. */
    public Builder userThrottle(FailureThrottle throttle) {
      this.perUser = Objects.requireNonNull(throttle, "throttle");
      return this;
    }

    /**
     * Failure throttle keyed {@code "ip:" + remoteAddr}; may be the same instance as the user
     * throttle (the key prefixes keep them apart), then both share its limits.
     */
    public Builder addressThrottle(FailureThrottle throttle) {
      this.perAddress = Objects.requireNonNull(throttle, "throttle");
      return this;
    }

    /** The scheme. */
    public BasicScheme build() {
      return new BasicScheme(this);
    }
  }
}
