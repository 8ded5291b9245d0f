package io.admin.auth.core.federation;

import io.admin.auth.core.observe.AuthObserver;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.key.JwkSets;
import io.admin.auth.core.key.PublicVerificationKey;
import io.admin.auth.core.verify.PublicKeySource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 *
 * <p>As a {@link PublicKeySource} it backs a resource server's verifier of this library's own tokens
 * ({@link io.admin.auth.core.verify.AccessTokenVerifier#resourceServer()}) with the issuer's
 * {@code jwks_uri}: each fetched key becomes a {@link PublicVerificationKey} once per fetch (keys
 * {@link JwkSets#toVerificationKey} refuses, such as one without {@code alg}, are left out), with
 * the same freshness, refetch and outage rules.
 */
public final class RemoteJwkSetCache implements PublicKeySource {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteJwkSetCache.class);

  private record Snapshot(JWKSet keys, Map<String, PublicVerificationKey> verificationKeys,
      Instant freshUntil) {}

  private final URI jwksUri;
  private final JwksCachePolicy policy;
  private final Clock clock;
  private final BoundedHttpFetcher fetcher;
  private final RateLimitedWarning warning;
  private final String issuer;
  private final AuthObserver observer;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Snapshot snapshot;
  private Instant lastAttempt; // guarded by lock
  private boolean lastFailed; // guarded by lock

  private RemoteJwkSetCache(URI jwksUri, JwksCachePolicy policy, Clock clock, HttpClient client,
      String issuer, AuthObserver observer) {
    this.jwksUri = jwksUri;
    this.issuer = issuer;
    this.observer = observer;
    this.policy = policy;
    this.clock = clock;
    this.fetcher = new BoundedHttpFetcher(client, policy.readTimeout(), policy.maxResponseBytes());
    this.warning = new RateLimitedWarning(LOG, clock, policy.warnInterval());
  }

  /**
   * A cache for {@code jwksUri} with its own HTTP client. Nothing is fetched until the first lookup.
   *
   * @param jwksUri the JWK Set URL
   * @param allowInsecureLoopback whether plain {@code http} is allowed for a loopback host
   * @param policy how the set is fetched and kept
   * @param clock the clock of freshness
   * @return the cache, empty until first used
   * @throws IllegalArgumentException when the URL is not https (or loopback http when allowed)
   */
  public static RemoteJwkSetCache create(
      URI jwksUri, boolean allowInsecureLoopback, JwksCachePolicy policy, Clock clock) {
    Objects.requireNonNull(policy, "policy");
    return create(jwksUri, allowInsecureLoopback, policy, clock,
        BoundedHttpFetcher.defaultClient(policy.connectTimeout()));
  }

  /**
   * As {@link #create(URI, boolean, JwksCachePolicy, Clock)}, sharing {@code client}.
   *
   * @param jwksUri the JWK Set URL
   * @param allowInsecureLoopback whether plain {@code http} is allowed for a loopback host
   * @param policy how the set is fetched and kept
   * @param clock the clock of freshness
   * @param client the client that fetches, which should not follow redirects
   * @return the cache, empty until first used
   */
  public static RemoteJwkSetCache create(URI jwksUri, boolean allowInsecureLoopback,
      JwksCachePolicy policy, Clock clock, HttpClient client) {
    return create(jwksUri, allowInsecureLoopback, policy, clock, client, "", AuthObserver.noop());
  }

  /**
   * As {@link #create(URI, boolean, JwksCachePolicy, Clock, HttpClient)}, telling {@code observer}
   * of every fetch and failed fetch as {@link AuthObserver#jwksFetch} {@code (issuer, success)}.
   * A {@code null} client means one of its own, as {@link #create(URI, boolean, JwksCachePolicy,
   * Clock)} makes.
   *
   * @param issuer the configured issuer whose keys these are: a metrics tag, never request data
   * @param jwksUri the JWK Set URL
   * @param allowInsecureLoopback whether plain {@code http} is allowed for a loopback host
   * @param policy how the set is fetched and kept
   * @param clock the clock of freshness
   * @param client the client that fetches, or {@code null} for one of its own
   * @param observer told of every fetch; required
   * @return the cache, empty until first used
   */
  public static RemoteJwkSetCache create(URI jwksUri, boolean allowInsecureLoopback,
      JwksCachePolicy policy, Clock clock, HttpClient client, String issuer,
      AuthObserver observer) {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(observer, "observer");
    Objects.requireNonNull(policy, "policy");
    if (client == null) {
      client = BoundedHttpFetcher.defaultClient(policy.connectTimeout());
    }
    if (!Urls.fetchable(jwksUri, allowInsecureLoopback)) {
      throw new IllegalArgumentException("JWK Set URL must be https (http only for loopback): " + jwksUri);
    }
    return new RemoteJwkSetCache(jwksUri, Objects.requireNonNull(policy, "policy"),
        Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(client, "client"), issuer,
        observer);
  }

  /**
   * Where the keys are fetched from.
   *
   * @return the JWK Set URL
   */
  public URI jwksUri() {
    return jwksUri;
  }

  /**
   * The key ids of the current set, fetching it first if it is missing or no longer fresh.
   *
   * @return the {@code kid}s of the keys that have one; may be empty
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
    if (!found.isEmpty()) {
      return found;
    }
    Snapshot after = refetchForUnknownKid(seen, kid);
    return after == null ? List.of() : match(after, kid);
  }

  /**
   * The published key for {@code kid} as a verification key; empty when the set does not have a
   * usable key of that id, after at most one rate-limited refetch. The same object is returned
   * until the set is fetched again.
   *
   * @throws AuthUnavailableException as {@link #keyIds()}, or when the {@code kid} is unknown and
   *     the set could not be fetched again
   */
  @Override
  public Optional<PublicVerificationKey> find(String kid) {
    if (kid == null) {
      return Optional.empty();
    }
    Snapshot seen = usable();
    PublicVerificationKey key = seen.verificationKeys().get(kid);
    if (key != null) {
      return Optional.of(key);
    }
    Snapshot after = refetchForUnknownKid(seen, kid);
    return after == null ? Optional.empty()
        : Optional.ofNullable(after.verificationKeys().get(kid));
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

  /** The set to look {@code kid} up in again, or null when none newer may be fetched yet. */
  private Snapshot refetchForUnknownKid(Snapshot seen, String kid) {
    lock.lock();
    try {
      Snapshot s = snapshot;
      if (s != seen && !match(s, kid).isEmpty()) {
        return s;
      }
      Instant now = clock.instant();
      if (lastAttempt != null && now.isBefore(lastAttempt.plus(policy.refetchInterval()))) {
        if (lastFailed) {
          throw new AuthUnavailableException("key not cached and JWK Set at " + jwksUri
              + " cannot be fetched");
        }
        return null;
      }
      Snapshot fetched = fetch(now);
      if (fetched == null) {
        throw new AuthUnavailableException("key not cached and JWK Set at " + jwksUri
            + " cannot be fetched");
      }
      return fetched;
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
        Snapshot fresh = new Snapshot(keys, verificationKeys(keys),
            now.plus(ttl(response.headers())));
        snapshot = fresh;
        lastFailed = false;
        observer.jwksFetch(issuer, true);
        return fresh;
      }
      reason = "HTTP status " + response.status();
    } catch (IOException e) {
      reason = e.getClass().getSimpleName() + ": " + e.getMessage();
    } catch (ParseException | RuntimeException e) {
      reason = "not a JWK Set document";
    }
    lastFailed = true;
    observer.jwksFetch(issuer, false);
    warning.warn("Could not fetch the JWK Set from {}: {}", jwksUri, reason);
    return null;
  }

  // Once per fetch, so that find() answers the same object for a kid until the next fetch.
  private Map<String, PublicVerificationKey> verificationKeys(JWKSet keys) {
    Map<String, PublicVerificationKey> out = new HashMap<>();
    for (JWK jwk : keys.getKeys()) {
      try {
        PublicVerificationKey key = JwkSets.toVerificationKey(jwk);
        out.putIfAbsent(key.kid(), key);
      } catch (IllegalArgumentException e) {
        // Normal for third-party sets (keys without alg); only a resource server would miss it.
        LOG.debug("JWK Set at {}: {}", jwksUri, e.getMessage());
      }
    }
    return Map.copyOf(out);
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
