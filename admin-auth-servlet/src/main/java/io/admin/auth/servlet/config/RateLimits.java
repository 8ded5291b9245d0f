package io.admin.auth.servlet.config;

import io.admin.auth.core.observe.AuthObserver;
import io.admin.auth.core.ratelimit.FailureThrottle;
import io.admin.auth.core.ratelimit.RateLimitDecision;
import io.admin.auth.core.ratelimit.RateLimiter;
import io.admin.auth.core.ratelimit.RemoteAddressKey;
import io.admin.auth.core.ratelimit.TokenBucketRateLimiter;
import io.admin.auth.core.spi.FailureCountStore;
import io.admin.auth.servlet.endpoint.internal.ClientFailureThrottles;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The request limits {@link AdminAuth} applies; every exceeded limit is 429 {@code
 * AUTH_RATE_LIMITED} with {@code Retry-After}. Immutable; build with {@link #builder(Clock)}.
 *
 * <p>Defaults ({@link #defaults(Clock)}), safe without configuration:
 *
 * <ul>
 *   <li>token endpoint per remote address: bursts of 300, 300 per minute (every request, before
 *       its body is read);
 *   <li>token endpoint per authenticated client id: bursts of 60, 60 per minute (access tokens
 *       live an hour; a client needing more is misbehaving);
 *   <li>failed client authentication at the token, revocation and introspection endpoints
 *       (counted together): 10 failures of one client id in 5 minutes block that id for 5
 *       minutes, 50 from one remote address block the address for 5 minutes;
 *   <li>Basic failures per user: 5 in 5 minutes block the user for 5 minutes; per remote address:
 *       50 in 5 minutes block the address for 5 minutes (addresses are shared by NAT);
 *   <li>per authenticated principal on protected paths: off.
 * </ul>
 *
 * <p>Failure throttles count in memory, per node, unless {@link Builder#failureCountStore} gives
 * them a shared store; the token buckets are always per node, so N nodes behind a load balancer
 * admit up to N times each request-rate limit.
 *
 * <p>Remote addresses are {@code getRemoteAddr()}, keyed by {@link RemoteAddressKey} (IPv6 by
 * /64): behind a reverse proxy, have the container resolve the client address, or every client
 * shares the proxy's budget.
 */
public final class RateLimits {

  private static final RateLimiter UNLIMITED = key -> RateLimitDecision.allow();

  private final RateLimiter tokenPerAddress;
  private final RateLimiter tokenPerClient;
  private final FailureThrottle clientFailuresPerClient;
  private final FailureThrottle clientFailuresPerAddress;
  private final FailureThrottle basicPerUser;
  private final FailureThrottle basicPerAddress;
  private final RateLimiter perPrincipal;

  private RateLimits(Builder b) {
    this.tokenPerAddress = b.tokenPerAddress;
    this.tokenPerClient = b.tokenPerClient;
    this.clientFailuresPerClient = b.clientFailuresPerClient;
    this.clientFailuresPerAddress = b.clientFailuresPerAddress;
    this.basicPerUser = b.basicPerUser;
    this.basicPerAddress = b.basicPerAddress;
    this.perPrincipal = b.perPrincipal;
  }

  private RateLimits(RateLimits same, AuthObserver o) {
    this.tokenPerAddress = same.tokenPerAddress.observed("token_per_address", o);
    this.tokenPerClient = same.tokenPerClient.observed("token_per_client", o);
    this.clientFailuresPerClient =
        same.clientFailuresPerClient.observed("client_failures_per_client", o);
    this.clientFailuresPerAddress =
        same.clientFailuresPerAddress.observed("client_failures_per_address", o);
    this.basicPerUser = same.basicPerUser.observed("basic_per_user", o);
    this.basicPerAddress = same.basicPerAddress.observed("basic_per_address", o);
    this.perPrincipal = same.perPrincipal == null ? null
        : same.perPrincipal.observed("principal", o);
  }

  /**
   * The same limits, sharing their state, telling {@code observer} of every refusal as {@link
   * AuthObserver#rateLimited} with the limit's name: {@code token_per_address}, {@code
   * token_per_client}, {@code client_failures_per_client}, {@code client_failures_per_address},
   * {@code basic_per_user}, {@code basic_per_address}, {@code principal}. {@link AdminAuth} applies
   * it with its {@link AdminAuth.Builder#observer observer}.
   *
   * @param observer told of each refusal; not null
   * @return this instance for {@link AuthObserver#noop()}, otherwise new limits over the same
   *     buckets and counters
   */
  public RateLimits observedBy(AuthObserver observer) {
    Objects.requireNonNull(observer, "observer");
    return observer == AuthObserver.noop() ? this : new RateLimits(this, observer);
  }

  /**
   * The defaults listed on this class, on {@code clock}.
   *
   * @param clock the time source of every bucket and throttle; not null
   * @return new limits, with fresh in-memory state
   */
  public static RateLimits defaults(Clock clock) {
    return builder(clock).build();
  }

  /**
   * A builder starting from the defaults on {@code clock}.
   *
   * @param clock the time source of the default buckets and throttles; not null
   * @return a new builder
   */
  public static Builder builder(Clock clock) {
    return new Builder(clock);
  }

  /**
   * A token bucket holding {@code perPeriod} tokens, refilled at {@code perPeriod} per period.
   *
   * @param perPeriod the burst size and the number of requests admitted per period; positive
   * @param period the refill period, such as one minute; positive
   * @param clock the time source of the refill
   * @return a new in-memory limiter with one bucket per key, on this node only
   */
  public static RateLimiter bucket(long perPeriod, Duration period, Clock clock) {
    return TokenBucketRateLimiter.builder().capacity(perPeriod).refill(perPeriod, period)
        .clock(clock).build();
  }

  /**
   * A limiter that admits everything (to switch one limit off).
   *
   * @return the shared limiter that always allows
   */
  public static RateLimiter unlimited() {
    return UNLIMITED;
  }

  /**
   * Token endpoint limit keyed by {@link RemoteAddressKey}.
   *
   * @return the limiter; never null
   */
  public RateLimiter tokenPerAddress() {
    return tokenPerAddress;
  }

  /**
   * Token endpoint limit keyed {@code "client:" + clientId}.
   *
   * @return the limiter; never null
   */
  public RateLimiter tokenPerClient() {
    return tokenPerClient;
  }

  /**
   * Throttle of failed client authentication keyed {@code "client:" + clientId}.
   *
   * @return the throttle; never null
   */
  public FailureThrottle clientFailuresPerClient() {
    return clientFailuresPerClient;
  }

  /**
   * Throttle of failed client authentication keyed by {@link RemoteAddressKey}.
   *
   * @return the throttle; never null
   */
  public FailureThrottle clientFailuresPerAddress() {
    return clientFailuresPerAddress;
  }

  /**
   * Basic failure throttle keyed {@code "user:" + name}.
   *
   * @return the throttle; never null
   */
  public FailureThrottle basicPerUser() {
    return basicPerUser;
  }

  /**
   * Basic failure throttle keyed by {@link RemoteAddressKey}.
   *
   * @return the throttle; never null
   */
  public FailureThrottle basicPerAddress() {
    return basicPerAddress;
  }

  /**
   * Limit per principal on protected paths, if any.
   *
   * @return the limiter, or empty (the default: no limit per principal)
   */
  public Optional<RateLimiter> perPrincipal() {
    return Optional.ofNullable(perPrincipal);
  }

  /** Builds {@link RateLimits}; unset limits keep their defaults. */
  public static final class Builder {
    private RateLimiter tokenPerAddress;
    private RateLimiter tokenPerClient;
    private FailureThrottle clientFailuresPerClient;
    private FailureThrottle clientFailuresPerAddress;
    private FailureThrottle basicPerUser;
    private FailureThrottle basicPerAddress;
    private RateLimiter perPrincipal;
    private final Clock clock;

    private Builder(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      tokenPerAddress = bucket(300, Duration.ofMinutes(1), clock);
      tokenPerClient = bucket(60, Duration.ofMinutes(1), clock);
      ClientFailureThrottles clientFailures = ClientFailureThrottles.defaults(clock);
      clientFailuresPerClient = clientFailures.perClient();
      clientFailuresPerAddress = clientFailures.perAddress();
      basicPerUser = FailureThrottle.builder().clock(clock).build();
      basicPerAddress = FailureThrottle.builder().maxFailures(50).clock(clock).build();
    }

    /**
     * Replaces the four failure throttles (client authentication per client id and per address,
     * Basic per user and per address) by their default policies counting in {@code store}: with a
     * database store, every node on the database counts the same failures, so N nodes block at
     * the same count as one. Call it before replacing any of those throttles. Request-rate limits
     * (token buckets) stay per node.
     *
     * @param store where failures are counted; not null
     * @return this builder
     */
    public Builder failureCountStore(FailureCountStore store) {
      Objects.requireNonNull(store, "store");
      ClientFailureThrottles clientFailures = ClientFailureThrottles.defaults(clock, store);
      clientFailuresPerClient = clientFailures.perClient();
      clientFailuresPerAddress = clientFailures.perAddress();
      basicPerUser = FailureThrottle.builder().clock(clock).store(store).namespace("basic-user")
          .build();
      basicPerAddress = FailureThrottle.builder().maxFailures(50).clock(clock).store(store)
          .namespace("basic-address").build();
      return this;
    }

    /**
     * Token endpoint limit per remote address ({@link #unlimited()} switches it off).
     *
     * @param limiter asked once per token request, keyed by {@link RemoteAddressKey}; not null
     * @return this builder
     */
    public Builder tokenPerAddress(RateLimiter limiter) {
      this.tokenPerAddress = Objects.requireNonNull(limiter, "limiter");
      return this;
    }

    /**
     * Token endpoint limit per authenticated client id.
     *
     * @param limiter keyed {@code "client:" + clientId}; not null
     * @return this builder
     */
    public Builder tokenPerClient(RateLimiter limiter) {
      this.tokenPerClient = Objects.requireNonNull(limiter, "limiter");
      return this;
    }

    /**
     * Throttle of failed client authentication per claimed client id.
     *
     * @param throttle keyed {@code "client:" + clientId}; not null
     * @return this builder
     */
    public Builder clientFailuresPerClient(FailureThrottle throttle) {
      this.clientFailuresPerClient = Objects.requireNonNull(throttle, "throttle");
      return this;
    }

    /**
     * Throttle of failed client authentication per remote address.
     *
     * @param throttle keyed by {@link RemoteAddressKey}; not null
     * @return this builder
     */
    public Builder clientFailuresPerAddress(FailureThrottle throttle) {
      this.clientFailuresPerAddress = Objects.requireNonNull(throttle, "throttle");
      return this;
    }

    /**
     * Basic failure throttle per user.
     *
     * @param throttle keyed {@code "user:" + name}; not null
     * @return this builder
     */
    public Builder basicPerUser(FailureThrottle throttle) {
      this.basicPerUser = Objects.requireNonNull(throttle, "throttle");
      return this;
    }

    /**
     * Basic failure throttle per remote address.
     *
     * @param throttle keyed by {@link RemoteAddressKey}; not null
     * @return this builder
     */
    public Builder basicPerAddress(FailureThrottle throttle) {
      this.basicPerAddress = Objects.requireNonNull(throttle, "throttle");
      return this;
    }

    /**
     * Limit per authenticated principal ({@code <auth_method>:<subject>}) on protected paths.
     *
     * @param limiter asked once per authenticated request; not null
     * @return this builder
     */
    public Builder perPrincipal(RateLimiter limiter) {
      this.perPrincipal = Objects.requireNonNull(limiter, "limiter");
      return this;
    }

    /**
     * The limits.
     *
     * @return new, immutable limits; those not replaced keep their defaults
     */
    public RateLimits build() {
      return new RateLimits(this);
    }
  }
}
