package io.admin.auth.servlet.signin.internal;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.core.signin.UserInfoResult;
import io.admin.auth.servlet.error.AuthErrorRenderer;
import io.admin.auth.servlet.error.Challenge;
import io.admin.auth.servlet.scheme.BearerScheme;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The OpenID Connect UserInfo endpoint (docs/http-contract.md, "Signing people in"; OpenID
 * Connect Core 1.0 section 5.3), {@code GET} or {@code POST}: a bearer access token of this server
 * holding {@code openid} answers {@code {"sub":...}} plus the claims its scopes release.
 *
 * <p>The token is read from the {@code Authorization} header only, for {@code POST} too: the
 * form-body parameter {@code access_token} of RFC 6750 section 2.2 is not accepted, for the same
 * reason the filter's Bearer scheme refuses it (one way to present a token, which never reaches
 * logs through a body dump), so the request body is never read. Refusals follow RFC 6750 section
 * 3 in the contract's JSON: no bearer token (API keys and Basic included) is 401 with a bare
 * {@code Bearer} challenge, a bad, expired or foreign token (an ID token among them) 401 {@code
 * invalid_token}, a token without {@code openid} 403 {@code insufficient_scope}. Every answer is
 * {@code Cache-Control: no-store}. Thread-safe.
 */
public final class UserInfoServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient TokenService tokens;
  private final transient AuthErrorRenderer renderer;
  private final transient BearerScheme bearer;

  /** Serves UserInfo for the access tokens {@code tokens} issued. */
  public UserInfoServlet(TokenService tokens, AuthErrorRenderer renderer) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.bearer = new BearerScheme(tokens);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("POST")) {
      response.setHeader("Allow", "GET, POST");
      renderer.render(response, 405,
          AuthError.of(AuthErrorCode.AUTH_REQUEST_INVALID, "This endpoint accepts GET and POST."));
      return;
    }
    if (Collections.list(request.getHeaders("Authorization")).size() > 1) {
      renderer.render(response, AuthError.of(AuthErrorCode.AUTH_REQUEST_INVALID,
          "The request carries more than one credential."), List.of());
      return;
    }
    try {
      answer(request, response);
    } catch (AuthUnavailableException e) {
      renderer.unavailable(response);
    }
  }

  private void answer(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Challenge plain = bearer.challenge(renderer.realm());
    if (!bearer.presentIn(request)) {
      renderer.render(response, AuthError.of(AuthErrorCode.AUTH_CREDENTIALS_MISSING,
          "A bearer access token is required."), List.of(plain));
      return;
    }
    AuthOutcome outcome = bearer.authenticate(request);
    if (outcome instanceof AuthOutcome.Rejected r) {
      renderer.render(response, r.error(), List.of(bearer.challenge(renderer.realm(), r.error())));
      return;
    }
    if (!(outcome instanceof AuthOutcome.Authenticated a)) {
      renderer.render(response, AuthError.of(AuthErrorCode.AUTH_CREDENTIALS_MISSING,
          "A bearer access token is required."), List.of(plain));
      return;
    }
    UserInfoResult result = tokens.userInfo(a.principal());
    if (result instanceof UserInfoResult.Refused refused) {
      // insufficient_scope is rendered as 403 with its own challenge by the renderer.
      renderer.render(response, refused.error(),
          List.of(bearer.challenge(renderer.realm(), refused.error())));
      return;
    }
    byte[] json = Json.write(((UserInfoResult.Claims) result).claims())
        .getBytes(StandardCharsets.UTF_8);
    response.setStatus(200);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    response.setContentType("application/json;charset=UTF-8");
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
  }
}
