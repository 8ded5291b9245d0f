package io.admin.auth.devserver;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The dev server's configuration (docs/http-contract.md). Build it with {@link #parse}, which reads
 * the command-line flags and the environment, flags winning.
 *
 * @param port listen port; 0 picks a free one
 * @param host listen address: an IP address or host name; {@code 0.0.0.0} for every interface
 * @param issuer {@code iss} of issued tokens, or empty for {@code http://localhost:<bound port>}
 * @param audience {@code aud} of issued and accepted tokens, or empty for the issuer
 * @param store where state is kept
 * @param dataDir folder of the embedded file store, and of the key-encryption key and pepper
 *     generated when {@code ADMIN_AUTH_KEK} / {@code ADMIN_AUTH_PEPPER} are not set
 * @param demoClientId the seeded client's id
 * @param demoClientSecret the seeded client's secret, or empty to generate (and print) one
 * @param demoUser the seeded Basic user's name
 * @param demoPassword the seeded Basic user's password, or empty to generate (and print) one
 * @param trustedIssuers third-party OIDC issuers whose tokens are accepted (copied)
 * @param signingAlgorithm the JWS algorithm name ({@code RS256}, {@code PS256}, {@code ES256},
 *     {@code EdDSA}), or empty for the library default
 * @param accessTokenTtl access token lifetime, positive and at most one hour
 * @param refreshTokenTtl refresh token lifetime, positive
 * @param rateLimits the request limits and brute-force throttles: the library's defaults except
 *     those {@code ADMIN_AUTH_RATE_LIMITS} sets
 * @param signInClients the seeded sign-in clients {@code demo-spa} and {@code demo-partner}
 */
public record DevServerConfig(
    int port,
    String host,
    Optional<URI> issuer,
    Optional<String> audience,
    StoreChoice store,
    Path dataDir,
    String demoClientId,
    Optional<String> demoClientSecret,
    String demoUser,
    Optional<String> demoPassword,
    List<URI> trustedIssuers,
    Optional<String> signingAlgorithm,
    Duration accessTokenTtl,
    Duration refreshTokenTtl,
    DevRateLimits rateLimits,
    DemoSignInClients signInClients) {

  /** The default listen port. */
  public static final int DEFAULT_PORT = 8080;
  /**
   * The default listen address: this machine only, because the server prints working demo
   * credentials and must not be reachable from the network unless asked to.
   */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** The shortest demo password accepted: the one the dev server seeds is a login to it. */
  public static final int MIN_DEMO_PASSWORD_LENGTH = 12;
  /** The default data folder of the embedded file store, relative to the working directory. */
  public static final Path DEFAULT_DATA_DIR = Path.of("data");
  /** The ceiling for access token lifetimes (docs/http-contract.md), also the default. */
  public static final Duration MAX_ACCESS_TTL = Duration.ofHours(1);
  /** The default refresh token lifetime. */
  public static final Duration DEFAULT_REFRESH_TTL = Duration.ofDays(30);

  public DevServerConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be within 0..65535");
    }
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(demoClientId, "demoClientId");
    Objects.requireNonNull(demoClientSecret, "demoClientSecret");
    Objects.requireNonNull(demoUser, "demoUser");
    Objects.requireNonNull(demoPassword, "demoPassword");
    if (demoPassword.filter(p -> p.length() < MIN_DEMO_PASSWORD_LENGTH).isPresent()) {
      throw new IllegalArgumentException(
          "demoPassword must have at least " + MIN_DEMO_PASSWORD_LENGTH + " characters");
    }
    trustedIssuers = List.copyOf(trustedIssuers);
    Objects.requireNonNull(signingAlgorithm, "signingAlgorithm");
    Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
    Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
    if (accessTokenTtl.isNegative() || accessTokenTtl.isZero()
        || accessTokenTtl.compareTo(MAX_ACCESS_TTL) > 0) {
      throw new IllegalArgumentException("accessTokenTtl must be positive and at most PT1H");
    }
    if (refreshTokenTtl.isNegative() || refreshTokenTtl.isZero()) {
      throw new IllegalArgumentException("refreshTokenTtl must be positive");
    }
    Objects.requireNonNull(rateLimits, "rateLimits");
    Objects.requireNonNull(signInClients, "signInClients");
    // One id, one registration: a clash would silently replace one seeded client by another.
    if (List.of(demoClientId, DemoSignInClients.SPA_ID).contains(signInClients.partnerId())
        || demoClientId.equals(DemoSignInClients.SPA_ID)) {
      throw new IllegalArgumentException("demoClientId, demo-spa and the partner id must differ");
    }
  }

  /**
   * Reads the configuration from command-line flags ({@code --port 9090} or {@code --port=9090})
   * and environment variables ({@code ADMIN_AUTH_PORT}); a flag wins over its variable, and an
   * empty variable counts as unset. Pure: no I/O, no randomness; secrets left unset stay empty
   * and are generated at start.
   *
   * @param args the command-line arguments
   * @param env the environment, e.g. {@link System#getenv()}
   * @return the configuration, a help request, or the first invalid setting
   */
  public static ConfigResult parse(List<String> args, Map<String, String> env) {
    return DevServerConfigParser.parse(args, env);
  }

  /** The usage text listing every flag and variable. */
  public static String usage() {
    return DevServerConfigParser.usage();
  }

  /** This configuration with another store (e.g. an embedded store in a test's folder). */
  public DevServerConfig withStore(StoreChoice store) {
    return new DevServerConfig(port, host, issuer, audience, store, dataDir, demoClientId,
        demoClientSecret,
        demoUser, demoPassword, trustedIssuers, signingAlgorithm, accessTokenTtl, refreshTokenTtl,
        rateLimits, signInClients);
  }

  /** The configured issuer, or {@code http://localhost:<boundPort>}. */
  public String issuerFor(int boundPort) {
    return issuer.map(URI::toString).orElse("http://localhost:" + boundPort);
  }

  /** The configured audience, or the issuer. */
  public String audienceFor(int boundPort) {
    return audience.orElseGet(() -> issuerFor(boundPort));
  }

  /** Never prints the secrets, nor credentials inside a JDBC URL. */
  @Override
  public String toString() {
    return "DevServerConfig[port=" + port + ", host=" + host + ", issuer=" + issuer + ", audience=" + audience
        + ", store=" + store.describe() + ", demoClientId=" + demoClientId
        + ", demoClientSecret=" + demoClientSecret.map(s -> "**********").orElse("<generated>")
        + ", demoUser=" + demoUser
        + ", demoPassword=" + demoPassword.map(s -> "**********").orElse("<generated>")
        + ", trustedIssuers=" + trustedIssuers + ", signingAlgorithm=" + signingAlgorithm
        + ", accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl=" + refreshTokenTtl
        + ", rateLimits=" + rateLimits.describe() + ", signInClients=" + signInClients + "]";
  }
}
