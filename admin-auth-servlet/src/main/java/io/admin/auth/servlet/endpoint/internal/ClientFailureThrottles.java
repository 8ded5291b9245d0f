package io.admin.auth.servlet.endpoint.internal;

import io.admin.auth.core.ratelimit.FailureThrottle;
import io.admin.auth.core.spi.FailureCountStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The failure throttles of client authentication, shared by the token, revocation and
 * introspection endpoints so that a guesser gets one budget, not one per endpoint.
 *
 * @param perClient failures keyed {@code "client:" + clientId}
 * @param perAddress failures keyed by {@link io.admin.auth.core.ratelimit.RemoteAddressKey}
 */
public record ClientFailureThrottles(FailureThrottle perClient, FailureThrottle perAddress) {

  /** Failures of one client id, within {@link #WINDOW}, that block it for {@link #WINDOW}. */
  public static final int DEFAULT_PER_CLIENT = 10;
  /** Failures from one address, within {@link #WINDOW}, that block it for {@link #WINDOW}. */
  public static final int DEFAULT_PER_ADDRESS = 50;
  /** The default window and block: five minutes, as for Basic. */
  public static final Duration WINDOW = Duration.ofMinutes(5);

  /** Both throttles are required. */
  public ClientFailureThrottles {
    Objects.requireNonNull(perClient, "perClient");
    Objects.requireNonNull(perAddress, "perAddress");
  }

  /** The defaults on {@code clock}: 10 failures per client id, 50 per address, in 5 minutes. */
  public static ClientFailureThrottles defaults(Clock clock) {
    return new ClientFailureThrottles(throttle(DEFAULT_PER_CLIENT, clock, null, ""),
        throttle(DEFAULT_PER_ADDRESS, clock, null, ""));
  }

  /**
   * The defaults on {@code clock}, counting in {@code store} (shared by every node on it when it
   * is a database store).
   */
  public static ClientFailureThrottles defaults(Clock clock, FailureCountStore store) {
    Objects.requireNonNull(store, "store");
    return new ClientFailureThrottles(throttle(DEFAULT_PER_CLIENT, clock, store, "client-id"),
        throttle(DEFAULT_PER_ADDRESS, clock, store, "client-address"));
  }

  private static FailureThrottle throttle(int maxFailures, Clock clock, FailureCountStore store,
      String namespace) {
    FailureThrottle.Builder b = FailureThrottle.builder().maxFailures(maxFailures).window(WINDOW)
        .blockDuration(WINDOW).clock(clock).namespace(namespace);
    return (store == null ? b : b.store(store)).build();
  }
}
