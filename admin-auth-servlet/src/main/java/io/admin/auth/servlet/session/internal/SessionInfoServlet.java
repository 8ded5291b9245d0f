package io.admin.auth.servlet.session.internal;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET <session>}: the signed-in person of the access-token cookie, as {@code sub}, {@code
 * scopes}, {@code expires_at} (ISO-8601) and {@code csrf_token}, never cached; or 401: {@code
 * AUTH_CREDENTIALS_MISSING} without the cookie, the verifier's code otherwise ({@code
 * AUTH_TOKEN_EXPIRED} is the page's cue to refresh).
 */
final class SessionInfoServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient SessionSupport s;

  SessionInfoServlet(SessionSupport support) {
    this.s = support;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<String> access = s.cookies.access(request);
    if (access.isEmpty()) {
      s.render(response, AuthError.of(AuthErrorCode.AUTH_CREDENTIALS_MISSING,
          "No browser session: sign in first."));
      return;
    }
    AuthOutcome outcome = s.verify(access.get());
    if (outcome instanceof AuthOutcome.Authenticated a) {
      s.writeSession(response, a.principal());
    } else if (outcome instanceof AuthOutcome.Rejected r) {
      s.render(response, r.error());
    } else {
      s.render(response, AuthError.of(AuthErrorCode.AUTH_TOKEN_INVALID,
          "The access token provided has expired or is malformed."));
    }
  }
}
