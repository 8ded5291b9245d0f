package io.admin.auth.servlet.endpoint.internal;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.issue.Introspection;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.servlet.error.AuthErrorRenderer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * RFC 7662 token introspection. The caller must authenticate as a client (section 2.1: the
 * endpoint must be protected, or it becomes a token-scanning oracle). Anything not currently
 * valid answers only {@code {"active":false}} (section 2.2).
 */
public final class IntrospectionEndpointServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient TokenService tokens;
  private final transient ClientEndpoint endpoint;

  /**
   * Serves this endpoint from {@code tokens}; a client id or remote address whose
   * authentication failed too often is answered 429 {@code AUTH_RATE_LIMITED} with {@code
   * Retry-After}.
   *
   * @param tokens the token service
   * @param renderer the error renderer
   * @param maxBodyBytes largest accepted request body (at least 256)
   * @param failures throttles of failed client authentication, shared with the other endpoints
   */
  public IntrospectionEndpointServlet(TokenService tokens, AuthErrorRenderer renderer,
      int maxBodyBytes, ClientFailureThrottles failures) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.endpoint = new ClientEndpoint(tokens, renderer, maxBodyBytes, ClientEndpoint.UNLIMITED,
        ClientEndpoint.UNLIMITED, failures);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    endpoint.serveToken(request, response, (client, token, params, res) -> {
      Introspection i = tokens.introspect(client, token, ClientEndpoint.tokenTypeHint(params));
      ClientEndpoint.json(res, Json.write(toJson(i)));
    });
  }

  static Map<String, Object> toJson(Introspection i) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("active", i.active());
    if (!i.active()) {
      return json;
    }
    if (!i.scopes().isEmpty()) {
      json.put("scope", String.join(" ", i.scopes()));
    }
    putIfPresent(json, "client_id", i.clientId());
    putIfPresent(json, "sub", i.subject());
    putIfPresent(json, "iss", i.issuer());
    if (!i.audience().isEmpty()) {
      json.put("aud", i.audience().size() == 1 ? i.audience().get(0) : i.audience());
    }
    putIfPresent(json, "iat", epoch(i.issuedAt()));
    putIfPresent(json, "nbf", epoch(i.notBefore()));
    putIfPresent(json, "exp", epoch(i.expiresAt()));
    putIfPresent(json, "jti", i.jwtId());
    if ("access_token".equals(i.tokenType())) {
      // RFC 7662 2.2: token_type is the RFC 6749 7.1 type ("Bearer"), not the 7009 hint value.
      json.put("token_type", "Bearer");
    }
    return json;
  }

  private static Long epoch(Instant instant) {
    return instant == null ? null : instant.getEpochSecond();
  }

  private static void putIfPresent(Map<String, Object> json, String name, Object value) {
    if (value != null) {
      json.put(name, value);
    }
  }
}
