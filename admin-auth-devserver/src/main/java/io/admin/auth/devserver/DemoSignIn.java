package io.admin.auth.devserver;

import io.admin.auth.core.crypto.RandomTokens;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.signin.Pkce;
import io.admin.auth.core.spi.SignInSettings;
import io.admin.auth.servlet.signin.SignInPaths;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The dev server's sign-in demo (docs/http-contract.md, "The dev server"): the registrations of
 * {@code demo-spa} and {@code demo-partner}, and the banner lines that let a person try the flow
 * at once, an authorization URL with a fresh PKCE pair and the curl that redeems its code.
 */
final class DemoSignIn {

  /** What the ready-to-try URL asks for: an ID token with the profile, and the demo resource. */
  static final String TRY_SCOPE = "openid profile email users:read";

  private final DemoSignInClients clients;
  private final DevCredentials credentials;
  private final int port;

  DemoSignIn(DemoSignInClients clients, DevCredentials credentials, int port) {
    this.clients = Objects.requireNonNull(clients, "clients");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.port = port;
  }

  /** {@code demo-spa}: public, PKCE only, first party (no consent screen). */
  ClientRegistration spa() {
    return ClientRegistration.signingIn(DemoSignInClients.SPA_ID, null, DemoSignInClients.SCOPES,
        new SignInSettings(true, clients.spaRedirectUrisFor(port),
            List.of(DemoSignInClients.spaBaseFor(port)), true, "Demo SPA"));
  }

  /** {@code demo-partner}: confidential, third party (the consent page is shown). */
  ClientRegistration partner() {
    return ClientRegistration.signingIn(credentials.partnerId(), credentials.partnerSecret(),
        DemoSignInClients.SCOPES, new SignInSettings(false, clients.partnerRedirectUris(),
            List.of(DemoSignInClients.PARTNER_POST_LOGOUT_URI), false, "Demo Partner"));
  }

  /**
   * The banner's sign-in lines: both clients, then an authorization URL for {@code demo-spa}
   * with a new S256 challenge, its verifier, and the code exchange.
   *
   * @param base where requests go, e.g. {@code http://localhost:8080}
   * @param paths the sign-in paths
   * @param tokenPath the token endpoint's path
   * @param random source of the state and the verifier: each start prints a new pair
   */
  List<String> bannerLines(String base, SignInPaths paths, String tokenPath,
      RandomTokens random) {
    List<String> out = new ArrayList<>();
    String scopes = String.join(" ", DemoSignInClients.SCOPE_LIST);
    out.add("sign-in client: " + DemoSignInClients.SPA_ID + "  (public, PKCE, first party; scopes "
        + scopes + "; redirect URIs " + String.join(", ", clients.spaRedirectUrisFor(port)) + ")");
    out.add("sign-in client: " + credentials.partnerId() + " / "
        + (credentials.partnerSecretGenerated() ? credentials.partnerSecret()
            + "  (generated; set ADMIN_AUTH_DEMO_PARTNER_SECRET to choose one)" : "(as configured)")
        + "  (confidential, third party: consent shown; redirect URIs "
        + String.join(", ", clients.partnerRedirectUris()) + ")");
    String verifier = random.next(32);
    String redirect = clients.spaRedirectUrisFor(port).get(0);
    out.add("sign in as " + credentials.user() + " in a browser (demo-spa, PKCE S256):");
    out.add("  " + base + paths.authorize() + "?response_type=code&client_id="
        + DemoSignInClients.SPA_ID + "&redirect_uri=" + form(redirect) + "&scope="
        + form(TRY_SCOPE) + "&state=" + random.next(16) + "&code_challenge=" + Pkce.s256(verifier)
        + "&code_challenge_method=S256");
    out.add("  code_verifier: " + verifier);
    out.add("then redeem the code from the redirect (CODE=...):");
    out.add("  curl -s -X POST " + base + tokenPath + " -d grant_type=authorization_code -d client_id="
        + DemoSignInClients.SPA_ID + " --data-urlencode " + DevServerBanner.shellQuote(
            "redirect_uri=" + redirect) + " -d code_verifier=" + verifier
        + " --data-urlencode \"code=$CODE\"");
    return out;
  }

  /** Query-string encoding with {@code %20} for spaces, as RFC 3986 has it. */
  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
