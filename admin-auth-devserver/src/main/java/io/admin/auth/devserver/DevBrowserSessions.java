package io.admin.auth.devserver;

import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.signin.RedirectUris;
import io.admin.auth.core.spi.SignInSettings;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.session.BrowserSessions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The dev server's browser sessions (docs/http-contract.md, "Browser apps" and "The dev server"):
 * the confidential first-party client {@value #CLIENT_ID} the server signs people in as, whose
 * redirect URI is the session callback {@code <issuer>/api/v3/auth/session/callback} (the {@code
 * /demo/callback} of the contract's table stays the public client {@code demo-spa}'s), and the
 * access-token cookie accepted on {@code /api/v3/me} and {@code /api/v3/users}.
 *
 * <p>The client's secret is derived from the server's pepper rather than drawn at random: with
 * the embedded file store the pepper survives restarts, so do the secret and the keys derived
 * from it (CSRF tokens, pending sign-ins), and a restart does not break the browser's session.
 */
final class DevBrowserSessions {

  /** The client id of the server-side sign-in. */
  static final String CLIENT_ID = "demo-bff";
  /** What the server-side sign-in asks for: an ID token, a refresh token, the demo resources. */
  static final Set<String> SCOPES = Set.of("openid", "profile", "email", "offline_access",
      "users:read", "users:write");

  private DevBrowserSessions() {}

  /**
   * Registers the client and turns browser sessions on in {@code wiring}, which must also be
   * given the sign-in settings ({@code AdminAuth.Builder.signIn}). Nothing is wired when the
   * issuer is plain http on a host that is not loopback: no such redirect URI may be registered,
   * and a server that cannot offer browser sessions must still start.
   */
  static void wire(AdminAuth.Builder wiring, DefaultTokenService tokens, String issuer,
      byte[] pepper) {
    String secret = secret(pepper);
    String callback = issuer.replaceAll("/+$", "") + "/api/v3/auth/session/callback";
    if (RedirectUris.problem(callback).isPresent()) {
      return;
    }
    tokens.registerClient(ClientRegistration.signingIn(CLIENT_ID, secret, SCOPES,
        new SignInSettings(false, List.of(callback), List.of(), true, "admin-auth demo")));
    wiring.browserSessions(BrowserSessions.builder(CLIENT_ID, secret)
        .redirectUri(callback).scopes(SCOPES)
        .cookiePath("/api/v3/me").cookiePath("/api/v3/users")
        .build());
  }

  static String secret(byte[] pepper) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          mac.doFinal("admin-auth dev server demo-bff client secret"
              .getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
    }
  }
}
