package io.admin.auth.core.federation;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Reads trusted issuers from flat configuration: the {@code admin.auth.federation.*} properties
 * and the dev server's comma-separated {@code ADMIN_AUTH_TRUSTED_ISSUERS}.
 *
 * <pre>
 * admin.auth.federation.issuers = keycloak
 * admin.auth.federation.issuer.keycloak.url = https://sso.example.com/realms/acme
 * admin.auth.federation.issuer.keycloak.audience = admin-api
 * admin.auth.federation.issuer.keycloak.accept-jwt-typ = true
 * admin.auth.federation.issuer.keycloak.scope-claims = scope, realm_access.roles
 * admin.auth.federation.issuer.keycloak.client-id-claims = azp
 * </pre>
 *
 * <p>Per issuer also: {@code algorithms}, {@code subject-claim}, {@code clock-skew} (ISO-8601),
 * {@code jwks-uri} (skips discovery), {@code allow-insecure-loopback}, and the
 * {@link JwksCachePolicy} bounds {@code jwks.default-ttl}, {@code jwks.min-ttl},
 * {@code jwks.max-ttl}, {@code jwks.refetch-interval}, {@code jwks.max-stale},
 * {@code jwks.connect-timeout}, {@code jwks.read-timeout}, {@code jwks.max-response-bytes}.
 * Unknown keys under the prefix are errors, so a misspelt setting cannot silently fall back.
 */
public final class TrustedIssuerProperties {

  /** Prefix of every key read here. */
  public static final String PREFIX = "admin.auth.federation.";
  /** Comma-separated names of the configured issuers. */
  public static final String ISSUERS = PREFIX + "issuers";
  /** Prefix of one issuer's keys: {@code admin.auth.federation.issuer.<name>.<setting>}. */
  public static final String ISSUER_PREFIX = PREFIX + "issuer.";

  private static final Set<String> SETTINGS = Set.of("url", "audience", "algorithms",
      "accept-jwt-typ", "scope-claims", "subject-claim", "client-id-claims", "clock-skew", "jwks-uri",
      "allow-insecure-loopback", "jwks.default-ttl", "jwks.min-ttl", "jwks.max-ttl",
      "jwks.refetch-interval", "jwks.max-stale", "jwks.connect-timeout", "jwks.read-timeout",
      "jwks.max-response-bytes");

  private TrustedIssuerProperties() {}

