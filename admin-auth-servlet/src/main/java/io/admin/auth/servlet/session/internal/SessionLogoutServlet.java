package io.admin.auth.servlet.session.internal;

import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.servlet.signin.internal.SignInCookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code POST <session>/logout}: CSRF-protected; revokes the refresh family of the refresh cookie
 * (and with it every access token of the session) and the access token of the cookie, ends the
 * person's sign-in session at the authorization server (so the next sign-in asks for the password
 * again), clears every cookie it set and answers 204. Without a session cookie there is nothing
 * to protect or revoke: the cookies are cleared and the answer is 204 without a CSRF check (the
 * sign-in session, which this browser session did not open, is left alone).
 */
final class SessionLogoutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient SessionSupport s;

  SessionLogoutServlet(SessionSupport support) {
    this.s = support;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<String> refresh = s.cookies.refresh(request);
    Optional<String> access = s.cookies.access(request);
    if (refresh.isPresent() || access.isPresent()) {
      if (!s.csrf.passes(request, s.expectedCsrf(request).orElse(null))) {
        s.csrfRefused(response);
        return;
      }
      Optional<OAuthClient> client = s.client();
      if (client.isEmpty()) {
        s.renderer.internalError(response);
        return;
      }
      refresh.ifPresent(t -> s.tokens.revoke(client.get(), t, Optional.of("refresh_token")));
      access.ifPresent(t -> s.tokens.revoke(client.get(), t, Optional.of("access_token")));
      SignInCookie.read(request)
          .ifPresent(id -> s.signIn.sessions().delete(SignInCookie.idHash(id)));
      SignInCookie.clear(request, response);
    }
    s.cookies.clearSession(request, response);
    s.cookies.clearLogin(request, response);
    SessionSupport.noStore(response);
    response.setStatus(204);
  }
}
