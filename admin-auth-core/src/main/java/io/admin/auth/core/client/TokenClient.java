package io.admin.auth.core.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OAuth 2.0 client that always has a valid access token to hand out.
 *
 * <p>The first {@link #accessToken()} obtains a token with the {@code client_credentials} grant
 * (RFC 6749 section 4.4). The token is cached and handed out until {@code expires_in} minus the
 * refresh margin; then it is refreshed with the refresh token (section 6), keeping the rotated
 * refresh token each time. When the server rejects the refresh token ({@code invalid_grant}), or
 * none was issued, the client falls back to {@code client_credentials}.
 *
 * <p>A refresh token is sent at most once. If a refresh request may have reached the server but
 * its answer was lost (a 5xx, a timeout, a connection broken after sending, an unreadable 200),
 * the refresh token is taken as spent, because the server would count a second use as reuse and
 * revoke the token family (docs/http-contract.md section 2.5); the client falls back to
 * {@code client_credentials} at once, and if that fails too the {@link TokenClientException}
 * says both.
 *
 * <p>Single-flight: however many threads find the token due at the same time, one of them makes
 * the token request and the others wait for its result. A caller that finds a token that is due
 * for refresh but not yet expired, while another thread is refreshing, gets that token without
 * waiting; a caller that finds a fresh token never waits at all.
 *
 * <p>Retries (see {@link Builder}): 429 waits for {@code Retry-After} (seconds or HTTP-date) when
 * it is within {@link Builder#maxRetryAfter}; 5xx and I/O errors back off exponentially with full
 * jitter (a refresh request only after a connection that was never made, as above); after
 * {@link Builder#maxAttempts} attempts, or on any other error, a {@link TokenClientException}
 * says why. Neither the secret nor any token is ever logged or put
 * in a message. Thread-safe.
 */
public final class TokenClient {

  private static final Logger LOG = LoggerFactory.getLogger(TokenClient.class);

  private final TokenGrants grants;
  private final Clock clock;
  private final String description;
  private final Object lock = new Object();
  private volatile CachedToken current;
  /** The token request in progress, if any; guarded by {@link #lock}. */
  private CompletableFuture<CachedToken> inFlight;

  private TokenClient(Builder b) {
    this(b, new TokenGrants(new TokenEndpointClient(b), b.refreshMargin, b.scope), null);
  }

  private TokenClient(Builder b, TokenGrants grants, CachedToken first) {
    this.grants = grants;
    this.clock = b.clock;
    this.current = first;
    this.description = "TokenClient[tokenEndpoint=" + b.tokenEndpoint + ", clientId=" + b.clientId
        + ", clientSecret=" + (b.clientSecret == null ? "none" : "**********") + ", authMethod="
        + b.authMethod + ", scope=" + (first == null ? b.scope : first.scope())
        + ", refreshMargin=" + b.refreshMargin + ", maxAttempts=" + b.maxAttempts
        + (first == null ? "" : ", signedInPerson=true") + "]";
  }

  /**
   * A client holding the tokens a person's sign-in earned: it hands out {@code first} while it
   * is fresh, then refreshes with the rotating refresh token, and never falls back to
   * {@code client_credentials} ({@link TokenClientException#signInRequired()} instead).
   */
  static TokenClient signedIn(Builder b, TokenGrants grants, CachedToken first) {
    return new TokenClient(b, grants, first);
  }

  /**
   * Starts a builder; the token endpoint, client id and client secret are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A currently valid access token, obtained or refreshed first if needed.
   *
   * @return the compact access token
   * @throws TokenClientException if no token could be obtained
   */
  public String accessToken() {
    CachedToken token = current;
    if (token != null && token.isFresh(clock.instant())) {
      return token.accessToken();
    }
    return obtain().accessToken();
  }

  /**
   * Forgets the cached access token (keeping the refresh token), so that the next
   * {@link #accessToken()} refreshes. For when a resource server answered 401.
   */
  public void invalidate() {
    synchronized (lock) {
      CachedToken token = current;
      if (token != null) {
        current = token.invalidated();
      }
    }
  }

  /**
   * Like {@link #invalidate()}, but only if {@code rejectedAccessToken} is still the cached token:
   * when many requests fail with the same token, the first one's refresh is not thrown away by
   * the others.
   *
   * @param rejectedAccessToken the token the resource server refused
   * @return whether the cached token was invalidated
   */
  public boolean invalidate(String rejectedAccessToken) {
    synchronized (lock) {
      CachedToken token = current;
      if (token != null && token.accessToken().equals(rejectedAccessToken)
          && token.isUsable(clock.instant())) {
        current = token.invalidated();
        return true;
      }
      return false;
    }
  }

  private CachedToken obtain() {
    CompletableFuture<CachedToken> future;
    CachedToken previous;
    boolean leader = false;
    synchronized (lock) {
      previous = current;
      Instant now = clock.instant();
      if (previous != null && previous.isFresh(now)) {
        return previous;
      }
      if (inFlight == null) {
        inFlight = new CompletableFuture<>();
        leader = true;
      } else if (previous != null && previous.isUsable(now)) {
        return previous;
      }
      future = inFlight;
    }
    // The token request runs outside the lock, so that invalidate() and the fast path never
    // wait for I/O.
    return leader ? fetchAsLeader(future, previous) : await(future);
  }

  private CachedToken fetchAsLeader(CompletableFuture<CachedToken> future, CachedToken previous) {
    try {
      CachedToken fetched = fetch(previous);
      synchronized (lock) {
        current = fetched;
        inFlight = null;
      }
      future.complete(fetched);
      return fetched;
    } catch (RuntimeException | Error e) {
      synchronized (lock) {
        inFlight = null;
      }
      future.completeExceptionally(e);
      if (e instanceof TokenClientException && previous != null
          && previous.isUsable(clock.instant())) {
        // The old token still works: a failed early refresh should not fail this caller.
        LOG.warn("token refresh failed, using the current token until it expires: {}",
            e.getMessage());
        return previous;
      }
      throw e;
    }
  }

  private CachedToken fetch(CachedToken previous) {
    return grants.fetch(previous, this::forgetRefreshToken);
  }

  /**
   * Drops a refresh token that may have been spent from the cached token, whatever happened to
   * the access token meanwhile, so that no later request sends it again.
   */
  private void forgetRefreshToken(String spent) {
    synchronized (lock) {
      CachedToken token = current;
      if (token != null && spent.equals(token.refreshToken())) {
        current = token.withoutRefreshToken();
      }
    }
  }

  private static CachedToken await(CompletableFuture<CachedToken> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenClientException(TokenClientException.NO_RESPONSE, null, null,
          "interrupted while waiting for a token request", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TokenClientException) {
        // A fresh instance, so that this caller's stack trace shows where it waited.
        throw ((TokenClientException) cause).rethrown();
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new TokenClientException(TokenClientException.NO_RESPONSE, null, null,
          "token request failed: " + cause.getClass().getSimpleName(), cause);
    }
  }

  /** Shows the configuration; the secret is masked. */
  @Override
  public String toString() {
    return description;
  }

  /**
   * Configures a {@link TokenClient}. Every setting but the endpoint and the credentials has a
   * safe default; {@link #build()} validates them all.
   */
  public static final class Builder {
    URI tokenEndpoint;
    String clientId;
    String clientSecret;
    ClientAuthMethod authMethod = ClientAuthMethod.CLIENT_SECRET_BASIC;
    String scope;
    Duration refreshMargin = Duration.ofSeconds(60);
    Clock clock = Clock.systemUTC();
    HttpClient httpClient;
    Duration requestTimeout = Duration.ofSeconds(10);
    int maxAttempts = 3;
    Duration initialBackoff = Duration.ofMillis(200);
    Duration maxBackoff = Duration.ofSeconds(10);
    Duration maxRetryAfter = Duration.ofSeconds(30);
    Random jitter;
    Sleeper sleeper = Sleeper.system();
    boolean allowPlainHttp;

    Builder() {}

    /**
     * The token endpoint, e.g. {@code https://auth.example.com/api/v3/auth/token}. Required.
     *
     * @param tokenEndpoint the absolute URI of the endpoint
     * @return this builder
     */
    public Builder tokenEndpoint(URI tokenEndpoint) {
      this.tokenEndpoint = tokenEndpoint;
      return this;
    }

    /**
     * The client id. Required.
     *
     * @param clientId the registered {@code client_id}
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /**
     * The client secret. Required; never logged or printed.
     *
     * @param clientSecret the client secret; not empty
     * @return this builder
     */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /**
     * How to send the credentials; default {@link ClientAuthMethod#CLIENT_SECRET_BASIC}.
     *
     * @param authMethod how the credentials are sent
     * @return this builder
     */
    public Builder authMethod(ClientAuthMethod authMethod) {
      this.authMethod = authMethod;
      return this;
    }

    /**
     * Space-separated scopes to ask for with {@code client_credentials}; default all allowed.
     *
     * @param scope the scopes, space separated, or {@code null} for all allowed
     * @return this builder
     */
    public Builder scope(String scope) {
      this.scope = scope;
      return this;
    }

    /**
     * How long before {@code expires_in} runs out to refresh; default 60 s. Capped at half the
     * token's lifetime.
     *
     * @param refreshMargin the margin, not negative
     * @return this builder
     */
    public Builder refreshMargin(Duration refreshMargin) {
      this.refreshMargin = refreshMargin;
      return this;
    }

    /**
     * The clock that expiry is measured with; default {@link Clock#systemUTC()}.
     *
     * @param clock the clock token expiry is measured with
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * The HTTP client for token requests; default a new one that does not follow redirects.
     *
     * @param httpClient the client for token requests; it should not follow redirects
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /**
     * Timeout of one token request; default 10 s.
     *
     * @param requestTimeout the timeout, positive
     * @return this builder
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    /**
     * Total attempts per token request, the first one included; default 3. A refresh request is
     * repeated only when it certainly did not reach the server (a 429, a refused connection).
     *
     * @param maxAttempts the attempts, at least 1
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The backoff ceilings: {@code initial * 2^(attempt-1)}, at most {@code max}.
     *
     * @param initial the first backoff, positive
     * @param max the longest backoff, at least {@code initial}
     * @return this builder
     */
    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /**
     * The longest {@code Retry-After} the client waits for; a longer one ends it. Default 30 s.
     *
     * @param maxRetryAfter the longest wait, not negative
     * @return this builder
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = maxRetryAfter;
      return this;
    }

    /**
     * The source of backoff jitter; default a new {@link SecureRandom}.
     *
     * @param jitter the random source of jitter
     * @return this builder
     */
    public Builder jitter(Random jitter) {
      this.jitter = jitter;
      return this;
    }

    /**
     * How to wait between attempts; default {@link Sleeper#system()}.
     *
     * @param sleeper how to wait
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /**
     * Allows a plain {@code http} token endpoint on a non-loopback host. Off by default: the
     * secret and the tokens would cross the network in clear (RFC 6749 section 3.2 requires TLS).
     *
     * @param allowPlainHttp {@code true} to allow {@code http} (for development only)
     * @return this builder
     */
    public Builder allowPlainHttp(boolean allowPlainHttp) {
      this.allowPlainHttp = allowPlainHttp;
      return this;
    }

    /**
     * Validates the settings and builds the client.
     *
     * @return a ready client
     * @throws IllegalArgumentException if a required setting is missing or a value is out of range
     */
    public TokenClient build() {
      require(clientSecret != null && !clientSecret.isEmpty(), "clientSecret is required");
      validate();
      return new TokenClient(this);
    }

    /**
     * Checks every setting but the secret, which a public client signing people in has not, and
     * fills in the defaults.
     */
    void validate() {
      require(tokenEndpoint != null, "tokenEndpoint is required");
      String scheme = tokenEndpoint.getScheme();
      require("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme),
          "tokenEndpoint must be an http(s) URI");
      require(tokenEndpoint.getHost() != null, "tokenEndpoint must have a host");
      require("https".equalsIgnoreCase(scheme) || allowPlainHttp || isLoopback(tokenEndpoint),
          "tokenEndpoint must use https (or set allowPlainHttp)");
      require(clientId != null && !clientId.isBlank(), "clientId is required");
      require(clientSecret == null || !clientSecret.isEmpty(), "clientSecret must not be empty");
      require(scope == null || !scope.isBlank(), "scope must not be blank");
      Objects.requireNonNull(authMethod, "authMethod");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(sleeper, "sleeper");
      requirePositive(requestTimeout, "requestTimeout");
      requirePositive(initialBackoff, "initialBackoff");
      requirePositive(maxBackoff, "maxBackoff");
      require(refreshMargin != null && !refreshMargin.isNegative(),
          "refreshMargin must not be negative");
      require(maxRetryAfter != null && !maxRetryAfter.isNegative(),
          "maxRetryAfter must not be negative");
      require(maxAttempts >= 1 && maxAttempts <= 20, "maxAttempts must be within 1..20");
      if (httpClient == null) {
        httpClient = HttpClient.newBuilder()
            .connectTimeout(requestTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
      }
      if (jitter == null) {
        jitter = new SecureRandom();
      }
    }

    static boolean isLoopback(URI uri) {
      String host = uri.getHost();
      return "localhost".equalsIgnoreCase(host) || host.startsWith("127.")
          || "[::1]".equals(host) || "::1".equals(host);
    }

    private static void requirePositive(Duration d, String name) {
      require(d != null && !d.isNegative() && !d.isZero(), name + " must be positive");
    }

    static void require(boolean condition, String message) {
      if (!condition) {
        throw new IllegalArgumentException(message);
      }
    }
  }
}
