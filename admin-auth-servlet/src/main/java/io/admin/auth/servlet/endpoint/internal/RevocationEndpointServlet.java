package io.admin.auth.servlet.endpoint.internal;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.servlet.error.AuthErrorRenderer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * RFC 7009 token revocation. The caller authenticates as a client (a public client by its
 * {@code client_id} alone, as at the token endpoint); a token it does not own, an
 * unknown or malformed token, all answer 200 exactly like a successful revocation (section 2.2),
 * so the endpoint cannot be used to probe for valid tokens.
 */
public final class RevocationEndpointServlet extends HttpServlet {

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
  public RevocationEndpointServlet(TokenService tokens, AuthErrorRenderer renderer,
      int maxBodyBytes, ClientFailureThrottles failures) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    // RFC 7009 2.1: credentials are checked for confidential clients; a public client (a mobile
    // or browser app) names itself with client_id alone and can still end its own tokens.
    this.endpoint = new ClientEndpoint(tokens, renderer, maxBodyBytes, ClientEndpoint.UNLIMITED,
        ClientEndpoint.UNLIMITED, failures, true);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    endpoint.serveToken(request, response, (client, token, params, res) -> {
      tokens.revoke(client, token, ClientEndpoint.tokenTypeHint(params));
      res.setStatus(200);
      res.setHeader("Cache-Control", "no-store");
      res.setContentLength(0);
    });
  }
}
