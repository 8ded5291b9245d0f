package io.admin.auth.servlet.signin.internal;

import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.core.signin.AuthorizationRequestParser;
import io.admin.auth.core.signin.LogoutHint;
import io.admin.auth.core.signin.RedirectUris;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.SignInSessionStore;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RP-initiated logout (docs/http-contract.md, "Signing people in"; OpenID Connect RP-Initiated
 * Logout 1.0), {@code GET} with query parameters or {@code POST} with a form body: ends the
 * person's sign-in session and sends the browser on only to a post-logout redirect URI the client
 * registered.
 *
 * <p>The client is the audience of a valid {@code id_token_hint} (its signature and issuer are
 * checked; an expired hint is accepted, as section 2 of the specification allows) or, without a
 * hint, the registered client named by {@code client_id}; a {@code client_id} that contradicts
 * the hint is refused. The redirect happens only when {@code post_logout_redirect_uri} equals, as
 * an exact string, one that client registered; {@code state} is then appended. Everything else
 * (no client, an invalid hint, an unregistered, foreign or altered URI) never redirects: the
 * person sees a small "signed out" page. The session is ended whatever the parameters say:
 * signing out is the safe direction, and a person who asked to leave must not stay signed in
 * because an app sent a stale hint. Thread-safe.
 */
public final class LogoutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(LogoutServlet.class);

  private final transient TokenService tokens;
  private final transient SignInSessionStore sessions;

  /**
   * Ends sessions of {@code sessions} and checks hints and clients with {@code tokens}.
   */
  public LogoutServlet(TokenService tokens, SignInSessionStore sessions) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("POST")) {
      response.setHeader("Allow", "GET, POST");
      LogoutPage.write(response, 405, LogoutPage.error("This address accepts GET and POST."));
      return;
    }
    Optional<Map<String, String>> params = LogoutPage.singleParameters(request);
    if (params.isEmpty()) {
      LogoutPage.write(response, 400, LogoutPage.error("The logout request is malformed."));
      return;
    }
    try {
      logout(request, response, params.get());
    } catch (AuthUnavailableException e) {
      LogoutPage.write(response, 503,
          LogoutPage.error("Signing out is temporarily unavailable. Please try again."));
    }
  }

  private void logout(HttpServletRequest request, HttpServletResponse response,
      Map<String, String> params) throws IOException {
    String state = params.get("state");
    if (state != null && state.length() > AuthorizationRequestParser.MAX_STATE_LENGTH) {
      LogoutPage.write(response, 400, LogoutPage.error("The state parameter is too long."));
      return;
    }
    String hint = params.get("id_token_hint");
    String clientId = params.get("client_id");
    Optional<OAuthClient> client = Optional.empty();
    boolean trusted = true;
    if (hint != null) {
      LogoutHint checked = tokens.checkLogoutHint(hint);
      if (checked instanceof LogoutHint.Valid v) {
        client = Optional.of(v.client());
      } else {
        trusted = false;
      }
    }
    if (clientId != null && client.isPresent() && !client.get().clientId().equals(clientId)) {
      LogoutPage.write(response, 400,
          LogoutPage.error("The client_id does not match the ID token hint."));
      return;
    }
    if (clientId != null && client.isEmpty()) {
      client = tokens.findClient(clientId);
    }
    endSession(request, response);
    String target = params.get("post_logout_redirect_uri");
    if (trusted && target != null && client.isPresent() && registered(client.get(), target)) {
      redirect(response, target, state);
      return;
    }
    LogoutPage.write(response, 200, LogoutPage.signedOut());
  }

  private void endSession(HttpServletRequest request, HttpServletResponse response) {
    Optional<String> id = SignInCookie.read(request);
    if (id.isPresent()) {
      boolean ended = sessions.delete(SignInCookie.idHash(id.get()));
      LOG.debug("Sign-in session ended by logout: {}", ended);
      SignInCookie.clear(request, response);
    }
  }

  // Exact string match only, and the registration rules again, in case a store row was written
  // by hand: a redirect is the one thing here an attacker wants.
  private static boolean registered(OAuthClient client, String target) {
    return client.signIn().postLogoutRedirectUris().contains(target)
        && RedirectUris.problem(target).isEmpty();
  }

  private static void redirect(HttpServletResponse response, String target, String state) {
    String location = target;
    if (state != null) {
      location += (target.indexOf('?') >= 0 ? "&" : "?") + "state="
          + URLEncoder.encode(state, StandardCharsets.UTF_8);
    }
    response.setStatus(303);
    response.setHeader("Location", location);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    // The request URL carries the ID token hint: it must not follow the browser as a Referer.
    response.setHeader("Referrer-Policy", "no-referrer");
  }
}
