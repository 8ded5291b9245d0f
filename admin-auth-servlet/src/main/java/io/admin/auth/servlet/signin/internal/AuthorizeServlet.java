package io.admin.auth.servlet.signin.internal;

import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.signin.ApprovedAuthorization;
import io.admin.auth.core.signin.AuthorizationRequest;
import io.admin.auth.core.signin.AuthorizationRequestResult;
import io.admin.auth.core.signin.AuthorizationResponse;
import io.admin.auth.core.signin.IssuedCode;
import io.admin.auth.core.signin.PendingAuthorization;
import io.admin.auth.core.signin.SignInStep;
import io.admin.auth.core.signin.SignInSteps;
import io.admin.auth.core.spi.Consent;
import io.admin.auth.core.spi.SignInSession;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorization endpoint (docs/http-contract.md, "Signing people in", authorization
 * request): {@code GET}, and {@code POST} of a form as OpenID Connect Core 3.1.2.1 allows. A
 * request arrives with its parameters, or continues after the login or consent page with only a
 * {@value Pending#PARAM} handle; either way it is parsed again (the client may have changed) and
 * {@link SignInSteps} decides what comes next: an error page (client or redirect URI not
 * trusted), an error for the redirect URI, a login, the consent page, or a code.
 */
public final class AuthorizeServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(AuthorizeServlet.class);

  private final transient SignInContext ctx;
  private final transient LoginStep login;

  /** The endpoint over the shared sign-in context. */
  public AuthorizeServlet(SignInContext ctx) {
    this.ctx = ctx;
    this.login = new LoginStep(ctx);
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    handle(req, resp);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    req.setCharacterEncoding("UTF-8");
    handle(req, resp);
  }

  private void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    try {
      authorize(req, resp);
    } catch (AuthUnavailableException e) {
      LOG.warn("Authorization request not served: {}", e.getMessage());
      Pages.unavailable(resp);
    }
  }

  private void authorize(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Map<String, String[]> parameters = req.getParameterMap();
    Pending pending = null;
    if (Pending.named(parameters)) {
      Optional<Pending> opened = Pending.read(req, ctx.tokens());
      if (opened.isEmpty() || parameters.size() != 1) {
        Pages.expired(resp);
        return;
      }
      pending = opened.get();
      parameters = pending.request().toParameterMap();
    }
    AuthorizationRequestResult result = ctx.parser().parse(parameters);
    if (result instanceof AuthorizationRequestResult.ShowErrorPage page) {
      HtmlPage.error(resp, 400, "Cannot sign you in", page.reason());
    } else if (result instanceof AuthorizationRequestResult.RedirectError error) {
      ResponseWriter.send(resp, AuthorizationResponse.error(error, ctx.tokens().issuer()));
    } else {
      AuthorizationRequest request = ((AuthorizationRequestResult.Valid) result).request();
      if (pending == null) {
        PendingAuthorization p =
            PendingAuthorization.of(req.getParameterMap(), ctx.clock().instant());
        pending = new Pending(ctx.tokens().signPendingAuthorization(p), p);
      }
      next(req, resp, request, pending);
    }
  }

  private void next(HttpServletRequest req, HttpServletResponse resp,
      AuthorizationRequest request, Pending pending) throws IOException {
    Optional<SignInSession> session = Sessions.current(req, ctx);
    SignInStep step = decide(request, pending, session);
    if (step instanceof SignInStep.LoginRequired needed) {
      Optional<SignInSession> started = login.run(req, resp, request, pending, needed);
      if (started.isEmpty()) {
        return; // the login step has answered: a redirect, a page or an error
      }
      step = decide(request, pending, started);
      if (step instanceof SignInStep.LoginRequired) {
        // The hook vouched for a login older than the client allows: no loop, an error.
        send(resp, request.error("login_required", "A fresh login is required."));
        return;
      }
    }
    if (step instanceof SignInStep.ConsentRequired) {
      Pages.redirect(resp, 302, pending.url(ctx.url(req, ctx.settings().paths().consent())));
    } else if (step instanceof SignInStep.Refused refused) {
      send(resp, refused.toRedirect(request));
    } else if (step instanceof SignInStep.IssueCode issue) {
      IssuedCode code = ctx.tokens().issueAuthorizationCode(new ApprovedAuthorization(
          request.client().clientId(), request.redirectUri(), request.codeChallenge(),
          issue.subject(), issue.grantedScopes(), request.nonce(), issue.authTime(),
          issue.sessionId()));
      ResponseWriter.send(resp,
          AuthorizationResponse.success(request, code.code(), ctx.tokens().issuer()));
    }
  }

  private SignInStep decide(AuthorizationRequest request, Pending pending,
      Optional<SignInSession> session) {
    Optional<Consent> consent = session.flatMap(s ->
        ctx.settings().consents().find(s.subject(), request.client().clientId()));
    return SignInSteps.next(request, pending.request().requestedAt(), session, consent,
        ctx.clock().instant());
  }

  private void send(HttpServletResponse resp, AuthorizationRequestResult.RedirectError error)
      throws IOException {
    ResponseWriter.send(resp, AuthorizationResponse.error(error, ctx.tokens().issuer()));
  }
}
