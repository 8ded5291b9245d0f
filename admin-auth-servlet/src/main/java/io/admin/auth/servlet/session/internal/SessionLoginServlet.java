package io.admin.auth.servlet.session.internal;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.signin.Pkce;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET <session>/login?return_to=<local path>}: starts a sign-in on the server side. Makes a
 * fresh {@code state} and PKCE verifier, seals them with the checked {@code return_to} into the
 * short-lived pending-login cookie, and redirects (302) to the authorization endpoint as the
 * session client. A missing {@code return_to} means the application root; one that is not a safe
 * local path ({@link ReturnTo}) is refused with 400 {@code AUTH_REQUEST_INVALID}, never followed.
 */
final class SessionLoginServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final int RANDOM_BYTES = 32;

  private final transient SessionSupport s;

  SessionLoginServlet(SessionSupport support) {
    this.s = support;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String[] values = request.getParameterValues("return_to");
    Optional<String> returnTo;
    if (values == null) {
      returnTo = Optional.of(request.getContextPath() + "/");
    } else {
      returnTo = values.length == 1 ? ReturnTo.check(values[0]) : Optional.empty();
    }
    if (returnTo.isEmpty()) {
      s.renderer.render(response, AuthError.of(AuthErrorCode.AUTH_REQUEST_INVALID,
          "return_to must be one local path of this site, such as /app/."), List.of());
      return;
    }
    String state = random();
    String verifier = random();
    PendingLogin pending = new PendingLogin(state, verifier, returnTo.get(),
        s.settings.clock().instant().plus(Duration.ofSeconds(SessionCookies.LOGIN_MAX_AGE)));
    s.cookies.writeLogin(request, response, s.seal.seal(pending));
    String location = request.getContextPath() + s.signIn.paths().authorize()
        + "?response_type=code&client_id=" + enc(s.settings.clientId())
        + "&redirect_uri=" + enc(s.redirectUri)
        + "&scope=" + enc(String.join(" ", s.settings.scopes()))
        + "&state=" + state
        + "&code_challenge=" + Pkce.s256(verifier)
        + "&code_challenge_method=" + Pkce.METHOD_S256;
    SessionSupport.noStore(response);
    response.setStatus(302);
    response.setHeader("Location", location);
  }

  private String random() {
    byte[] b = new byte[RANDOM_BYTES];
    s.settings.random().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String enc(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
