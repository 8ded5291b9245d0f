package io.admin.auth.core.federation;

import java.net.URI;
import java.time.Duration;
import io.admin.auth.core.config.ConfigReader;
import java.util.ArrayList;
import java.util.List;
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
 * <p>Per issuer also: {@code algorithms}, {@code subject-claim}, {@code library-scopes} (the
 * library's own {@code api-keys:*} scopes this issuer's tokens may grant; none by default, see
 * {@link ClaimMapping}), {@code clock-skew} (ISO-8601),
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
      "accept-jwt-typ", "scope-claims", "subject-claim", "client-id-claims", "library-scopes",
      "clock-skew", "jwks-uri",
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
   * @param properties the configuration; only {@value #PREFIX} properties are read
   * @return the issuers, possibly none
   * @throws FederationConfigException naming the offending property
   */
  public static List<TrustedIssuer> parse(Properties properties, Optional<String> defaultAudience) {
    ConfigReader config = ConfigReader.of(properties, PREFIX)
        .withErrors(FederationConfigException::new);
    List<String> names = list(config, "issuers");
    for (String name : config.names()) {
      if (!name.equals("issuers") && !known(PREFIX + name, names)) {
        throw config.error(name, "unknown federation setting or issuer name");
      }
    }
    List<TrustedIssuer> issuers = new ArrayList<>();
    for (String name : names) {
      issuers.add(issuer(config.under("issuer." + name + "."), name, defaultAudience));
    }
    return issuers;
  }

  /**
   * Issuers from a comma-separated list of URLs, the dev server's {@code ADMIN_AUTH_TRUSTED_ISSUERS}:
   * discovery, {@code typ} {@code JWT} accepted, scopes from {@code scope} or {@code scp}, and plain
   * http allowed for loopback issuers only.
   *
   * @param commaSeparated the issuer URLs, separated by commas
   * @param audience the audience every issuer's tokens must carry
   * @return the issuers, one per URL
   * @throws IllegalArgumentException when a URL is not acceptable
   */
  public static List<TrustedIssuer> fromIssuerUrls(String commaSeparated, String audience) {
    List<TrustedIssuer> issuers = new ArrayList<>();
    for (String url : ConfigReader.commaSeparated(commaSeparated)) {
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

  private static TrustedIssuer issuer(ConfigReader c, String name, Optional<String> defaultAudience) {
    String url = c.string("url").orElseThrow(
        () -> c.error("url", "required for issuer '" + name + "'"));
    TrustedIssuer.Builder b = TrustedIssuer.builder(url);
    List<String> audiences = list(c, "audience");
    if (audiences.isEmpty()) {
      b.audience(defaultAudience.orElseThrow(
          () -> c.error("audience", "required (no default audience)")));
    } else {
      b.audience(audiences.toArray(String[]::new));
    }
    List<String> algorithms = list(c, "algorithms");
    c.check("algorithms", () -> {
      for (String alg : algorithms) {
        if (TrustedIssuer.SUPPORTED_ALGORITHMS.stream().noneMatch(alg::equalsIgnoreCase)) {
          throw new IllegalArgumentException("not an accepted algorithm: " + alg
              + " (one of " + TrustedIssuer.SUPPORTED_ALGORITHMS + ")");
        }
      }
      if (!algorithms.isEmpty()) {
        b.algorithms(algorithms.toArray(String[]::new));
      }
    });
    b.acceptJwtTyp(c.bool("accept-jwt-typ", false));
    boolean loopback = c.bool("allow-insecure-loopback", false);
    b.allowInsecureLoopback(loopback);
    c.duration("clock-skew").ifPresent(skew -> c.check("clock-skew", () -> b.clockSkew(skew)));
    c.string("jwks-uri").ifPresent(v -> c.check("jwks-uri", () -> {
      URI uri = URI.create(v);
      if (!Urls.fetchable(uri, loopback)) {
        throw new IllegalArgumentException("must be https (http only for loopback when allowed): " + v);
      }
      b.jwksUri(uri);
    }));
    ClaimMapping mapping = ClaimMapping.defaults();
    Optional<String> subject = c.string("subject-claim");
    List<String> scopes = list(c, "scope-claims");
    List<String> clients = list(c, "client-id-claims");
    List<String> library = list(c, "library-scopes");
    try {
      mapping = new ClaimMapping(subject.orElse(mapping.subjectClaim()),
          clients.isEmpty() ? mapping.clientIdClaims() : clients,
          scopes.isEmpty() ? mapping.scopeClaims() : scopes);
    } catch (IllegalArgumentException e) {
      throw new FederationConfigException(c.key(!scopes.isEmpty() ? "scope-claims"
          : !clients.isEmpty() ? "client-id-claims" : "subject-claim"), e.getMessage(), e);
    }
    if (!library.isEmpty()) {
      try {
        mapping = mapping.withLibraryScopes(library.toArray(new String[0]));
      } catch (IllegalArgumentException e) {
        throw new FederationConfigException(c.key("library-scopes"), e.getMessage(), e);
      }
    }
    b.claims(mapping);
    JwksCachePolicy d = JwksCachePolicy.defaults();
    ConfigReader j = c.under("jwks.");
    Duration defaultTtl = j.duration("default-ttl", d.defaultTtl());
    Duration minTtl = j.duration("min-ttl", d.minTtl());
    Duration maxTtl = j.duration("max-ttl", d.maxTtl());
    Duration refetch = j.duration("refetch-interval", d.refetchInterval());
    Duration maxStale = j.duration("max-stale", d.maxStale());
    Duration connect = j.duration("connect-timeout", d.connectTimeout());
    Duration read = j.duration("read-timeout", d.readTimeout());
    int maxBytes = j.integer("max-response-bytes", d.maxResponseBytes());
    j.check("*", () -> b.jwksCache(new JwksCachePolicy(defaultTtl, minTtl, maxTtl, refetch,
        maxStale, connect, read, maxBytes, d.warnInterval())));
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      // Settings were checked one by one above; what is left is about the issuer URL itself.
      throw new FederationConfigException(c.key("url"), e.getMessage(), e);
    }
  }

  /** The listed items once each, in order. */
  private static List<String> list(ConfigReader c, String name) {
    return c.list(name).stream().distinct().toList();
  }
}
