package io.admin.auth.servlet.session.internal;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.issue.TokenResponse;
import io.admin.auth.core.issue.TokenResult;
import io.admin.auth.core.spi.OAuthClient;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET <session>/callback}: finishes a sign-in. The pending-login cookie must open (sealed
 * here or on any node with the same settings, unexpired), {@code state} must equal its state
 * (constant time) and {@code iss} this issuer (RFC 9207); then the code is exchanged with its PKCE
 * verifier through the token service directly (no HTTP call to ourselves), the session cookies
 * are set, a previous session of this browser is revoked, and the answer is a 303 to the sealed
 * {@code return_to}. Every refusal is 400 in the contract's error format; the pending-login cookie
 * is cleared whatever happens, so a state is good for one try.
 */
final class SessionCallbackServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient SessionSupport s;

  SessionCallbackServlet(SessionSupport support) {
    this.s = support;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<PendingLogin> pending = s.cookies.login(request)
        .flatMap(v -> s.seal.open(v, s.settings.clock().instant()));
    s.cookies.clearLogin(request, response);
    if (pending.isEmpty()) {
      refuse(response, "No sign-in is in progress in this browser, or it took too long; start again.");
      return;
    }
    String state = request.getParameter("state");
    if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
        pending.get().state().getBytes(StandardCharsets.UTF_8))) {
      refuse(response, "The sign-in answer does not belong to the sign-in of this browser.");
      return;
    }
    if (!s.tokens.issuer().equals(request.getParameter("iss"))) {
      refuse(response, "The sign-in answer does not come from this issuer.");
      return;
    }
    if (request.getParameter("error") != null) {
      refuse(response, "The sign-in was declined or could not be completed.");
      return;
    }
    String code = request.getParameter("code");
    if (code == null || code.isEmpty()) {
      refuse(response, "The sign-in answer carries no authorization code.");
      return;
    }
    Optional<OAuthClient> client = s.client();
    if (client.isEmpty()) {
      s.renderer.internalError(response);
      return;
    }
    TokenResult result = s.tokens.authorizationCode(client.get(), code, s.redirectUri,
        pending.get().verifier());
    if (result instanceof TokenResult.Failed f) {
      s.renderer.render(response, f.error(), List.of());
      return;
    }
    TokenResponse tokens = ((TokenResult.Issued) result).response();
    if (!(s.verify(tokens.accessToken()) instanceof AuthOutcome.Authenticated a)) {
      // Only a misregistered client gets here (e.g. another client's code path); not the person's fault.
      s.renderer.internalError(response);
      return;
    }
    // A second sign-in in the same browser replaces the first: its tokens must not linger.
    s.cookies.refresh(request).ifPresent(old -> s.tokens.revoke(client.get(), old,
        Optional.of("refresh_token")));
    s.cookies.writeSession(request, response, tokens.accessToken(), tokens.refreshToken(),
        s.csrf.tokenFor(SessionSupport.familyOf(a.principal()).orElseThrow()));
    SessionSupport.noStore(response);
    response.setStatus(303);
    response.setHeader("Location", pending.get().returnTo());
  }

  private void refuse(HttpServletResponse response, String message) throws IOException {
    s.renderer.render(response, AuthError.of(AuthErrorCode.AUTH_REQUEST_INVALID, message),
        List.of());
  }
}
