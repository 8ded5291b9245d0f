package io.admin.auth.servlet.endpoint.internal;

import io.admin.auth.servlet.internal.RequestParameters;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.ratelimit.RateLimitDecision;
import io.admin.auth.core.ratelimit.RateLimiter;
import io.admin.auth.core.ratelimit.RemoteAddressKey;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.servlet.error.AuthErrorRenderer;
import io.admin.auth.servlet.error.Challenge;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps the token, revocation and introspection endpoints share: POST only, no caching, a
 * bounded body, client authentication with its failures throttled, optional rate limits per
 * remote address (before anything is read) and per authenticated client id, and the rule that
 * nothing, not even a bug, answers with a stack trace.
 */
final class ClientEndpoint {

  /** What an endpoint does once the client and the required {@code token} parameter are known. */
  @FunctionalInterface
  interface TokenHandler {
    void handle(OAuthClient client, String token, Map<String, String> params,
        HttpServletResponse response) throws IOException;
  }

  /** What an endpoint does once the client is known. */
  @FunctionalInterface
  interface Handler {
    void handle(OAuthClient client, Map<String, String> params, HttpServletResponse response)
        throws IOException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(ClientEndpoint.class);

  private final ClientAuthenticator clients;
  private final AuthErrorRenderer renderer;
  private final int maxBodyBytes;
  private final RateLimiter perAddress;
  private final RateLimiter perClient;

  /** A limiter that admits everything. */
  static final RateLimiter UNLIMITED = key -> RateLimitDecision.allow();

  /**
   * The client id's request budget is spent only once the client has authenticated, so that
   * nobody can spend another client's budget by naming it; failed authentications are counted by
   * the failure throttles instead, per claimed client id and per address.
   */
  ClientEndpoint(TokenService tokens, AuthErrorRenderer renderer, int maxBodyBytes,
      RateLimiter perAddress, RateLimiter perClient, ClientFailureThrottles failures) {
    this(tokens, renderer, maxBodyBytes, perAddress, perClient, failures, false);
  }

  /**
   * An endpoint where, with {@code publicClients}, a {@code client_id} alone authenticates a
   * public client (see {@link ClientAuthenticator}).
   */
  ClientEndpoint(TokenService tokens, AuthErrorRenderer renderer, int maxBodyBytes,
      RateLimiter perAddress, RateLimiter perClient, ClientFailureThrottles failures,
      boolean publicClients) {
    this.perAddress = java.util.Objects.requireNonNull(perAddress, "perAddress");
    this.perClient = java.util.Objects.requireNonNull(perClient, "perClient");
    if (maxBodyBytes < 256) {
      throw new IllegalArgumentException("maxBodyBytes must be at least 256");
    }
    this.clients = new ClientAuthenticator(tokens, failures.perClient(), failures.perAddress(),
        publicClients);
    this.renderer = renderer;
    this.maxBodyBytes = maxBodyBytes;
  }

  AuthErrorRenderer renderer() {
    return renderer;
  }

  void serve(HttpServletRequest request, HttpServletResponse response, Handler handler)
      throws IOException {
    try {
      if (limited(response, perAddress.tryAcquire(RemoteAddressKey.of(request.getRemoteAddr())))) {
        return;
      }
      if (!"POST".equals(request.getMethod())) {
        response.setHeader("Allow", "POST");
        renderer.render(response, 405,
            AuthError.of(AuthErrorCode.AUTH_REQUEST_INVALID, "This endpoint accepts POST only."));
        return;
      }
      RequestParameters.Result params = RequestParameters.read(request, maxBodyBytes);
      if (params instanceof RequestParameters.Result.Invalid invalid) {
        renderer.render(response, invalid.error(), List.of());
        return;
      }
      Map<String, String> values = ((RequestParameters.Result.Parsed) params).values();
      ClientAuthenticator.Result client = clients.authenticate(request, values);
      if (client instanceof ClientAuthenticator.Result.Failed failed) {
        fail(response, failed.error());
        return;
      }
      OAuthClient c = ((ClientAuthenticator.Result.Authenticated) client).client();
      if (limited(response, perClient.tryAcquire("client:" + c.clientId()))) {
        return;
      }
      handler.handle(c, values, response);
    } catch (AuthUnavailableException e) {
      LOG.warn("Endpoint {} unavailable: {}", request.getRequestURI(), e.getMessage());
      renderer.unavailable(response);
    } catch (RuntimeException e) {
      LOG.error("Endpoint {} failed unexpectedly", request.getRequestURI(), e);
      renderer.internalError(response);
    }
  }

  /**
   * {@link #serve} for the endpoints that act on one presented token (revocation, introspection):
   * a missing {@code token} parameter is {@code invalid_request}.
   */
  void serveToken(HttpServletRequest request, HttpServletResponse response, TokenHandler handler)
      throws IOException {
    serve(request, response, (client, params, res) -> {
      String token = params.get("token");
      if (token == null) {
        fail(res, AuthError.of(AuthErrorCode.AUTH_REQUEST_INVALID,
            "The token parameter is required."));
        return;
      }
      handler.handle(client, token, params, res);
    });
  }

  private boolean limited(HttpServletResponse response, RateLimitDecision decision)
      throws IOException {
    if (decision.allowed()) {
      return false;
    }
    renderer.render(response, decision.toAuthError(), List.of());
    return true;
  }

  /** Renders an error; {@code invalid_client} carries a Basic challenge (RFC 6749 section 5.2). */
  void fail(HttpServletResponse response, AuthError error) throws IOException {
    List<Challenge> challenges = error.code() == AuthErrorCode.AUTH_CLIENT_INVALID
        ? List.of(Challenge.of("Basic", renderer.realm())) : List.of();
    renderer.render(response, error, challenges);
  }

  /** A 200 JSON answer that must not be cached (RFC 6749 section 5.1). */
  static void json(HttpServletResponse response, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    response.setStatus(200);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    response.setContentType("application/json;charset=UTF-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  static java.util.Optional<String> tokenTypeHint(Map<String, String> params) {
    String hint = params.get("token_type_hint");
    // RFC 7009 2.1 / RFC 7662 2.1: an unknown hint may be ignored; only the two we know are passed.
    return "access_token".equals(hint) || "refresh_token".equals(hint)
        ? java.util.Optional.of(hint) : java.util.Optional.empty();
  }
}
