package io.admin.auth.servlet.signin.internal;

import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.signin.AuthorizationRequest;
import io.admin.auth.core.signin.SignInStep;
import io.admin.auth.core.spi.SignInSession;
import io.admin.auth.servlet.signin.LoginAnswer;
import io.admin.auth.servlet.signin.LoginHook;
import io.admin.auth.servlet.signin.LoginPrompt;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the authorization endpoint does when the person must log in: ask the host's {@link
 * LoginHook} (a person: a new sign-in session; a redirect: follow it), else send the browser to
 * the default login page when it is enabled, else show an error page saying sign-in is not set
 * up.
 */
final class LoginStep {

  private static final Logger LOG = LoggerFactory.getLogger(LoginStep.class);

  private final SignInContext ctx;

  LoginStep(SignInContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The session started for the person the hook named, or empty when this step has answered
   * the request itself.
   */
  Optional<SignInSession> run(HttpServletRequest req, HttpServletResponse resp,
      AuthorizationRequest request, Pending pending, SignInStep.LoginRequired needed)
      throws IOException {
    Optional<LoginHook> hook = ctx.settings().loginHook();
    if (hook.isPresent()) {
      LoginPrompt prompt = new LoginPrompt(needed.reauthenticate(),
          pending.request().requestedAt(),
          pending.url(ctx.url(req, ctx.settings().paths().authorize())),
          request.client().clientId());
      LoginAnswer answer;
      try {
        answer = hook.get().identify(req, prompt);
      } catch (AuthUnavailableException e) {
        throw e;
      } catch (RuntimeException e) {
        LOG.error("The login hook failed; the person sees an error page", e);
        HtmlPage.error(resp, 500, "Cannot sign you in",
            "Something went wrong while signing you in. Please try again later.");
        return Optional.empty();
      }
      if (answer instanceof LoginAnswer.SignedIn person) {
        Instant authTime = person.authTime() != null ? person.authTime() : ctx.clock().instant();
        return Optional.of(Sessions.start(req, resp, ctx, person.subject(), authTime,
            person.authMethods()));
      }
      if (answer instanceof LoginAnswer.Redirect redirect) {
        Pages.redirect(resp, 302, redirect.location());
        return Optional.empty();
      }
    }
    if (ctx.settings().defaultLoginPage().isPresent()) {
      Pages.redirect(resp, 302, pending.url(ctx.url(req, ctx.settings().paths().login())));
    } else {
      HtmlPage.error(resp, 400, "Cannot sign you in",
          "Signing in is not set up here: you are not signed in to the application and it has "
              + "no login page.");
    }
    return Optional.empty();
  }
}
