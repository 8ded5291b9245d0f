package io.admin.auth.core.federation;

import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.internal.jose.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds an issuer's {@code jwks_uri}: OpenID Connect Discovery 1.0 section 4 first, then the RFC
 * 8414 section 3.1 path. The result is kept once found; failures are retried at most once per
 * interval so that a flood of tokens cannot turn into a flood of discovery requests.
 */
final class IssuerDiscovery {

  private static final Logger LOG = LoggerFactory.getLogger(IssuerDiscovery.class);

  private final TrustedIssuer issuer;
  private final BoundedHttpFetcher fetcher;
  private final Clock clock;
  private final Duration retryInterval;
  private final RateLimitedWarning warning;
  private URI jwksUri; // guarded by this
  private Instant lastFailure; // guarded by this
  private String lastReason; // guarded by this

  IssuerDiscovery(TrustedIssuer issuer, BoundedHttpFetcher fetcher, Clock clock) {
    this.issuer = issuer;
    this.fetcher = fetcher;
    this.clock = clock;
    this.retryInterval = issuer.jwksCache().refetchInterval();
    this.warning = new RateLimitedWarning(LOG, clock, issuer.jwksCache().warnInterval());
  }

  /**
   * The discovered JWK Set URL.
   *
   * @throws AuthUnavailableException when discovery failed (recently, or now)
   */
  synchronized URI jwksUri() {
    if (jwksUri != null) {
      return jwksUri;
    }
    Instant now = clock.instant();
    if (lastFailure != null && now.isBefore(lastFailure.plus(retryInterval))) {
      throw new AuthUnavailableException("discovery for " + issuer.issuer() + " failed: " + lastReason);
    }
    try {
      jwksUri = discover();
      return jwksUri;
    } catch (DiscoveryException e) {
      lastFailure = now;
      lastReason = e.getMessage();
      warning.warn("Discovery for trusted issuer {} failed: {}", issuer.issuer(), e.getMessage());
      throw new AuthUnavailableException("discovery for " + issuer.issuer() + " failed: " + lastReason);
    }
  }

  private URI discover() throws DiscoveryException {
    URI base = URI.create(issuer.issuer());
    String path = stripTrailingSlash(base.getRawPath() == null ? "" : base.getRawPath());
    String origin = base.getScheme() + "://" + base.getRawAuthority();
    Optional<Map<String, Object>> doc = fetch(URI.create(origin + path + "/.well-known/openid-configuration"));
    if (doc.isEmpty()) {
      doc = fetch(URI.create(origin + "/.well-known/oauth-authorization-server" + path));
    }
    if (doc.isEmpty()) {
      throw new DiscoveryException("no metadata document at either well-known location");
    }
    Object discoveredIssuer = doc.get().get("issuer");
    if (!issuer.issuer().equals(discoveredIssuer)) {
      // OIDC Discovery section 4.3 / RFC 8414 section 3.3: prevents one provider impersonating another.
      throw new DiscoveryException("metadata names issuer '" + discoveredIssuer + "', not the configured one");
    }
    if (!(doc.get().get("jwks_uri") instanceof String jwks)) {
      throw new DiscoveryException("metadata has no jwks_uri");
    }
    try {
      URI uri = new URI(jwks);
      if (!Urls.fetchable(uri, issuer.allowInsecureLoopback())) {
        throw new DiscoveryException("jwks_uri is not https: " + jwks);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new DiscoveryException("jwks_uri is not a URL");
    }
  }

  /** The document, or empty when the location answers with anything but 200 (try the next). */
  private Optional<Map<String, Object>> fetch(URI uri) throws DiscoveryException {
    BoundedHttpFetcher.Response response;
    try {
      response = fetcher.get(uri);
    } catch (IOException e) {
      throw new DiscoveryException(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    if (response.status() != 200) {
      return Optional.empty();
    }
    return Optional.of(Json.parseObject(response.body())
        .orElseThrow(() -> new DiscoveryException("metadata at " + uri + " is not a JSON object")));
  }

  private static String stripTrailingSlash(String path) {
    // OIDC Discovery section 4.1: a terminating "/" of the issuer is removed before appending.
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** A discovery failure with a message safe to log. */
  private static final class DiscoveryException extends Exception {
    private static final long serialVersionUID = 1L;

    DiscoveryException(String message) {
      super(message, null, false, false);
    }
  }
}
