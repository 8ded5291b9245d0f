package io.admin.auth.core.federation;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.admin.auth.core.AuthUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider's JWK Set (RFC 7517 section 5), fetched over HTTP and held in memory. Thread-safe.
 *
 * <p>Promises, with times from the injected {@link Clock} and bounds from {@link JwksCachePolicy}:
 * <ul>
 *   <li>a fetched set is fresh for its {@code Cache-Control: max-age}, clamped to
 *       {@code minTtl..maxTtl}, and not fetched again before that;
 *   <li>a {@code kid} that is not in the set causes at most one fetch per {@code refetchInterval},
 *       however many such tokens arrive, so forged {@code kid}s cannot amplify traffic;
 *   <li>while the provider cannot be reached, the last set is used for at most {@code maxStale}
 *       past its freshness; then, and whenever no set was ever fetched, lookups throw
 *       {@link AuthUnavailableException} ("could not check": the filter answers 503, not 401, so a
 *       client keeps its good token); failed fetches are retried at most once per
 *       {@code refetchInterval} and logged at most once per {@code warnInterval};
 *   <li>every fetch has connect and response timeouts and a response size limit; redirects are
 *       not followed; private and symmetric key material in the document is dropped.
 * </ul>
 */
public final class RemoteJwkSetCache {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteJwkSetCache.class);

  private record Snapshot(JWKSet keys, Instant freshUntil) {}

  private final URI jwksUri;
  private final JwksCachePolicy policy;
  private final Clock clock;
  private final BoundedHttpFetcher fetcher;
  private final RateLimitedWarning warning;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Snapshot snapshot;
  private Instant lastAttempt; // guarded by lock
  private boolean lastFailed; // guarded by lock

  private RemoteJwkSetCache(URI jwksUri, JwksCachePolicy policy, Clock clock, HttpClient client) {
    this.jwksUri = jwksUri;
    this.policy = policy;
    this.clock = clock;
    this.fetcher = new BoundedHttpFetcher(client, policy.readTimeout(), policy.maxResponseBytes());
    this.warning = new RateLimitedWarning(LOG, clock, policy.warnInterval());
  }

  /**
   * A cache for {@code jwksUri} with its own HTTP client. Nothing is fetched until the first lookup.
   *
   * @throws IllegalArgumentException when the URL is not https (or loopback http when allowed)
   */
  public static RemoteJwkSetCache create(
      URI jwksUri, boolean allowInsecureLoopback, JwksCachePolicy policy, Clock clock) {
    Objects.requireNonNull(policy, "policy");
    return create(jwksUri, allowInsecureLoopback, policy, clock,
        BoundedHttpFetcher.defaultClient(policy.connectTimeout()));
  }

  /** As {@link #create(URI, boolean, JwksCachePolicy, Clock)}, sharing {@code client}. */
  public static RemoteJwkSetCache create(URI jwksUri, boolean allowInsecureLoopback,
      JwksCachePolicy policy, Clock clock, HttpClient client) {
    if (!Urls.fetchable(jwksUri, allowInsecureLoopback)) {
      throw new IllegalArgumentException("JWK Set URL must be https (http only for loopback): " + jwksUri);
    }
    return new RemoteJwkSetCache(jwksUri, Objects.requireNonNull(policy, "policy"),
        Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(client, "client"));
  }

  /** Where the keys are fetched from. */
  public URI jwksUri() {
    return jwksUri;
  }

  /**
   * The key ids of the current set, fetching it first if it is missing or no longer fresh.
   *
   * @throws AuthUnavailableException when no usable set can be had
   */
  public Set<String> keyIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (JWK key : usable().keys().getKeys()) {
      if (key.getKeyID() != null) {
        ids.add(key.getKeyID());
      }
    }
    return ids;
  }

  /**
   * The public keys with this {@code kid} (every key when {@code kid} is null); empty when the
   * provider does not publish it, after at most one rate-limited refetch.
   *
   * @throws AuthUnavailableException when no usable set can be had, or the {@code kid} is unknown
   *     and the provider could not be asked
   */
  List<JWK> keys(String kid) {
    Snapshot seen = usable();
    List<JWK> found = match(seen, kid);
    return found.isEmpty() ? refetchForUnknownKid(seen, kid) : found;
  }

  private Snapshot usable() {
    Snapshot s = snapshot;
    if (s != null && clock.instant().isBefore(s.freshUntil())) {
      return s;
    }
    if (!lock.tryLock()) {
      // Another thread is fetching: keep serving from the old set instead of queueing behind it.
      if (s != null && withinStaleBound(s, clock.instant())) {
        return s;
      }
      lock.lock();
    }
    try {
      s = snapshot;
      Instant now = clock.instant();
      if (s != null && now.isBefore(s.freshUntil())) {
        return s;
      }
      if (mayRetry(now)) {
        Snapshot fetched = fetch(now);
        if (fetched != null) {
          return fetched;
        }
      }
      if (s != null && withinStaleBound(s, now)) {
        return s;
      }
      throw new AuthUnavailableException("JWK Set at " + jwksUri + " could not be fetched"
          + (s == null ? "" : " and the cached one is older than the allowed stale period"));
    } finally {
      lock.unlock();
    }
  }

  private List<JWK> refetchForUnknownKid(Snapshot seen, String kid) {
    lock.lock();
    try {
      Snapshot s = snapshot;
      if (s != seen) {
        List<JWK> found = match(s, kid);
        if (!found.isEmpty()) {
          return found;
        }
      }
      Instant now = clock.instant();
      if (lastAttempt != null && now.isBefore(lastAttempt.plus(policy.refetchInterval()))) {
        if (lastFailed) {
          throw new AuthUnavailableException("key not cached and JWK Set at " + jwksUri
              + " cannot be fetched");
        }
        return List.of();
      }
      Snapshot fetched = fetch(now);
      if (fetched == null) {
        throw new AuthUnavailableException("key not cached and JWK Set at " + jwksUri
            + " cannot be fetched");
      }
      return match(fetched, kid);
    } finally {
      lock.unlock();
    }
  }

  private boolean mayRetry(Instant now) {
    return lastAttempt == null || !lastFailed
        || !now.isBefore(lastAttempt.plus(policy.refetchInterval()));
  }

  private boolean withinStaleBound(Snapshot s, Instant now) {
    return now.isBefore(s.freshUntil().plus(policy.maxStale()));
  }

  /** Fetches and installs a new set; null (logged, rate-limited) on any failure. Holds the lock. */
  private Snapshot fetch(Instant now) {
    lastAttempt = now;
    String reason;
    try {
      BoundedHttpFetcher.Response response = fetcher.get(jwksUri);
      if (response.status() == 200) {
        JWKSet keys = JWKSet.parse(response.body()).toPublicJWKSet();
        Snapshot fresh = new Snapshot(keys, now.plus(ttl(response.headers())));
        snapshot = fresh;
        lastFailed = false;
        return fresh;
      }
      reason = "HTTP status " + response.status();
    } catch (IOException e) {
      reason = e.getClass().getSimpleName() + ": " + e.getMessage();
    } catch (ParseException | RuntimeException e) {
      reason = "not a JWK Set document";
    }
    lastFailed = true;
    warning.warn("Could not fetch the JWK Set from {}: {}", jwksUri, reason);
    return null;
  }

  private Duration ttl(HttpHeaders headers) {
    Optional<Duration> maxAge = maxAge(headers);
    if (maxAge.isEmpty()) {
      return policy.defaultTtl();
    }
    Duration d = maxAge.get();
    if (d.compareTo(policy.minTtl()) < 0) {
      return policy.minTtl();
    }
    return d.compareTo(policy.maxTtl()) > 0 ? policy.maxTtl() : d;
  }

  /** {@code max-age} of RFC 9111 section 5.2.2.1; {@code no-store}/{@code no-cache} count as zero. */
  static Optional<Duration> maxAge(HttpHeaders headers) {
    for (String value : headers.allValues("Cache-Control")) {
      for (String directive : value.split(",")) {
        String d = directive.strip().toLowerCase(Locale.ROOT);
        if (d.equals("no-store") || d.equals("no-cache")) {
          return Optional.of(Duration.ZERO);
        }
        if (d.startsWith("max-age=")) {
          String seconds = d.substring("max-age=".length()).replace("\"", "");
          if (seconds.matches("\\d{1,10}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(seconds)));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static List<JWK> match(Snapshot s, String kid) {
    if (kid == null) {
      return s.keys().getKeys();
    }
    return s.keys().getKeys().stream().filter(k -> kid.equals(k.getKeyID())).toList();
  }
}
