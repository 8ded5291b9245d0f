package io.admin.auth.servlet.session;

import io.admin.auth.servlet.access.PathPattern;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Browser sessions in HTTP-only cookies (docs/http-contract.md, "Browser apps"): the library runs
 * the sign-in itself, as the confidential first-party client {@link #clientId()}, and keeps the
 * tokens in cookies no page script can read. Hand it to {@code
 * AdminAuth.Builder.browserSessions(BrowserSessions)} together with {@code signIn(SignIn)}.
 *
 * <p>The client must be registered with the token service as a confidential client that signs
 * people in, first party (no consent screen), with {@link #redirectUri()} among its redirect URIs
 * and {@code offline_access} among its scopes (without it no refresh token is issued and the
 * session ends when the access token expires).
 *
 * <p>The {@link Builder#secret secret} keys the pending-login cookie (AES-GCM) and the CSRF
 * tokens (HMAC-SHA256). Every node of a cluster must use the same one; by default it is derived
 * from the client secret, which every node already shares for the token exchange and which is
 * generated with high entropy (see {@code ClientRegistration}). Immutable.
 */
public final class BrowserSessions {

  /** {@code SameSite} of the token cookies (docs/http-contract.md allows {@code Lax} or {@code Strict}). */
  public enum SameSite {
    /** Sent on top-level navigations from other sites (links), never on their subrequests. */
    LAX("Lax"),
    /** Never sent on a request another site started, not even a link. */
    STRICT("Strict");

    private final String attribute;

    SameSite(String attribute) {
      this.attribute = attribute;
    }

    /**
     * The attribute value as written in {@code Set-Cookie}.
     *
     * @return {@code Lax} or {@code Strict}
     */
    public String attribute() {
      return attribute;
    }
  }

  /** Scopes requested when none are configured: an ID token and a refresh token. */
  public static final Set<String> DEFAULT_SCOPES = Set.of("openid", "offline_access");
  /** Stem of the cookie names when none is configured. */
  public static final String DEFAULT_COOKIE_NAME_STEM = "admin-auth";
  /** How long a second refresh with the same token gets the first one's answer; 10 s. */
  public static final Duration DEFAULT_REFRESH_LEEWAY = Duration.ofSeconds(10);
  /** Shortest accepted {@link Builder#secret}: 32 bytes. */
  public static final int MIN_SECRET_BYTES = 32;

  private final String clientId;
  private final String clientSecret;
  private final String redirectUri;
  private final Set<String> scopes;
  private final BrowserSessionPaths paths;
  private final List<PathPattern> cookiePaths;
  private final SameSite sameSite;
  private final String cookieNameStem;
  private final byte[] secret;
  private final Duration refreshLeeway;
  private final Set<String> trustedOrigins;
  private final SecureRandom random;
  private final Clock clock;

  private BrowserSessions(Builder b) {
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.redirectUri = b.redirectUri;
    this.scopes = Collections.unmodifiableSortedSet(new TreeSet<>(b.scopes));
    this.paths = b.paths;
    this.cookiePaths = List.copyOf(b.cookiePaths);
    this.sameSite = b.sameSite;
    this.cookieNameStem = b.cookieNameStem;
    this.secret = b.secret == null ? null : b.secret.clone();
    this.refreshLeeway = b.refreshLeeway;
    this.trustedOrigins = Collections.unmodifiableSortedSet(new TreeSet<>(b.trustedOrigins));
    this.random = b.random;
    this.clock = b.clock;
  }

  /**
   * A builder for the confidential client {@code clientId} with secret {@code clientSecret}.
   *
   * @param clientId the client's id as registered with the token service; not empty
   * @param clientSecret the client's secret, at least 16 characters; also the default source of
   *     {@link Builder#secret}
   * @return a new builder with the defaults
   * @throws IllegalArgumentException for an empty id or a secret shorter than 16 characters
   */
  public static Builder builder(String clientId, String clientSecret) {
    return new Builder(clientId, clientSecret);
  }

  /**
   * The confidential first-party client the library signs people in as.
   *
   * @return the client id; never empty
   */
  public String clientId() {
    return clientId;
  }

  /**
   * That client's secret; never printed.
   *
   * @return the secret given to {@link #builder}; not for logs
   */
  public String clientSecret() {
    return clientSecret;
  }

  /**
   * The absolute redirect URI of the callback, or {@code null} for the default: the base URL of
   * {@code AdminAuth} (the issuer unless configured) followed by {@link BrowserSessionPaths#callback()}.
   *
   * @return an absolute http(s) URI, or {@code null}
   */
  public String redirectUri() {
    return redirectUri;
  }

  /**
   * The scopes the sign-in asks for (sorted).
   *
   * @return an unmodifiable, sorted, non-empty set; {@link #DEFAULT_SCOPES} unless set
   */
  public Set<String> scopes() {
    return scopes;
  }

  /**
   * Where the session endpoints are mapped.
   *
   * @return the paths, relative to the context path
   */
  public BrowserSessionPaths paths() {
    return paths;
  }

  /**
   * The paths on which the filter accepts the access-token cookie as a bearer credential.
   *
   * @return an unmodifiable list; empty (the default) means no path
   */
  public List<PathPattern> cookiePaths() {
    return cookiePaths;
  }

  /**
   * {@code SameSite} of the access and refresh cookies.
   *
   * @return {@link SameSite#LAX} unless set
   */
  public SameSite sameSite() {
    return sameSite;
  }

  /**
   * The stem of the cookie names ({@code <stem>-access}, {@code -refresh}, {@code -csrf}, {@code -login}).
   *
   * @return letters, digits and {@code -}; {@value #DEFAULT_COOKIE_NAME_STEM} unless set
   */
  public String cookieNameStem() {
    return cookieNameStem;
  }

  /**
   * A copy of the configured secret, or {@code null} to derive it from the client secret.
   *
   * @return a fresh copy each call (at least {@value #MIN_SECRET_BYTES} bytes), or {@code null}
   */
  public byte[] secret() {
    return secret == null ? null : secret.clone();
  }

  /**
   * How long a repeated refresh with the same refresh token gets the first answer (zero: never).
   *
   * @return between zero and one minute; {@link #DEFAULT_REFRESH_LEEWAY} unless set
   */
  public Duration refreshLeeway() {
    return refreshLeeway;
  }

  /**
   * Origins (besides the request's own) that the CSRF check takes as the same origin, such as the
   * public {@code https} origin in front of a TLS-terminating proxy.
   *
   * @return an unmodifiable, sorted set of lower-cased origins; empty by default
   */
  public Set<String> trustedOrigins() {
    return trustedOrigins;
  }

  /**
   * The randomness of state, PKCE verifiers and nonces of the sealed cookie.
   *
   * @return the given source, or a new {@link SecureRandom}
   */
  public SecureRandom random() {
    return random;
  }

  /**
   * The clock of the pending-login expiry and the refresh leeway.
   *
   * @return the given clock, or the system UTC clock
   */
  public Clock clock() {
    return clock;
  }

  /** Never prints the secrets. */
  @Override
  public String toString() {
    return "BrowserSessions[clientId=" + clientId + ", clientSecret=**********, redirectUri="
        + redirectUri + ", scopes=" + scopes + ", paths=" + paths + ", cookiePaths=" + cookiePaths
        + ", sameSite=" + sameSite + "]";
  }

  /** Builds {@link BrowserSessions}; every setter checks its value. */
  public static final class Builder {
    private final String clientId;
    private final String clientSecret;
    private String redirectUri;
    private Set<String> scopes = DEFAULT_SCOPES;
    private BrowserSessionPaths paths = BrowserSessionPaths.defaults();
    private final List<PathPattern> cookiePaths = new ArrayList<>();
    private SameSite sameSite = SameSite.LAX;
    private String cookieNameStem = DEFAULT_COOKIE_NAME_STEM;
    private byte[] secret;
    private Duration refreshLeeway = DEFAULT_REFRESH_LEEWAY;
    private final Set<String> trustedOrigins = new TreeSet<>();
    private SecureRandom random = new SecureRandom();
    private Clock clock = Clock.systemUTC();

    private Builder(String clientId, String clientSecret) {
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
      if (clientId.isEmpty() || clientSecret.length() < 16) {
        throw new IllegalArgumentException(
            "a client id and a secret of at least 16 characters are required");
      }
      this.clientId = clientId;
      this.clientSecret = clientSecret;
    }

    /**
     * The absolute redirect URI registered for the client (http or https, no fragment); default
     * derived from the base URL, see {@link BrowserSessions#redirectUri()}.
     *
     * @param uri an absolute {@code http} or {@code https} URI with a host and no fragment
     * @return this builder
     * @throws IllegalArgumentException if it is not such a URI
     */
    public Builder redirectUri(String uri) {
      Objects.requireNonNull(uri, "uri");
      URI u = URI.create(uri);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || u.getHost() == null
          || u.getRawFragment() != null) {
        throw new IllegalArgumentException("redirectUri must be an absolute http(s) URI: " + uri);
      }
      this.redirectUri = uri;
      return this;
    }

    /**
     * The scopes to ask for; default {@link #DEFAULT_SCOPES}.
     *
     * @param scopes scope tokens (copied); not empty; include {@code offline_access} for a
     *     session that outlives its access token
     * @return this builder
     * @throws IllegalArgumentException if empty or a scope is not a scope token
     */
    public Builder scopes(Collection<String> scopes) {
      Set<String> copy = new TreeSet<>(scopes);
      if (copy.isEmpty() || copy.stream().anyMatch(s -> !s.matches("[!#-\\[\\]-~]+"))) {
        throw new IllegalArgumentException("scopes must be non-empty scope tokens: " + scopes);
      }
      this.scopes = copy;
      return this;
    }

    /**
     * Endpoint paths; default {@link BrowserSessionPaths#defaults()}.
     *
     * @param paths where the session endpoints are mapped; not null
     * @return this builder
     */
    public Builder paths(BrowserSessionPaths paths) {
      this.paths = Objects.requireNonNull(paths, "paths");
      return this;
    }

    /**
     * Also accepts the access-token cookie on paths matching {@code pattern} (the access policy's
     * syntax, e.g. {@code /api/v3/users/**}). None by default: the host opts in per path.
     *
     * @param pattern a {@link PathPattern}; may be given several times
     * @return this builder
     * @throws IllegalArgumentException if the pattern is invalid
     */
    public Builder cookiePath(String pattern) {
      cookiePaths.add(PathPattern.of(Objects.requireNonNull(pattern, "pattern")));
      return this;
    }

    /**
     * {@code SameSite} of the token cookies; default {@link SameSite#LAX}.
     *
     * @param sameSite the attribute; not null
     * @return this builder
     */
    public Builder sameSite(SameSite sameSite) {
      this.sameSite = Objects.requireNonNull(sameSite, "sameSite");
      return this;
    }

    /**
     * The stem of the cookie names: letters, digits and {@code -}, up to 40 characters; default
     * {@value #DEFAULT_COOKIE_NAME_STEM}. The {@code __Host-} / {@code __Secure-} prefixes are
     * added (and left out on plain-http loopback) by the library, never configured.
     *
     * @param stem the stem; must not start with {@code __}
     * @return this builder
     * @throws IllegalArgumentException if it is not such a stem
     */
    public Builder cookieNameStem(String stem) {
      Objects.requireNonNull(stem, "stem");
      if (!stem.matches("[A-Za-z0-9][A-Za-z0-9-]{0,39}") || stem.startsWith("__")) {
        throw new IllegalArgumentException("cookie name stem must be [A-Za-z0-9-]{1,40}: " + stem);
      }
      this.cookieNameStem = stem;
      return this;
    }

    /**
     * The key material of the pending-login cookie and the CSRF tokens, the same on every node;
     * default derived from the client secret.
     *
     * @param secret random bytes (copied), the same on every node
     * @return this builder
     * @throws IllegalArgumentException when shorter than {@value #MIN_SECRET_BYTES} bytes
     */
    public Builder secret(byte[] secret) {
      Objects.requireNonNull(secret, "secret");
      if (secret.length < MIN_SECRET_BYTES) {
        throw new IllegalArgumentException("secret must have at least 32 bytes");
      }
      this.secret = secret.clone();
      return this;
    }

    /**
     * How long a second refresh with the same refresh token answers the first one's tokens
     * instead of counting as reuse; zero turns it off.
     *
     * @param leeway the window after the first refresh; default {@link #DEFAULT_REFRESH_LEEWAY}
     * @return this builder
     * @throws IllegalArgumentException unless between zero and one minute
     */
    public Builder refreshLeeway(Duration leeway) {
      Objects.requireNonNull(leeway, "leeway");
      if (leeway.isNegative() || leeway.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("refreshLeeway must be between 0 and PT1M: " + leeway);
      }
      this.refreshLeeway = leeway;
      return this;
    }

    /**
     * An origin ({@code scheme://host[:port]}) the CSRF check accepts besides the request's own.
     *
     * @param origin an {@code http} or {@code https} origin without path, compared
     *     case-insensitively; may be given several times
     * @return this builder
     * @throws IllegalArgumentException if it is not an origin
     */
    public Builder trustedOrigin(String origin) {
      Objects.requireNonNull(origin, "origin");
      if (!origin.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+")) {
        throw new IllegalArgumentException("not an origin: " + origin);
      }
      trustedOrigins.add(origin.toLowerCase(Locale.ROOT));
      return this;
    }

    /**
     * Randomness; default a new {@link SecureRandom}.
     *
     * @param random the source of state, PKCE verifiers and nonces; not null
     * @return this builder
     */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Time source; default the system UTC clock.
     *
     * @param clock the clock of expiries and the refresh leeway; not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return new, immutable settings
     */
    public BrowserSessions build() {
      return new BrowserSessions(this);
    }
  }
}
