package io.admin.auth.servlet.signin.internal;

import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.signin.AuthorizationRequest;
import io.admin.auth.core.signin.AuthorizationRequestResult;
import io.admin.auth.core.signin.AuthorizationResponse;
import io.admin.auth.core.signin.ScopeDescriptions;
import io.admin.auth.core.spi.Consent;
import io.admin.auth.core.spi.SignInSession;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The consent page (docs/http-contract.md, "Signing people in"): {@code GET} lists the requested
 * scopes in words for the signed-in person and a third-party client; {@code POST} takes {@code
 * decision} {@code allow} (the consent is saved, as the union with any earlier one, and the
 * request continues) or {@code deny} ({@code access_denied} to the redirect URI). The form is
 * CSRF-protected like the login page. Without an active sign-in session the browser goes back to
 * the authorization endpoint, which sends it to log in.
 */
public final class ConsentPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final int MAX_HANDLE = 16_384;

  private final transient SignInContext ctx;

  /** The page over the shared context. */
  public ConsentPageServlet(SignInContext ctx) {
    this.ctx = ctx;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    try {
      Optional<Pending> pending = Pending.read(req, ctx.tokens());
      if (pending.isEmpty() || req.getParameterMap().size() != 1) {
        Pages.expired(resp);
        return;
      }
      Optional<Ready> ready = ready(req, resp, pending.get());
      if (ready.isPresent()) {
        show(req, resp, pending.get(), ready.get());
      }
    } catch (AuthUnavailableException e) {
      Pages.unavailable(resp);
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    req.setCharacterEncoding("UTF-8");
    String handle = FormFields.single(req, Pending.PARAM, MAX_HANDLE);
    if (!CsrfCookie.valid(req, handle, FormFields.single(req, CsrfCookie.FIELD, 64))) {
      Pages.forbidden(resp);
      return;
    }
    try {
      Optional<Pending> pending = Pending.read(req, ctx.tokens());
      if (pending.isEmpty()) {
        Pages.expired(resp);
        return;
      }
      Optional<Ready> ready = ready(req, resp, pending.get());
      if (ready.isEmpty()) {
        return;
      }
      AuthorizationRequest request = ready.get().request();
      String decision = FormFields.single(req, "decision", 8);
      if ("allow".equals(decision)) {
        String subject = ready.get().session().subject();
        String clientId = request.client().clientId();
        Set<String> scopes = new TreeSet<>(request.scopes());
        ctx.settings().consents().find(subject, clientId)
            .ifPresent(earlier -> scopes.addAll(earlier.scopes()));
        ctx.settings().consents().save(
            new Consent(subject, clientId, scopes, ctx.clock().instant()));
        Pages.redirect(resp, 303,
            pending.get().url(ctx.url(req, ctx.settings().paths().authorize())));
      } else if ("deny".equals(decision)) {
        ResponseWriter.send(resp, AuthorizationResponse.error(
            request.error("access_denied", "The person declined."), ctx.tokens().issuer()));
      } else {
        HtmlPage.error(resp, 400, "Cannot continue", "Choose allow or deny.");
      }
    } catch (AuthUnavailableException e) {
      Pages.unavailable(resp);
    }
  }

  /** The valid request and the active session; empty when the browser has been sent back. */
  private Optional<Ready> ready(HttpServletRequest req, HttpServletResponse resp, Pending pending) {
    Optional<SignInSession> session = Sessions.current(req, ctx)
        .filter(s -> s.isActive(ctx.clock().instant()));
    AuthorizationRequestResult parsed = ctx.parser().parse(pending.request().toParameterMap());
    if (session.isEmpty() || !(parsed instanceof AuthorizationRequestResult.Valid valid)) {
      // Not signed in, or the client changed: the authorization endpoint decides what follows.
      Pages.redirect(resp, 303, pending.url(ctx.url(req, ctx.settings().paths().authorize())));
      return Optional.empty();
    }
    return Optional.of(new Ready(valid.request(), session.get()));
  }

  private void show(HttpServletRequest req, HttpServletResponse resp, Pending pending,
      Ready ready) throws IOException {
    AuthorizationRequest request = ready.request();
    String csrf = CsrfCookie.tokenFor(req, resp, pending.handle(), ctx.settings().random());
    String name = HtmlPage.escape(request.client().signIn().nameOr(request.client().clientId()));
    StringBuilder body = new StringBuilder("<h1>Allow ").append(name).append("?</h1><p>")
        .append(name).append(" asks to:</p><ul>");
    for (ScopeDescriptions.Described d
        : ctx.settings().scopeDescriptions().describeAll(request.scopes())) {
      body.append("<li>").append(HtmlPage.escape(d.description())).append("</li>");
    }
    body.append("</ul><p>You are signed in as <strong>")
        .append(HtmlPage.escape(ready.session().subject())).append("</strong>.</p>")
        .append("<form method=\"post\" action=\"")
        .append(HtmlPage.escape(ctx.url(req, ctx.settings().paths().consent()))).append("\">")
        .append(HtmlPage.hidden(Pending.PARAM, pending.handle()))
        .append(HtmlPage.hidden(CsrfCookie.FIELD, csrf))
        .append("<button type=\"submit\" name=\"decision\" value=\"allow\">Allow</button>")
        .append("<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></form>");
    HtmlPage.write(resp, 200, "Allow access", body.toString(), request.redirectUri(), null);
  }

  private record Ready(AuthorizationRequest request, SignInSession session) {}
}