  /**
   * The issuers configured in {@code properties}, in the order of {@link #ISSUERS}; empty when
   * none are.
   *
   * @param defaultAudience used for an issuer without its own {@code audience} (the contract's
   *     {@code ADMIN_AUTH_AUDIENCE})
   * @throws FederationConfigException naming the offending property
   */
  public static List<TrustedIssuer> parse(Properties properties, Optional<String> defaultAudience) {
    List<String> names = list(properties.getProperty(ISSUERS));
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith(PREFIX) && !key.equals(ISSUERS) && !known(key, names)) {
        throw new FederationConfigException(key, "unknown federation setting or issuer name", null);
      }
    }
    List<TrustedIssuer> issuers = new ArrayList<>();
    for (String name : names) {
      issuers.add(issuer(properties, name, defaultAudience));
    }
    return issuers;
  }

  /**
   * Issuers from a comma-separated list of URLs, the dev server's {@code ADMIN_AUTH_TRUSTED_ISSUERS}:
   * discovery, {@code typ} {@code JWT} accepted, scopes from {@code scope} or {@code scp}, and plain
   * http allowed for loopback issuers only.
   *
   * @throws IllegalArgumentException when a URL is not acceptable
   */
  public static List<TrustedIssuer> fromIssuerUrls(String commaSeparated, String audience) {
    List<TrustedIssuer> issuers = new ArrayList<>();
    for (String url : list(commaSeparated)) {
      issuers.add(TrustedIssuer.builder(url).audience(audience).acceptJwtTyp(true)
          .allowInsecureLoopback(true).build());
    }
    return issuers;
  }

  private static boolean known(String key, List<String> names) {
    for (String name : names) {
      String prefix = ISSUER_PREFIX + name + ".";
      if (key.startsWith(prefix) && SETTINGS.contains(key.substring(prefix.length()))) {
        return true;
      }
    }
    return false;
  }

  private static TrustedIssuer issuer(Properties p, String name, Optional<String> defaultAudience) {
    String k = ISSUER_PREFIX + name + ".";
    String url = get(p, k + "url").orElseThrow(
        () -> new FederationConfigException(k + "url", "required for issuer '" + name + "'", null));
    TrustedIssuer.Builder b = TrustedIssuer.builder(url);
    List<String> audiences = list(p.getProperty(k + "audience"));
    if (audiences.isEmpty()) {
      b.audience(defaultAudience.orElseThrow(
          () -> new FederationConfigException(k + "audience", "required (no default audience)", null)));
    } else {
      b.audience(audiences.toArray(String[]::new));
    }
    apply(k + "algorithms", () -> get(p, k + "algorithms").ifPresent(v -> {
      for (String alg : list(v)) {
        if (TrustedIssuer.SUPPORTED_ALGORITHMS.stream().noneMatch(alg::equalsIgnoreCase)) {
          throw new IllegalArgumentException("not an accepted algorithm: " + alg
              + " (one of " + TrustedIssuer.SUPPORTED_ALGORITHMS + ")");
        }
      }
      b.algorithms(list(v).toArray(String[]::new));
    }));
    apply(k + "accept-jwt-typ", () -> b.acceptJwtTyp(bool(p, k + "accept-jwt-typ")));
    b.allowInsecureLoopback(bool(p, k + "allow-insecure-loopback"));
    apply(k + "clock-skew", () -> get(p, k + "clock-skew").ifPresent(v -> b.clockSkew(Duration.parse(v))));
    boolean loopback = bool(p, k + "allow-insecure-loopback");
    apply(k + "jwks-uri", () -> get(p, k + "jwks-uri").ifPresent(v -> {
      URI uri = URI.create(v);
      if (!Urls.fetchable(uri, loopback)) {
        throw new IllegalArgumentException("must be https (http only for loopback when allowed): " + v);
      }
      b.jwksUri(uri);
    }));
    ClaimMapping mapping = ClaimMapping.defaults();
    Optional<String> subject = get(p, k + "subject-claim");
    Optional<String> scopes = get(p, k + "scope-claims");
    Optional<String> clients = get(p, k + "client-id-claims");
    try {
      mapping = new ClaimMapping(subject.orElse(mapping.subjectClaim()),
          clients.map(TrustedIssuerProperties::list).orElse(mapping.clientIdClaims()),
          scopes.map(TrustedIssuerProperties::list).orElse(mapping.scopeClaims()));
    } catch (IllegalArgumentException e) {
      throw new FederationConfigException(k + (scopes.isPresent() ? "scope-claims"
          : clients.isPresent() ? "client-id-claims" : "subject-claim"), e.getMessage(), e);
    }
    b.claims(mapping);
    JwksCachePolicy d = JwksCachePolicy.defaults();
    String j = k + "jwks.";
    apply(j + "*", () -> b.jwksCache(new JwksCachePolicy(
        duration(p, j + "default-ttl", d.defaultTtl()), duration(p, j + "min-ttl", d.minTtl()),
        duration(p, j + "max-ttl", d.maxTtl()), duration(p, j + "refetch-interval", d.refetchInterval()),
        duration(p, j + "max-stale", d.maxStale()), duration(p, j + "connect-timeout", d.connectTimeout()),
        duration(p, j + "read-timeout", d.readTimeout()),
        get(p, j + "max-response-bytes").map(Integer::parseInt).orElse(d.maxResponseBytes()),
        d.warnInterval())));
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      // Settings were checked one by one above; what is left is about the issuer URL itself.
      throw new FederationConfigException(k + "url", e.getMessage(), e);
    }
  }

  private static void apply(String key, Runnable action) {
    try {
      action.run();
    } catch (FederationConfigException e) {
      throw e;
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new FederationConfigException(key, String.valueOf(e.getMessage()), e);
    }
  }

  private static Duration duration(Properties p, String key, Duration dflt) {
    try {
      return get(p, key).map(Duration::parse).orElse(dflt);
    } catch (DateTimeParseException e) {
      throw new FederationConfigException(key, "not an ISO-8601 duration such as PT30S", e);
    }
  }

  private static boolean bool(Properties p, String key) {
    String v = get(p, key).orElse("false").toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw new FederationConfigException(key, "must be true or false", null);
    }
    return v.equals("true");
  }

  private static Optional<String> get(Properties p, String key) {
    String v = p.getProperty(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  private static List<String> list(String value) {
    if (value == null) {
      return List.of();
    }
    return new ArrayList<>(new LinkedHashSet<>(Arrays.stream(value.split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).toList()));
  }
}
