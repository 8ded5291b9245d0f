package io.admin.auth.servlet.config;

import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.access.AccessRule;
import io.admin.auth.servlet.access.PathPattern;
import io.admin.auth.servlet.endpoint.ApiKeysServlet;
import io.admin.auth.servlet.endpoint.EndpointPaths;
import io.admin.auth.servlet.endpoint.internal.ClientFailureThrottles;
import io.admin.auth.servlet.endpoint.internal.IntrospectionEndpointServlet;
import io.admin.auth.servlet.endpoint.internal.JwksServlet;
import io.admin.auth.servlet.endpoint.internal.MetadataServlet;
import io.admin.auth.servlet.endpoint.internal.RevocationEndpointServlet;
import io.admin.auth.servlet.endpoint.internal.TokenEndpointServlet;
import io.admin.auth.servlet.error.AuthErrorRenderer;
import jakarta.servlet.http.HttpServlet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which servlet serves which path, and what that does to the access policy: the OAuth endpoints
 * become public paths (they authenticate clients themselves), the API key management endpoints
 * get a rule requiring {@value ApiKeysServlet#MANAGE_SCOPE} ahead of the application's rules.
 */
final class EndpointWiring {

  /** The servlets by mapped path and the policy the filter enforces with them in place. */
  record Wired(Map<String, HttpServlet> servlets, AccessPolicy policy) {}

  private EndpointWiring() {}

  /**
   * @throws IllegalArgumentException when the management path collides with an endpoint path
   * @throws IllegalStateException when the policy would leave the management path public
   */
  static Wired wire(AdminAuth.Builder b, AuthErrorRenderer renderer, RateLimits limits) {
    AccessPolicy policy = b.policy != null ? b.policy : AccessPolicy.builder().build();
    Map<String, HttpServlet> servlets = new LinkedHashMap<>();
    EndpointPaths paths = b.paths;
    if (b.endpoints) {
      policy = policy.withPublicPaths(List.copyOf(paths.all()));
      String base = b.baseUrlOrIssuer();
      // One pair of throttles for the three endpoints: a guesser gets one budget, not three.
      ClientFailureThrottles failures = new ClientFailureThrottles(
          limits.clientFailuresPerClient(), limits.clientFailuresPerAddress());
      servlets.put(paths.token(), new TokenEndpointServlet(b.tokens, renderer, b.maxRequestBytes,
          limits.tokenPerAddress(), limits.tokenPerClient(), failures));
      servlets.put(paths.revocation(),
          new RevocationEndpointServlet(b.tokens, renderer, b.maxRequestBytes, failures));
      servlets.put(paths.introspection(),
          new IntrospectionEndpointServlet(b.tokens, renderer, b.maxRequestBytes, failures));
      servlets.put(paths.jwks(), new JwksServlet(b.tokens, renderer, b.jwksMaxAge));
      Supplier<Map<String, Object>> signInMembers = b.signIn == null ? Map::of
          : () -> SignInMetadata.members(b.tokens, base, b.signIn.paths(), b.scopesSupported);
      // One instance per mapping: a container initialises each registration's servlet itself.
      servlets.put(paths.authorizationServerMetadata(),
          new MetadataServlet(b.tokens, renderer, base, paths, b.jwksMaxAge, b.scopesSupported,
              b.clock, signInMembers));
      servlets.put(paths.openidConfiguration(),
          new MetadataServlet(b.tokens, renderer, base, paths, b.jwksMaxAge, b.scopesSupported,
              b.clock, signInMembers));
    }
    if (b.signIn != null) {
      Map<String, HttpServlet> signIn = SignInWiring.servlets(b, renderer, limits);
      // The pages and endpoints authenticate the person (or the bearer) themselves.
      policy = policy.withPublicPaths(List.copyOf(signIn.keySet()));
      servlets.putAll(signIn);
    }
    if (b.apiKeys != null && b.apiKeyEndpoints) {
      String path = b.apiKeysPath;
      if (paths.all().contains(path)) {
        throw new IllegalArgumentException("apiKeysPath collides with an endpoint path");
      }
      policy = policy.withRulesFirst(List.of(new AccessRule(Set.of(),
          PathPattern.of(path + "/**"), Set.of(ApiKeysServlet.MANAGE_SCOPE))));
      if (policy.decide("GET", path) instanceof AccessPolicy.Decision.Public) {
        throw new IllegalStateException("the access policy makes " + path + " public");
      }
      servlets.put(path,
          new ApiKeysServlet(b.apiKeys, renderer, b.apiKeysAdminScope, b.maxRequestBytes));
      servlets.put(path + "/*",
          new ApiKeysServlet(b.apiKeys, renderer, b.apiKeysAdminScope, b.maxRequestBytes));
    }
    return new Wired(servlets, policy);
  }
}
