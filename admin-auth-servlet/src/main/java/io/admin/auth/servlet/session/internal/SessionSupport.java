package io.admin.auth.servlet.session.internal;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.ClaimNames;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.issue.ClientAuthentication;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.servlet.error.AuthErrorRenderer;
import io.admin.auth.servlet.error.Challenge;
import io.admin.auth.servlet.session.BrowserSessions;
import io.admin.auth.servlet.signin.SignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the session endpoints and the cookie scheme share: the settings, the token service, the
 * cookies, the CSRF guard, the pending-login seal, and the checks they all make of an access
 * token from a cookie. Built once per {@code AdminAuth}; immutable apart from the refresh
 * coalescer's short memory. Thread-safe.
 */
public final class SessionSupport {

  private static final Logger LOG = LoggerFactory.getLogger(SessionSupport.class);

  final BrowserSessions settings;
  final TokenService tokens;
  final SignIn signIn;
  final AuthErrorRenderer renderer;
  final String redirectUri;
  final SessionCookies cookies;
  final CsrfGuard csrf;
  final PendingLoginSeal seal;
  final RefreshCoalescer coalescer;

  /**
   * @param redirectUri the absolute callback URI registered for the client
   * @param signIn the sign-in settings whose authorization endpoint the login redirects to
   */
  public SessionSupport(BrowserSessions settings, TokenService tokens, SignIn signIn,
      AuthErrorRenderer renderer, String redirectUri) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.signIn = Objects.requireNonNull(signIn, "signIn");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
    SessionKeys keys = SessionKeys.of(settings);
    this.cookies = new SessionCookies(settings);
    this.csrf = new CsrfGuard(keys.csrf(), settings.trustedOrigins());
    this.seal = new PendingLoginSeal(keys.seal(), settings.random());
    this.coalescer = new RefreshCoalescer(settings.refreshLeeway(), settings.clock());
  }

  /** The session servlets by path, relative to the context. */
  public Map<String, jakarta.servlet.http.HttpServlet> servlets() {
    Map<String, jakarta.servlet.http.HttpServlet> m = new LinkedHashMap<>();
    m.put(settings.paths().session(), new SessionInfoServlet(this));
    m.put(settings.paths().login(), new SessionLoginServlet(this));
    m.put(settings.paths().callback(), new SessionCallbackServlet(this));
    m.put(settings.paths().refresh(), new SessionRefreshServlet(this));
    m.put(settings.paths().logout(), new SessionLogoutServlet(this));
    return m;
  }

  /** The filter scheme that takes the access-token cookie on the opted-in paths. */
  public SessionCookieScheme scheme() {
    return new SessionCookieScheme(this);
  }

  /**
   * Verifies an access token from a cookie: it must be valid, issued to the session client and
   * carry a refresh family ({@code fid}), which every token of a sign-in has.
   */
  AuthOutcome verify(String accessToken) {
    if (!wellFormedToken(accessToken)) {
      return AuthOutcome.rejected(AuthErrorCode.AUTH_TOKEN_INVALID,
          "The access token provided has expired or is malformed.");
    }
    AuthOutcome outcome = tokens.verify(accessToken);
    if (outcome instanceof AuthOutcome.Authenticated a
        && (!settings.clientId().equals(a.principal().clientId()) || familyOf(a.principal()).isEmpty())) {
      return AuthOutcome.rejected(AuthErrorCode.AUTH_TOKEN_INVALID,
          "The access token provided has expired or is malformed.");
    }
    return outcome;
  }

  /**
   * Whether a cookie's value has the form of a token: 1 to 8192 characters of {@code
   * [A-Za-z0-9._~+/=-]}. A loop rather than a regular expression because every cookie-authenticated
   * request pays it over the whole token (some 800 characters); the regex cost as much as the
   * verification's cache hit itself.
   */
  static boolean wellFormedToken(String token) {
    int n = token.length();
    if (n == 0 || n > 8192) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = token.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-' || c == '~' || c == '+' || c == '/' || c == '=';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  static Optional<String> familyOf(AuthPrincipal p) {
    return p.claims().get(ClaimNames.FAMILY_ID) instanceof String s && !s.isEmpty()
        ? Optional.of(s) : Optional.empty();
  }

  /** The session client, or empty (logged: a configuration error) when it does not authenticate. */
  Optional<OAuthClient> client() {
    ClientAuthentication auth = tokens.authenticateClient(settings.clientId(),
        settings.clientSecret());
    if (auth instanceof ClientAuthentication.Succeeded s) {
      return Optional.of(s.client());
    }
    LOG.error("Browser sessions: client {} is not registered or its secret does not match",
        settings.clientId());
    return Optional.empty();
  }

  /**
   * The CSRF token a POST to a session endpoint must send: that of the access cookie's session
   * when the cookie still verifies, else the CSRF cookie's value (double submit); the refresh
   * endpoint checks the second case again against the rotated tokens.
   */
  Optional<String> expectedCsrf(HttpServletRequest request) {
    Optional<String> access = cookies.access(request);
    if (access.isPresent() && verify(access.get()) instanceof AuthOutcome.Authenticated a) {
      return familyOf(a.principal()).map(csrf::tokenFor);
    }
    return cookies.csrf(request).filter(CsrfGuard::wellFormed);
  }

  void csrfRefused(HttpServletResponse response) throws IOException {
    renderer.render(response, csrfError(), List.of());
  }

  static AuthError csrfError() {
    return AuthError.of(AuthErrorCode.AUTH_CSRF_INVALID,
        "The request lacks a valid CSRF token or does not come from this site.");
  }

  void render(HttpServletResponse response, AuthError error) throws IOException {
    renderer.render(response, error, List.of(Challenge.of("Bearer", renderer.realm())));
  }

  /** {@code sub}, {@code scopes}, {@code expires_at}, {@code csrf_token} of a session, as JSON. */
  void writeSession(HttpServletResponse response, AuthPrincipal p) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sub", p.subject());
    body.put("scopes", List.copyOf(p.scopes()));
    body.put("expires_at", p.expiresAt() == null ? null : p.expiresAt().toString());
    body.put("csrf_token", csrf.tokenFor(familyOf(p).orElseThrow()));
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    noStore(response);
    response.setStatus(200);
    response.setContentType("application/json;charset=UTF-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  static void noStore(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
  }

  static boolean isUnsafe(HttpServletRequest request) {
    String m = request.getMethod();
    return !("GET".equals(m) || "HEAD".equals(m) || "OPTIONS".equals(m));
  }
}
