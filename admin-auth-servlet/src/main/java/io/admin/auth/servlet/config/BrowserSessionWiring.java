package io.admin.auth.servlet.config;

import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.error.AuthErrorRenderer;
import io.admin.auth.servlet.session.BrowserSessions;
import io.admin.auth.servlet.session.internal.SessionSupport;
import jakarta.servlet.http.HttpServlet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Browser sessions (docs/http-contract.md, "Browser apps"), when the builder was given {@link
 * BrowserSessions}: the session endpoints become public paths (they check their cookies
 * themselves) and the filter gets the cookie scheme. Kept apart from {@link EndpointWiring} and
 * {@link SignInWiring} because it is optional and has its own paths.
 */
final class BrowserSessionWiring {

  private BrowserSessionWiring() {}

  /**
   * The shared parts of the endpoints and the cookie scheme, or {@code null} when off.
   *
   * @throws IllegalStateException without a token service or without sign-in settings
   * @throws IllegalArgumentException when a session path collides with another endpoint's path
   */
  static SessionSupport support(AdminAuth.Builder b, AuthErrorRenderer renderer) {
    BrowserSessions settings = b.browserSessions;
    if (settings == null) {
      return null;
    }
    if (b.tokens == null) {
      throw new IllegalStateException("a resource server cannot keep browser sessions");
    }
    if (b.signIn == null) {
      throw new IllegalStateException(
          "browser sessions sign people in through the authorization endpoint: configure signIn");
    }
    for (String p : settings.paths().all()) {
      if (b.paths.all().contains(p) || p.equals(b.apiKeysPath)
          || b.signIn.paths().all().contains(p)) {
        throw new IllegalArgumentException("session path collides with an endpoint path: " + p);
      }
    }
    String redirect = settings.redirectUri() != null ? settings.redirectUri()
        : stripSlash(b.baseUrlOrIssuer()) + settings.paths().callback();
    return new SessionSupport(settings, b.tokens, b.signIn, renderer, redirect);
  }

  /** {@code wired} with the session servlets added and their paths public. */
  static EndpointWiring.Wired wire(EndpointWiring.Wired wired, SessionSupport support) {
    if (support == null) {
      return wired;
    }
    Map<String, HttpServlet> servlets = new LinkedHashMap<>(wired.servlets());
    Map<String, HttpServlet> sessions = support.servlets();
    servlets.putAll(sessions);
    AccessPolicy policy = wired.policy().withPublicPaths(List.copyOf(sessions.keySet()));
    return new EndpointWiring.Wired(servlets, policy);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
