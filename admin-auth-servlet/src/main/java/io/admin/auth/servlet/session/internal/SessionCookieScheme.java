package io.admin.auth.servlet.session.internal;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.servlet.access.PathPattern;
import io.admin.auth.servlet.error.Challenge;
import io.admin.auth.servlet.internal.RequestPaths;
import io.admin.auth.servlet.scheme.AuthScheme;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;

/**
 * The access-token cookie as a bearer credential (docs/http-contract.md, "Browser apps"), on the
 * paths the host opted in only. It {@linkplain #yieldsToOtherCredentials() yields}: a request
 * with an {@code Authorization} or {@code X-API-Key} header is judged by that header alone and is
 * not cookie-authenticated (no CSRF check, no fallback to the cookie when the header's credential
 * is bad). The token must be one of this service's, issued to the session client. A
 * cookie-authenticated request with an unsafe method must pass the CSRF check against the token's
 * session, else it is refused with 403 {@code AUTH_CSRF_INVALID}. Immutable.
 */
public final class SessionCookieScheme implements AuthScheme {

  private final SessionSupport s;
  private final List<PathPattern> paths;

  SessionCookieScheme(SessionSupport support) {
    this.s = support;
    this.paths = support.settings.cookiePaths();
  }

  @Override
  public boolean presentIn(HttpServletRequest request) {
    return presented(request) != null;
  }

  /**
   * The access cookie's value when this scheme applies to {@code request} (an opted-in path, no
   * credential header, the cookie present), else {@code null}. The cheap header checks first, the
   * path last: it is the only check that copies anything.
   */
  private String presented(HttpServletRequest request) {
    if (paths.isEmpty() || request.getHeader("Authorization") != null
        || request.getHeader("X-API-Key") != null) {
      return null;
    }
    Optional<String> token = s.cookies.access(request);
    if (token.isEmpty()) {
      return null;
    }
    Optional<String> path = RequestPaths.canonicalPath(request);
    if (path.isEmpty()) {
      return null;
    }
    for (PathPattern p : paths) {
      if (p.matches(path.get())) {
        return token.get();
      }
    }
    return null;
  }

  @Override
  public boolean yieldsToOtherCredentials() {
    return true;
  }

  @Override
  public AuthOutcome authenticate(HttpServletRequest request) {
    String token = presented(request);
    if (token == null) {
      return AuthOutcome.notApplicable();
    }
    AuthOutcome outcome = s.verify(token);
    if (outcome instanceof AuthOutcome.Authenticated a && SessionSupport.isUnsafe(request)) {
      String expected = s.csrf.tokenFor(SessionSupport.familyOf(a.principal()).orElseThrow());
      if (!s.csrf.passes(request, expected)) {
        return new AuthOutcome.Rejected(SessionSupport.csrfError());
      }
    }
    return outcome;
  }

  @Override
  public Challenge challenge(String realm) {
    return Challenge.of("Bearer", realm);
  }
}
