package io.admin.auth.servlet.endpoint.internal;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.servlet.endpoint.EndpointPaths;
import io.admin.auth.servlet.error.AuthErrorRenderer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The RFC 8414 authorization server metadata document, served unchanged at both {@code
 * /.well-known/oauth-authorization-server} and {@code /.well-known/openid-configuration}.
 *
 * <p>Endpoint URLs are the configured public base URL plus the endpoint paths, never built from
 * the request's {@code Host} header (which a caller controls). {@code scopes_supported} lists the
 * configured scopes only, and is left out when none are configured: publishing every client's
 * scopes would scan the client store on anonymous requests and advertise internal scopes such as
 * {@code api-keys:admin}. The document is built at most once per cache max-age (and at least a
 * second apart), the time clients may cache it anyway, so a signing algorithm added by key
 * rotation shows up without a restart while a flood of requests costs no store reads. {@code
 * access_token_signing_alg_values_supported} is not registered by RFC 8414 but is allowed by its
 * section 2 ("additional metadata"); it names the RFC 9068 access-token algorithms. Thread-safe.
 */
public final class MetadataServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  static final List<String> GRANTS = List.of("client_credentials", "refresh_token");
  static final List<String> AUTH_METHODS = List.of("client_secret_basic", "client_secret_post");

  private final transient TokenService tokens;
  private final transient AuthErrorRenderer renderer;
  private final String baseUrl;
  private final EndpointPaths paths;
  private final long maxAgeSeconds;
  private final List<String> scopesSupported;
  private final transient Clock clock;
  private final Duration rebuildAfter;
  private final transient Supplier<Map<String, Object>> moreMembers;
  private transient volatile Built built;

  /** The document as served, and when it was built. */
  private record Built(byte[] json, Instant at) {}

  /**
   * Serves this endpoint from {@code tokens}.
   *
   * @param tokens the token service (issuer, algorithms, scopes)
   * @param renderer the error renderer
   * @param baseUrl public URL of the application root (including any context path), no trailing
   *     slash
   * @param paths the endpoint paths
   * @param maxAge how long clients may cache the document, and how long it is served unchanged
   *     (at least one second)
   * @param scopesSupported the {@code scopes_supported} to publish (sorted on output); empty
   *     leaves the member out
   * @param clock when the document was built
   */
  public MetadataServlet(TokenService tokens, AuthErrorRenderer renderer, String baseUrl,
      EndpointPaths paths, Duration maxAge, Collection<String> scopesSupported, Clock clock) {
    this(tokens, renderer, baseUrl, paths, maxAge, scopesSupported, clock, Map::of);
  }

  /**
   * Serves this endpoint with members added to (or replacing) the ones above, such as those of
   * signing people in (docs/http-contract.md, "Signing people in"). {@code moreMembers} is asked
   * each time the document is rebuilt, so it may reflect key rotation; a replaced member keeps its
   * position in the document.
   *
   * @param moreMembers the members to add or replace, as JSON values
   */
  public MetadataServlet(TokenService tokens, AuthErrorRenderer renderer, String baseUrl,
      EndpointPaths paths, Duration maxAge, Collection<String> scopesSupported, Clock clock,
      Supplier<Map<String, Object>> moreMembers) {
    this.moreMembers = Objects.requireNonNull(moreMembers, "moreMembers");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", "");
    this.paths = Objects.requireNonNull(paths, "paths");
    this.maxAgeSeconds = maxAge.toSeconds();
    this.scopesSupported = List.copyOf(new TreeSet<>(scopesSupported));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.rebuildAfter = maxAge.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : maxAge;
  }

  /** The metadata document as a JSON object. */
  public Map<String, Object> document() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("issuer", tokens.issuer());
    doc.put("token_endpoint", baseUrl + paths.token());
    doc.put("revocation_endpoint", baseUrl + paths.revocation());
    doc.put("introspection_endpoint", baseUrl + paths.introspection());
    doc.put("jwks_uri", baseUrl + paths.jwks());
    doc.put("grant_types_supported", GRANTS);
    // RFC 8414 2: response_types_supported is REQUIRED; there is no authorization endpoint.
    doc.put("response_types_supported", List.of());
    doc.put("token_endpoint_auth_methods_supported", AUTH_METHODS);
    doc.put("revocation_endpoint_auth_methods_supported", AUTH_METHODS);
    doc.put("introspection_endpoint_auth_methods_supported", AUTH_METHODS);
    doc.put("access_token_signing_alg_values_supported", List.copyOf(tokens.signingAlgorithms()));
    if (!scopesSupported.isEmpty()) {
      doc.put("scopes_supported", scopesSupported);
    }
    doc.putAll(moreMembers.get());
    return doc;
  }

  /** The serialized document, rebuilt only once the previous one is older than max-age. */
  private byte[] json() {
    Instant now = clock.instant();
    Built current = built;
    if (current == null || !now.isBefore(current.at().plus(rebuildAfter))
        || now.isBefore(current.at())) {
      // Two requests may both rebuild at the boundary; both results are valid, one wins.
      current = new Built(Json.write(document()).getBytes(StandardCharsets.UTF_8), now);
      built = current;
    }
    return current.json();
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      response.setHeader("Allow", "GET, HEAD");
      renderer.render(response, 405,
          AuthError.of(AuthErrorCode.AUTH_REQUEST_INVALID, "This endpoint accepts GET only."));
      return;
    }
    byte[] bytes;
    try {
      bytes = json();
    } catch (io.admin.auth.core.AuthUnavailableException e) {
      renderer.unavailable(response);
      return;
    }
    response.setStatus(200);
    response.setHeader("Cache-Control", "public, max-age=" + maxAgeSeconds);
    response.setContentType("application/json;charset=UTF-8");
    response.setContentLength(bytes.length);
    if (method.equals("GET")) {
      response.getOutputStream().write(bytes);
    }
  }
}
