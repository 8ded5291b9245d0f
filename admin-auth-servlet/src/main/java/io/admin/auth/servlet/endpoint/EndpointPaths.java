package io.admin.auth.servlet.endpoint;

import io.admin.auth.servlet.internal.RequestPaths;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where the endpoints are mapped, relative to the context path (the defaults of docs/http-contract.md,
 * "Endpoints", in {@link #defaults()}).
 *
 * @param token token endpoint
 * @param revocation RFC 7009 endpoint
 * @param introspection RFC 7662 endpoint
 * @param jwks JWK Set document
 * @param authorizationServerMetadata RFC 8414 metadata
 * @param openidConfiguration the same document where OIDC discovery clients look
 */
public record EndpointPaths(
    String token,
    String revocation,
    String introspection,
    String jwks,
    String authorizationServerMetadata,
    String openidConfiguration) {

  /**
   * Checks that every path is an exact, normalized path and that no two are the same.
   *
   * @param token the token endpoint's path; an exact path such as {@code /a/b}
   * @param revocation the revocation endpoint's path
   * @param introspection the introspection endpoint's path
   * @param jwks the JWK Set document's path
   * @param authorizationServerMetadata the RFC 8414 metadata document's path
   * @param openidConfiguration the OIDC discovery document's path
   * @throws NullPointerException if a path is null
   * @throws IllegalArgumentException if a path is not exact (empty, dot or encoded segments) or
   *     two are the same
   */
  public EndpointPaths {
    List<String> all = List.of(Objects.requireNonNull(token, "token"),
        Objects.requireNonNull(revocation, "revocation"),
        Objects.requireNonNull(introspection, "introspection"),
        Objects.requireNonNull(jwks, "jwks"),
        Objects.requireNonNull(authorizationServerMetadata, "authorizationServerMetadata"),
        Objects.requireNonNull(openidConfiguration, "openidConfiguration"));
    RequestPaths.requireExactDistinct("endpoint", all);
  }

  /**
   * The contract defaults.
   *
   * @return the paths of docs/http-contract.md, "Endpoints": {@code /api/v3/auth/token} and its
   *     siblings, and the three documents under {@code /.well-known/}
   */
  public static EndpointPaths defaults() {
    return new EndpointPaths("/api/v3/auth/token", "/api/v3/auth/revoke",
        "/api/v3/auth/introspect", "/.well-known/jwks.json",
        "/.well-known/oauth-authorization-server", "/.well-known/openid-configuration");
  }

  /**
   * Every path, in declaration order.
   *
   * @return a new, modifiable set of the six paths
   */
  public Set<String> all() {
    return new LinkedHashSet<>(List.of(token, revocation, introspection, jwks,
        authorizationServerMetadata, openidConfiguration));
  }
}
