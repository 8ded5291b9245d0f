package io.admin.auth.servlet.signin.internal;

import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.signin.AuthorizationRequest;
import io.admin.auth.core.signin.AuthorizationRequestResult;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default login page (docs/http-contract.md, "Signing people in", who the person is): {@code
 * GET} shows a form with {@code username} and {@code password} for a pending request; {@code POST}
 * checks the CSRF token first (403 without a login otherwise), then the password with {@link
 * PasswordCheck} (Basic's users, hashes and throttle: 429 with {@code Retry-After} when blocked;
 * one answer for an unknown user and a wrong password), and on success starts a new sign-in
 * session and sends the browser back to the authorization endpoint to continue.
 */
public final class LoginPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(LoginPageServlet.class);
  private static final int MAX_USERNAME = 255;
  private static final int MAX_PASSWORD = 1024;
  private static final int MAX_HANDLE = 16_384;
  private static final String WRONG = "The username or password is not right.";

  private final transient SignInContext ctx;
  private final transient PasswordCheck passwords;

  /** The page over the shared context; the default login page must be enabled in it. */
  public LoginPageServlet(SignInContext ctx) {
    this.ctx = ctx;
    this.passwords = new PasswordCheck(ctx.settings().defaultLoginPage().orElseThrow(),
        ctx.perUser(), ctx.perAddress());
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    try {
      Optional<Pending> pending = Pending.read(req, ctx.tokens());
      if (pending.isEmpty() || req.getParameterMap().size() != 1) {
        Pages.expired(resp);
        return;
      }
      show(req, resp, pending.get(), 200, null, null);
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
    Optional<Pending> pending = Pending.read(req, ctx.tokens());
    if (pending.isEmpty()) {
      Pages.expired(resp);
      return;
    }
    String user = FormFields.single(req, "username", MAX_USERNAME);
    String password = FormFields.single(req, "password", MAX_PASSWORD);
    try {
      PasswordCheck.Result result = user == null || password == null
          ? new PasswordCheck.Result.Wrong()
          : passwords.check(req.getRemoteAddr(), user, password);
      if (result instanceof PasswordCheck.Result.Ok ok) {
        Sessions.start(req, resp, ctx, ok.subject(), ctx.clock().instant(), Set.of("pwd"));
        Pages.redirect(resp, 303,
            pending.get().url(ctx.url(req, ctx.settings().paths().authorize())));
      } else if (result instanceof PasswordCheck.Result.Throttled t) {
        resp.setHeader("Retry-After", Long.toString(t.retryAfterSeconds()));
        HtmlPage.error(resp, 429, "Too many attempts",
            "Too many failed attempts. Please wait a few minutes before trying again.");
      } else {
        show(req, resp, pending.get(), 400, user, WRONG);
      }
    } catch (AuthUnavailableException e) {
      LOG.warn("Login not checked: {}", e.getMessage());
      Pages.unavailable(resp);
    }
  }

  private void show(HttpServletRequest req, HttpServletResponse resp, Pending pending,
      int status, String user, String message) throws IOException {
    AuthorizationRequestResult parsed = ctx.parser().parse(pending.request().toParameterMap());
    if (!(parsed instanceof AuthorizationRequestResult.Valid valid)) {
      // The client changed since: the authorization endpoint gives the right answer.
      Pages.redirect(resp, 303, pending.url(ctx.url(req, ctx.settings().paths().authorize())));
      return;
    }
    AuthorizationRequest request = valid.request();
    String csrf = CsrfCookie.tokenFor(req, resp, pending.handle(), ctx.settings().random());
    String name = request.client().signIn().nameOr(request.client().clientId());
    String body = "<h1>Sign in</h1><p>to continue to <strong>" + HtmlPage.escape(name)
        + "</strong>.</p>"
        + (message == null ? "" : "<p role=\"alert\">" + HtmlPage.escape(message) + "</p>")
        + "<form method=\"post\" action=\""
        + HtmlPage.escape(ctx.url(req, ctx.settings().paths().login())) + "\">"
        + HtmlPage.hidden(Pending.PARAM, pending.handle())
        + HtmlPage.hidden(CsrfCookie.FIELD, csrf)
        + "<label for=\"username\">Username</label><input id=\"username\" name=\"username\""
        + " autocomplete=\"username\" required value=\"" + HtmlPage.escape(user) + "\">"
        + "<label for=\"password\">Password</label><input id=\"password\" name=\"password\""
        + " type=\"password\" autocomplete=\"current-password\" required>"
        + "<button type=\"submit\">Sign in</button></form>";
    HtmlPage.write(resp, status, "Sign in", body, request.redirectUri(), null);
  }
}
