package io.admin.auth.servlet.config;

import io.admin.auth.core.observe.AuthObserver;
import io.admin.auth.core.AccessTokenType;
import io.admin.auth.core.config.ConfigReader;
import io.admin.auth.core.federation.JwksCachePolicy;
import io.admin.auth.core.federation.RemoteJwkSetCache;
import io.admin.auth.core.verify.AccessTokenVerifier;
import io.admin.auth.core.verify.AccessTokenVerifierBuilder;
import io.admin.auth.core.verify.PublicKeySource;
import io.admin.auth.core.verify.ResourceServerVerifierBuilder;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code admin.auth.resource-server.*} properties: a node that only verifies the issuer's
 * access tokens, with nothing but its public keys. Setting any of them makes {@link
 * AdminAuthProperties#load} build a resource server ({@link AdminAuth#resourceServer}): the filter
 * with the Bearer scheme on a verifier of those keys, and no token endpoint, token service, signing
 * key or client anywhere.
 *
 * <pre>
 * admin.auth.resource-server.issuer = https://auth.example.com
 * admin.auth.resource-server.audience = orders-api
 * admin.auth.resource-server.jwks-uri = https://auth.example.com/.well-known/jwks.json
 * # or: admin.auth.resource-server.jwks-file = /etc/orders/issuer-jwks.json
 * </pre>
 *
 * <p>The keys (values follow {@link ConfigReader}'s rules):
 *
 * <ul>
 *   <li>{@value #ISSUER} (required): the {@code iss} accepted tokens carry, exactly as the issuer's
 *       {@code admin.auth.issuer};
 *   <li>{@value #AUDIENCE}: the audience accepted tokens must carry in {@code aud}; default the
 *       issuer, as the issuer's {@code admin.auth.token.audience} defaults;
 *   <li>{@value #JWKS_URI} or {@value #JWKS_FILE}, exactly one: the issuer's JWK Set URL
 *       (fetched and cached with the defaults of {@link JwksCachePolicy}: refreshed as the
 *       issuer's {@code Cache-Control} says, an unknown {@code kid} refetched at most every 30 s,
 *       the last set used for up to an hour while the issuer cannot be reached, then 503), or a
 *       file holding the public JWK Set, read once at start (a key rotation then needs a new
 *       file and a restart). A file with private key material is refused;
 *   <li>{@value #ALLOW_INSECURE_LOOPBACK}: {@code true} lets {@value #JWKS_URI} be plain {@code
 *       http} on a loopback host (tests, a local dev server); default {@code false}, https only;
 *   <li>{@value #TYP}: {@code at+jwt} (default) or {@code JWT}, as the issuer's {@code
 *       admin.auth.token.typ}: with {@code JWT}, tokens typed {@code JWT} are accepted too;
 *   <li>{@value #CLOCK_SKEW}: ISO-8601 tolerance for {@code exp}/{@code nbf}/{@code iat}, from
 *       {@code PT0S} to {@code PT5M}; default {@code PT30S}.
 * </ul>
 *
 * <p>Alongside them the servlet-side keys still apply (access rules, roles, realm, HTTPS, trusted
 * third-party issuers, API keys, Basic, the per-principal rate limit); the issuer-side keys are
 * refused (see {@link #ISSUER_ONLY_KEYS}). Revocations made at the issuer are not seen here: a
 * revoked access token is accepted until it expires, at most an hour.
 */
public final class ResourceServerProperties {

  private static final Logger LOG = LoggerFactory.getLogger(ResourceServerProperties.class);

  /** Prefix of every key read here. */
  public static final String PREFIX = AdminAuthProperties.PREFIX + "resource-server.";
  /** The issuer whose tokens are accepted (required). */
  public static final String ISSUER = PREFIX + "issuer";
  /** The audience accepted tokens must carry; default the issuer. */
  public static final String AUDIENCE = PREFIX + "audience";
  /** The issuer's JWK Set URL (https). */
  public static final String JWKS_URI = PREFIX + "jwks-uri";
  /** A file holding the issuer's public JWK Set. */
  public static final String JWKS_FILE = PREFIX + "jwks-file";
  /** {@code true} / {@code false} (default): plain http for a loopback {@link #JWKS_URI}. */
  public static final String ALLOW_INSECURE_LOOPBACK = PREFIX + "allow-insecure-loopback";
  /** {@code at+jwt} (default) or {@code JWT}: the {@code typ} the issuer stamps. */
  public static final String TYP = PREFIX + "typ";
  /** ISO-8601 clock skew, {@code PT0S} to {@code PT5M}; default {@code PT30S}. */
  public static final String CLOCK_SKEW = PREFIX + "clock-skew";
  /**
   * {@code true} / {@code false} (default): trust keys made for tests (a {@code kid} starting
   * {@code test-}, as the testkit's), which a production verifier refuses. For the test
   * configuration of an application only; logged at WARN when on.
   */
  public static final String ACCEPT_TEST_KEYS = PREFIX + "accept-test-keys";

  /**
   * Keys and key prefixes that configure an issuer, refused next to the resource-server keys: a
   * resource server has no token service, endpoints, clients, signing keys or store.
   */
  public static final List<String> ISSUER_ONLY_KEYS = List.of(AdminAuthProperties.ISSUER,
      AdminAuthProperties.BASE_URL, AdminAuthProperties.TOKEN_SERVICE_FACTORY,
      AdminAuthProperties.PREFIX + "endpoints.", AdminAuthProperties.PREFIX + "token.",
      AdminAuthProperties.PREFIX + "client.", AdminAuthProperties.PREFIX + "key.",
      AdminAuthProperties.STORE_PREFIX, AdminAuthProperties.RATE_LIMIT_TOKEN_PER_ADDRESS,
      AdminAuthProperties.RATE_LIMIT_TOKEN_PER_CLIENT);

  private static final Set<String> KEYS = Set.of("issuer", "audience", "jwks-uri", "jwks-file",
      "allow-insecure-loopback", "typ", "clock-skew", "accept-test-keys");

  private ResourceServerProperties() {}

  /** Whether any {@code admin.auth.resource-server.*} key is set. */
  static boolean configured(ConfigReader c) {
    return !c.under(PREFIX).names().isEmpty();
  }

  /**
   * The audience third-party issuers default to on a resource server: {@link #AUDIENCE}, else
   * {@link #ISSUER}.
   */
  static Optional<String> audience(ConfigReader c) {
    return c.string(AUDIENCE).or(() -> c.string(ISSUER));
  }

  /**
   * The verifier the resource-server keys describe; refuses issuer-side keys next to them.
   *
   * @throws AdminAuthConfigException naming the first property that cannot be used
   */
  static AccessTokenVerifier verifier(ConfigReader c, AuthObserver observer) {
    refuseIssuerKeys(c);
    ConfigReader r = c.under(PREFIX);
    checkOwnKeys(r);
    return build(r, observer);
  }

  /**
   * Refuses every {@link #ISSUER_ONLY_KEYS} key: next to a resource server they would configure
   * nothing, or worse, suggest a token endpoint that is not there.
   *
   * @throws AdminAuthConfigException naming the first such key
   */
  static void refuseIssuerKeys(ConfigReader c) {
    for (String name : c.under(AdminAuthProperties.PREFIX).names()) {
      String key = AdminAuthProperties.PREFIX + name;
      if (ISSUER_ONLY_KEYS.stream().anyMatch(k -> k.endsWith(".") ? key.startsWith(k)
          : key.equals(k))) {
        throw c.error(key, "configures an issuer; a resource server (" + PREFIX + "*) issues no"
            + " tokens and holds no signing key" + (key.equals(AdminAuthProperties.ISSUER)
                ? ": name the issuer whose tokens are accepted with " + ISSUER : ""));
      }
    }
  }

  private static void checkOwnKeys(ConfigReader r) {
    for (String name : r.names()) {
      if (!KEYS.contains(name)) {
        throw r.error(name, "unknown property");
      }
    }
  }

  private static AccessTokenVerifier build(ConfigReader r, AuthObserver observer) {
    String issuer = r.requiredString("issuer");
    ResourceServerVerifierBuilder b = AccessTokenVerifier.resourceServer().issuer(issuer)
        .observer(observer);
    r.string("audience").ifPresent(b::audience);
    r.value("typ", "at+jwt or JWT", AccessTokenType::parse).ifPresent(b::accessTokenType);
    r.duration("clock-skew").ifPresent(skew -> {
      if (skew.isNegative() || skew.compareTo(AccessTokenVerifierBuilder.MAX_SKEW) > 0) {
        throw r.error("clock-skew", "must be between PT0S and "
            + AccessTokenVerifierBuilder.MAX_SKEW + ", was " + skew);
      }
      b.clockSkew(skew);
    });
    if (r.bool("accept-test-keys", false)) {
      LOG.warn("{} is true: tokens signed by test keys are accepted; never in production",
          ACCEPT_TEST_KEYS);
      b.acceptTestKeys(true);
    }
    b.publicKeys(keys(r, issuer, observer));
    AccessTokenVerifier[] built = new AccessTokenVerifier[1];
    r.check("issuer", () -> built[0] = b.build());
    return built[0];
  }

  private static PublicKeySource keys(ConfigReader r, String issuer, AuthObserver observer) {
    boolean insecureLoopback = r.bool("allow-insecure-loopback", false);
    if (r.isSet("jwks-uri") == r.isSet("jwks-file")) {
      throw r.error(r.isSet("jwks-uri") ? "jwks-file" : "jwks-uri",
          "set exactly one of " + JWKS_URI + " and " + JWKS_FILE);
    }
    if (r.isSet("jwks-file")) {
      if (insecureLoopback) {
        throw r.error("allow-insecure-loopback", "only meaningful with " + JWKS_URI);
      }
      Path file = r.value("jwks-file", "a file path", Path::of).orElseThrow();
      PublicKeySource[] source = new PublicKeySource[1];
      r.check("jwks-file", () -> source[0] = PublicKeySource.jwkSetFile(file));
      return source[0];
    }
    URI uri = r.value("jwks-uri", "an absolute https URL", ResourceServerProperties::uri)
        .orElseThrow();
    RemoteJwkSetCache[] cache = new RemoteJwkSetCache[1];
    r.check("jwks-uri", () -> cache[0] = RemoteJwkSetCache.create(uri, insecureLoopback,
        JwksCachePolicy.defaults(), Clock.systemUTC(), null, issuer, observer));
    return cache[0];
  }

  private static URI uri(String v) {
    try {
      URI uri = new URI(v);
      if (!uri.isAbsolute() || uri.getHost() == null) {
        throw new IllegalArgumentException("not absolute");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("malformed", e);
    }
  }
}
