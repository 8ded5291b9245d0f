package io.admin.auth.core.federation;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One third-party token issuer whose access tokens are accepted, and how to check them. Immutable;
 * build with {@link #builder(String)}.
 *
 * @param issuer the exact {@code iss} value, also the base of OIDC discovery
 * @param audiences the token's {@code aud} must contain at least one of these (RFC 9068 section 4)
 * @param algorithms JWS algorithms accepted from this issuer; asymmetric only, never {@code none} or {@code HS*}
 * @param acceptJwtTyp whether a {@code typ} of {@code JWT}, or no {@code typ}, is accepted beside
 *     {@code at+jwt} (RFC 9068 section 2.1); many providers never send {@code at+jwt}
 * @param claims where subject, client id and scopes are read from
 * @param allowInsecureLoopback whether plain {@code http} is allowed, for loopback hosts only
 * @param clockSkew tolerance for {@code exp} and {@code nbf}
 * @param jwksUri the JWK Set location when discovery is to be skipped; empty means discover
 * @param jwksCache how the provider's JWK Set is fetched and cached
 * @param acceptTestKeys whether keys made for tests ({@code kid} starting with {@link
 *     io.admin.auth.core.verify.AccessTokenVerifier#TEST_KEY_ID_PREFIX}) are trusted; off by
 *     default, so a test key server wired into production is refused, not trusted
 */
public record TrustedIssuer(
    String issuer,
    Set<String> audiences,
    Set<String> algorithms,
    boolean acceptJwtTyp,
    ClaimMapping claims,
    boolean allowInsecureLoopback,
    Duration clockSkew,
    Optional<URI> jwksUri,
    JwksCachePolicy jwksCache,
    boolean acceptTestKeys) {

  /** Asymmetric JWS algorithms this package can verify (RFC 7518 section 3.1, RFC 8037). */
  public static final Set<String> SUPPORTED_ALGORITHMS = Collections.unmodifiableSet(new TreeSet<>(
      Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
          "EdDSA", "Ed25519")));

  /** The algorithms accepted when none are configured. */
  public static final Set<String> DEFAULT_ALGORITHMS =
      Collections.unmodifiableSet(new TreeSet<>(Set.of("RS256", "ES256", "PS256", "EdDSA")));

  /** The largest clock skew accepted by configuration. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  /**
   * Checks the issuer URL (https without query or fragment, plain http only for loopback when
   * allowed), that at least one audience is expected, and the other settings.
   *
   * @param issuer the exact {@code iss} value; https, or loopback http when allowed
   * @param audiences the accepted audiences; at least one
   * @param algorithms the accepted JWS algorithms; asymmetric only
   * @param acceptJwtTyp whether {@code typ} {@code JWT}, or none, is accepted beside {@code at+jwt}
   * @param claims where subject, client id and scopes are read from; required
   * @param allowInsecureLoopback whether plain {@code http} is allowed, for loopback hosts only
   * @param clockSkew tolerance for {@code exp} and {@code nbf}; at most {@link #MAX_CLOCK_SKEW}
   * @param jwksUri the JWK Set location; empty means discover; required
   * @param jwksCache how the JWK Set is fetched and cached; required
   * @param acceptTestKeys whether keys made for tests are trusted
   */
  public TrustedIssuer {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(claims, "claims");
    Objects.requireNonNull(jwksUri, "jwksUri");
    Objects.requireNonNull(jwksCache, "jwksCache");
    URI uri = parse(issuer);
    if (!Urls.fetchable(uri, allowInsecureLoopback)
        || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      // OIDC Discovery 1.0 section 2 / RFC 8414 section 2: https, no query, no fragment.
      throw new IllegalArgumentException("issuer must be an https URL without query or fragment"
          + " (plain http only for loopback with allowInsecureLoopback): " + issuer);
    }
    audiences = copyNonBlank(audiences, "audiences");
    if (audiences.isEmpty()) {
      throw new IllegalArgumentException("at least one expected audience is required for " + issuer);
    }
    algorithms = copyNonBlank(algorithms, "algorithms");
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException("at least one algorithm is required");
    }
    for (String alg : algorithms) {
      if (!SUPPORTED_ALGORITHMS.contains(alg)) {
        // "none" and HS* land here: a shared secret with a third party is never a trust anchor.
        throw new IllegalArgumentException("algorithm not allowed for a trusted issuer: " + alg);
      }
    }
    Objects.requireNonNull(clockSkew, "clockSkew");
    if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
      throw new IllegalArgumentException("clockSkew must be within 0..PT5M");
    }
    if (jwksUri.isPresent() && !Urls.fetchable(jwksUri.get(), allowInsecureLoopback)) {
      throw new IllegalArgumentException("jwksUri must be https (http only for loopback): "
          + jwksUri.get());
    }
  }

  /**
   * An issuer whose test keys are refused.
   *
   * @param issuer the exact {@code iss} value; https, or loopback http when allowed
   * @param audiences the accepted audiences; at least one
   * @param algorithms the accepted JWS algorithms; asymmetric only
   * @param acceptJwtTyp whether {@code typ} {@code JWT}, or none, is accepted beside {@code at+jwt}
   * @param claims where subject, client id and scopes are read from; required
   * @param allowInsecureLoopback whether plain {@code http} is allowed, for loopback hosts only
   * @param clockSkew tolerance for {@code exp} and {@code nbf}; at most {@link #MAX_CLOCK_SKEW}
   * @param jwksUri the JWK Set location; empty means discover; required
   * @param jwksCache how the JWK Set is fetched and cached; required
   */
  public TrustedIssuer(String issuer, Set<String> audiences, Set<String> algorithms,
      boolean acceptJwtTyp, ClaimMapping claims, boolean allowInsecureLoopback, Duration clockSkew,
      Optional<URI> jwksUri, JwksCachePolicy jwksCache) {
    this(issuer, audiences, algorithms, acceptJwtTyp, claims, allowInsecureLoopback, clockSkew,
        jwksUri, jwksCache, false);
  }

  /**
   * A builder for {@code issuer} with safe defaults; {@link Builder#audience} must be set.
   *
   * @param issuer the exact {@code iss} value
   * @return a builder with safe defaults
   */
  public static Builder builder(String issuer) {
    return new Builder(issuer);
  }

  private static URI parse(String issuer) {
    try {
      return new URI(issuer);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("issuer is not a URL: " + issuer, e);
    }
  }

  private static Set<String> copyNonBlank(Set<String> values, String name) {
    Objects.requireNonNull(values, name);
    Set<String> copy = new LinkedHashSet<>();
    for (String v : values) {
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException(name + " must not contain blank values");
      }
      copy.add(v);
    }
    return Collections.unmodifiableSet(copy);
  }

  /**
   * Builds a {@link TrustedIssuer}. Defaults: algorithms RS256, ES256, PS256, EdDSA; only
   * {@code typ} {@code at+jwt}; {@link ClaimMapping#defaults()}; https only; 30 s clock skew;
   * discovery; {@link JwksCachePolicy#defaults()}. Everything is checked in {@link #build()}.
   */
  public static final class Builder {
    private final String issuer;
    private final Set<String> audiences = new LinkedHashSet<>();
    private Set<String> algorithms = DEFAULT_ALGORITHMS;
    private boolean acceptJwtTyp;
    private ClaimMapping claims = ClaimMapping.defaults();
    private boolean allowInsecureLoopback;
    private Duration clockSkew = Duration.ofSeconds(30);
    private URI jwksUri;
    private JwksCachePolicy jwksCache = JwksCachePolicy.defaults();
    private boolean acceptTestKeys;

    private Builder(String issuer) {
      this.issuer = issuer;
    }

    /**
     * Adds accepted audiences; a token needs one of them in {@code aud}.
     *
     * @param values the audiences to add
     * @return this builder
     */
    public Builder audience(String... values) {
      audiences.addAll(List.of(values));
      return this;
    }

    /**
     * Replaces the accepted JWS algorithms, e.g. {@code "RS256"}.
     *
     * @param values the algorithm names; case is ignored
     * @return this builder
     */
    public Builder algorithms(String... values) {
      algorithms = new LinkedHashSet<>(List.of(values));
      return this;
    }

    /**
     * Whether {@code typ} {@code JWT} (or none) is accepted beside {@code at+jwt}.
     *
     * @param accept {@code true} to accept {@code JWT}
     * @return this builder
     */
    public Builder acceptJwtTyp(boolean accept) {
      acceptJwtTyp = accept;
      return this;
    }

    /**
     * Where subject, client id and scopes are read from.
     *
     * @param mapping where subject, client id and scopes are read from
     * @return this builder
     */
    public Builder claims(ClaimMapping mapping) {
      claims = mapping;
      return this;
    }

    /**
     * Allows plain http to loopback hosts (tests, the dev server); https stays required elsewhere.
     *
     * @param allow {@code true} to allow loopback http
     * @return this builder
     */
    public Builder allowInsecureLoopback(boolean allow) {
      allowInsecureLoopback = allow;
      return this;
    }

    /**
     * Tolerance for {@code exp} and {@code nbf}, at most five minutes.
     *
     * @param skew the tolerance, at most {@link TrustedIssuer#MAX_CLOCK_SKEW}
     * @return this builder
     */
    public Builder clockSkew(Duration skew) {
      clockSkew = skew;
      return this;
    }

    /**
     * Skips discovery and fetches keys from this URL.
     *
     * @param uri the JWK Set URL
     * @return this builder
     */
    public Builder jwksUri(URI uri) {
      jwksUri = uri;
      return this;
    }

    /**
     * How the JWK Set is fetched and cached.
     *
     * @param policy how the JWK Set is fetched and cached
     * @return this builder
     */
    public Builder jwksCache(JwksCachePolicy policy) {
      jwksCache = policy;
      return this;
    }

    /**
     * Whether keys made for tests are trusted (tests and development tools only); default off.
     *
     * @param accept {@code true} to trust test keys (never in production)
     * @return this builder
     */
    public Builder acceptTestKeys(boolean accept) {
      acceptTestKeys = accept;
      return this;
    }

    /**
     * The validated, immutable issuer; throws {@link IllegalArgumentException} on bad settings.
     *
     * @return the issuer, checked
     */
    public TrustedIssuer build() {
      Set<String> algs = new LinkedHashSet<>();
      for (String a : algorithms) {
        // Configuration is case-insensitive where JOSE names are not ("rs256" is a typo, not a threat).
        algs.add(a == null ? null : canonicalAlg(a));
      }
      return new TrustedIssuer(issuer, audiences, algs, acceptJwtTyp, claims, allowInsecureLoopback,
          clockSkew, Optional.ofNullable(jwksUri), jwksCache, acceptTestKeys);
    }

    private static String canonicalAlg(String a) {
      String upper = a.strip().toUpperCase(Locale.ROOT);
      return switch (upper) {
        case "EDDSA" -> "EdDSA";
        case "ED25519" -> "Ed25519";
        default -> upper;
      };
    }
  }
}
