package io.admin.auth.servlet.endpoint.internal;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.ratelimit.RateLimiter;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.issue.TokenResponse;
import io.admin.auth.core.issue.TokenResult;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.servlet.error.AuthErrorRenderer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The token endpoint (docs/http-contract.md, "Token endpoint" and "Signing people in", RFC 6749 sections
 * 4.1.3, 4.4, 5 and 6): {@code authorization_code}, {@code client_credentials} and {@code
 * refresh_token} grants, JSON or form bodies, {@code client_secret_basic} or {@code
 * client_secret_post}, or a {@code client_id} alone for a public client. A success carries
 * {@code id_token} when one was issued. Success and failure are sent with {@code Cache-Control:
 * no-store} and {@code Pragma: no-cache}; every failure is contract JSON.
 */
public final class TokenEndpointServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient TokenService tokens;
  private final transient ClientEndpoint endpoint;

  /**
   * Serves this endpoint from {@code tokens}, rate limited: every request takes a permit keyed
   * by {@link io.admin.auth.core.ratelimit.RemoteAddressKey} from {@code perAddress} before its body is read, and an
   * authenticated client one keyed {@code "client:" + clientId} from {@code perClient}; an empty
   * bucket is 429 {@code AUTH_RATE_LIMITED} with {@code Retry-After}.
   *
   * @param tokens the token service
   * @param renderer the error renderer
   * @param maxBodyBytes largest accepted request body (at least 256)
   * @param perAddress limit per remote address
   * @param perClient limit per authenticated client id
   * @param failures throttles of failed client authentication, shared with the other endpoints
   */
  public TokenEndpointServlet(TokenService tokens, AuthErrorRenderer renderer, int maxBodyBytes,
      RateLimiter perAddress, RateLimiter perClient, ClientFailureThrottles failures) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.endpoint =
        new ClientEndpoint(tokens, renderer, maxBodyBytes, perAddress, perClient, failures, true);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    endpoint.serve(request, response, (client, params, res) -> grant(client, params, res));
  }

  private void grant(OAuthClient client, Map<String, String> params, HttpServletResponse response)
      throws IOException {
    String grantType = params.get("grant_type");
    Optional<String> scope = Optional.ofNullable(params.get("scope"));
    TokenResult result;
    if (grantType == null) {
      result = failed(AuthErrorCode.AUTH_REQUEST_INVALID, "The grant_type parameter is required.");
    } else if (grantType.equals("client_credentials")) {
      result = tokens.clientCredentials(client, scope);
    } else if (grantType.equals("authorization_code")) {
      // Missing parameters are the token service's to judge, after the grant type: a client not
      // registered for this grant hears unsupported_grant_type whatever else it sent.
      result = tokens.authorizationCode(client, params.get("code"), params.get("redirect_uri"),
          params.get("code_verifier"));
    } else if (grantType.equals("refresh_token")) {
      String refresh = params.get("refresh_token");
      result = refresh == null
          ? failed(AuthErrorCode.AUTH_REQUEST_INVALID, "The refresh_token parameter is required.")
          : tokens.refresh(client, refresh, scope);
    } else {
      result = failed(AuthErrorCode.AUTH_GRANT_UNSUPPORTED, "The grant type is not supported.");
    }
    if (result instanceof TokenResult.Failed f) {
      endpoint.fail(response, f.error());
      return;
    }
    TokenResponse t = ((TokenResult.Issued) result).response();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("access_token", t.accessToken());
    json.put("token_type", t.tokenType());
    json.put("expires_in", t.expiresIn());
    if (t.refreshToken() != null) {
      json.put("refresh_token", t.refreshToken());
    }
    json.put("scope", t.scope());
    if (t.idToken() != null) {
      json.put("id_token", t.idToken());
    }
    ClientEndpoint.json(response, Json.write(json));
  }

  private static TokenResult failed(AuthErrorCode code, String message) {
    return new TokenResult.Failed(AuthError.of(code, message));
  }
}
