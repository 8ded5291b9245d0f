package io.admin.auth.servlet.signin;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How the host application tells the library who the person is (docs/http-contract.md, "Signing
 * people in", who the person is). The authorization endpoint calls it when a request needs a
 * signed-in person and the browser has no usable sign-in session of the library's own; the hook
 * answers with the person signed in to the application on this request, with where to send the
 * browser to log in (and come back to {@link LoginPrompt#returnUrl()}), or that nobody is signed
 * in (then the default login page, when enabled, else an error page).
 *
 * <p>When the hook names a person, the library starts its own sign-in session for them (a new
 * random id in its own cookie), so that {@code prompt=none}, {@code max_age} and logout work
 * without asking the hook again.
 *
 * <p>Example, for an application that keeps its user in the {@code HttpSession} and has its own
 * login page taking a {@code next} parameter:
 *
 * <pre>{@code
 * LoginHook hook = (request, prompt) -> {
 *   HttpSession s = request.getSession(false);
 *   Object user = s == null ? null : s.getAttribute("user");
 *   if (user != null && !prompt.reauthenticate()) {
 *     return LoginAnswer.signedIn(user.toString());
 *   }
 *   return LoginAnswer.redirect("/login?next="
 *       + URLEncoder.encode(prompt.returnUrl(), StandardCharsets.UTF_8));
 * };
 * AdminAuth.builder(tokens).signIn(SignIn.builder().loginHook(hook).build());
 * }</pre>
 *
 * <p>Implementations must be thread-safe; they run on the container's request threads. An
 * exception thrown by the hook is logged and answered with an error page, never a stack trace.
 */
@FunctionalInterface
public interface LoginHook {

  /**
   * Who is signed in on {@code request}, or where to log in.
   *
   * @param request the browser's request to the authorization endpoint
   * @param prompt what the library needs: whether a fresh login is required, and the URL that
   *     continues the authorization request after a login
   * @return who is signed in, where to log in, or {@link LoginAnswer#notSignedIn()}; never null
   */
  LoginAnswer identify(HttpServletRequest request, LoginPrompt prompt);
}
