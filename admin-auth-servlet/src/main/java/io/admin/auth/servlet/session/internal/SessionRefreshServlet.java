package io.admin.auth.servlet.session.internal;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.issue.TokenResponse;
import io.admin.auth.core.issue.TokenResult;
import io.admin.auth.core.spi.OAuthClient;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST <session>/refresh}: rotates the tokens of the refresh cookie with the token
 * service's refresh grant (one winner, reuse revokes the family), coalesced per node so two tabs
 * refreshing at once get the same new pair ({@link RefreshCoalescer}), sets the new cookies and
 * answers 200 with the session as {@code GET <session>} does. CSRF-protected. A refused refresh is
 * the grant's 400 {@code invalid_grant} and clears the cookies; no refresh cookie is 401.
 */
final class SessionRefreshServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient SessionSupport s;

  SessionRefreshServlet(SessionSupport support) {
    this.s = support;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!s.csrf.passes(request, s.expectedCsrf(request).orElse(null))) {
      s.csrfRefused(response);
      return;
    }
    Optional<String> refresh = s.cookies.refresh(request);
    if (refresh.isEmpty()) {
      s.render(response, AuthError.of(AuthErrorCode.AUTH_CREDENTIALS_MISSING,
          "No refresh token in this browser session: sign in again."));
      return;
    }
    Optional<OAuthClient> client = s.client();
    if (client.isEmpty()) {
      s.renderer.internalError(response);
      return;
    }
    TokenResult result = s.coalescer.refresh(refresh.get(),
        () -> s.tokens.refresh(client.get(), refresh.get(), Optional.empty()));
    if (result instanceof TokenResult.Failed f) {
      s.cookies.clearSession(request, response);
      s.renderer.render(response, f.error(), List.of());
      return;
    }
    TokenResponse tokens = ((TokenResult.Issued) result).response();
    if (!(s.verify(tokens.accessToken()) instanceof AuthOutcome.Authenticated a)) {
      s.renderer.internalError(response);
      return;
    }
    String token = s.csrf.tokenFor(SessionSupport.familyOf(a.principal()).orElseThrow());
    // The check above may have trusted the CSRF cookie (the access token had expired): the
    // rotated session must be the one that cookie belongs to, or the new tokens die at once.
    if (!s.csrf.passes(request, token)) {
      s.tokens.revoke(client.get(), tokens.refreshToken() != null ? tokens.refreshToken()
          : tokens.accessToken(), Optional.empty());
      s.cookies.clearSession(request, response);
      s.csrfRefused(response);
      return;
    }
    s.cookies.writeSession(request, response, tokens.accessToken(), tokens.refreshToken(), token);
    s.writeSession(response, a.principal());
  }
}
