package io.admin.auth.servlet.endpoint;

import io.admin.auth.servlet.internal.RequestPaths;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where the endpoints are mapped, relative to the context path (docs/http-contract.md section 1 defaults in
 * {@link #defaults()}).
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

  /** Checks that every path is an exact, normalized path and that no two are the same. */
  public EndpointPaths {
    List<String> all = List.of(Objects.requireNonNull(token, "token"),
        Objects.requireNonNull(revocation, "revocation"),
        Objects.requireNonNull(introspection, "introspection"),
        Objects.requireNonNull(jwks, "jwks"),
        Objects.requireNonNull(authorizationServerMetadata, "authorizationServerMetadata"),
        Objects.requireNonNull(openidConfiguration, "openidConfiguration"));
    RequestPaths.requireExactDistinct("endpoint", all);
  }

  /** The contract defaults. */
  public static EndpointPaths defaults() {
    return new EndpointPaths("/api/v3/auth/token", "/api/v3/auth/revoke",
        "/api/v3/auth/introspect", "/.well-known/jwks.json",
        "/.well-known/oauth-authorization-server", "/.well-known/openid-configuration");
  }

  /** Every path, in declaration order. */
  public Set<String> all() {
    return new LinkedHashSet<>(List.of(token, revocation, introspection, jwks,
        authorizationServerMetadata, openidConfiguration));
  }
}
