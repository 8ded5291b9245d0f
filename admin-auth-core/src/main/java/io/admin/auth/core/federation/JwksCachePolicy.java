package io.admin.auth.core.federation;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RemoteJwkSetCache} fetches and keeps a provider's JWK Set.
 *
 * @param defaultTtl how long a fetched set is fresh when the response has no {@code max-age}
 * @param minTtl lower bound for {@code Cache-Control: max-age} (and for {@code no-cache}/{@code no-store})
 * @param maxTtl upper bound for {@code Cache-Control: max-age}
 * @param refetchInterval least time between two fetches that expiry did not cause: a token with an
 *     unknown {@code kid}, or a retry after a failed fetch; bounds the traffic forged {@code kid}s
 *     can cause to one request per interval
 * @param maxStale how long past its freshness a set is still used while the provider cannot be
 *     reached; after that, verification fails closed
 * @param connectTimeout TCP/TLS connect timeout of every fetch
 * @param readTimeout time allowed for a whole response, headers and body, of every fetch
 * @param maxResponseBytes larger responses are refused (and count as a failed fetch)
 * @param warnInterval at most one warning per interval is logged while fetches keep failing
 */
public record JwksCachePolicy(
    Duration defaultTtl,
    Duration minTtl,
    Duration maxTtl,
    Duration refetchInterval,
    Duration maxStale,
    Duration connectTimeout,
    Duration readTimeout,
    int maxResponseBytes,
    Duration warnInterval) {

  private static final JwksCachePolicy DEFAULTS = new JwksCachePolicy(
      Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofHours(24), Duration.ofSeconds(30),
      Duration.ofHours(1), Duration.ofSeconds(2), Duration.ofSeconds(5), 512 * 1024,
      Duration.ofMinutes(1));

  /**
   * Checks that every duration is positive (the staleness allowance not negative) and that {@code
   * minTtl <= defaultTtl <= maxTtl}.
   *
   * @param defaultTtl freshness without {@code max-age}; positive
   * @param minTtl lower bound of {@code max-age}; positive, at most {@code defaultTtl}
   * @param maxTtl upper bound of {@code max-age}; positive, at least {@code defaultTtl}
   * @param refetchInterval least time between two fetches that expiry did not cause; positive
   * @param maxStale how long a stale set is still used; not negative
   * @param connectTimeout the connect timeout of every fetch; positive
   * @param readTimeout the time allowed for a whole response; positive
   * @param maxResponseBytes the largest response accepted, in bytes; positive
   * @param warnInterval the least time between two logged warnings; positive
   */
  public JwksCachePolicy {
    positive(defaultTtl, "defaultTtl");
    positive(minTtl, "minTtl");
    positive(maxTtl, "maxTtl");
    positive(refetchInterval, "refetchInterval");
    Objects.requireNonNull(maxStale, "maxStale");
    if (maxStale.isNegative()) {
      throw new IllegalArgumentException("maxStale must not be negative");
    }
    positive(connectTimeout, "connectTimeout");
    positive(readTimeout, "readTimeout");
    positive(warnInterval, "warnInterval");
    if (minTtl.compareTo(maxTtl) > 0
        || defaultTtl.compareTo(minTtl) < 0
        || defaultTtl.compareTo(maxTtl) > 0) {
      throw new IllegalArgumentException("need minTtl <= defaultTtl <= maxTtl");
    }
    if (maxResponseBytes < 1024 || maxResponseBytes > 16 * 1024 * 1024) {
      throw new IllegalArgumentException("maxResponseBytes must be within 1 KiB..16 MiB");
    }
  }

  /**
   * Fresh for {@code max-age} within 1 min..24 h (5 min without one), unknown-{@code kid} refetch
   * at most every 30 s, stale keys used for at most 1 h of provider outage, 2 s connect and 5 s
   * response timeouts, 512 KiB response limit, one warning a minute.
   *
   * @return the default policy
   */
  public static JwksCachePolicy defaults() {
    return DEFAULTS;
  }

  /**
   * The same policy with another {@link #refetchInterval()}.
   *
   * @param interval the new refetch interval
   * @return a new policy; this one is unchanged
   */
  public JwksCachePolicy withRefetchInterval(Duration interval) {
    return new JwksCachePolicy(defaultTtl, minTtl, maxTtl, interval, maxStale, connectTimeout,
        readTimeout, maxResponseBytes, warnInterval);
  }

  /**
   * The same policy with another {@link #maxStale()}.
   *
   * @param stale the new staleness allowance
   * @return a new policy; this one is unchanged
   */
  public JwksCachePolicy withMaxStale(Duration stale) {
    return new JwksCachePolicy(defaultTtl, minTtl, maxTtl, refetchInterval, stale, connectTimeout,
        readTimeout, maxResponseBytes, warnInterval);
  }

  /**
   * The same policy with other freshness bounds.
   *
   * @param min the lower bound of {@code max-age}
   * @param defaultWithoutMaxAge the freshness without {@code max-age}
   * @param max the upper bound of {@code max-age}
   * @return a new policy; this one is unchanged
   */
  public JwksCachePolicy withTtl(Duration min, Duration defaultWithoutMaxAge, Duration max) {
    return new JwksCachePolicy(defaultWithoutMaxAge, min, max, refetchInterval, maxStale,
        connectTimeout, readTimeout, maxResponseBytes, warnInterval);
  }

  /**
   * The same policy with other timeouts and response limit.
   *
   * @param connect the TCP/TLS connect timeout of every fetch
   * @param read the time allowed for a whole response
   * @param maxBytes the largest response accepted, in bytes
   * @return a new policy; this one is unchanged
   */
  public JwksCachePolicy withLimits(Duration connect, Duration read, int maxBytes) {
    return new JwksCachePolicy(defaultTtl, minTtl, maxTtl, refetchInterval, maxStale, connect, read,
        maxBytes, warnInterval);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
