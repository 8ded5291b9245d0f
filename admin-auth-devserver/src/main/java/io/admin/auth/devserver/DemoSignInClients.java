package io.admin.auth.devserver;

import io.admin.auth.core.signin.RedirectUris;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The two sign-in clients the dev server seeds (docs/http-contract.md, "The dev server"): the
 * public first-party {@code demo-spa} and the confidential third-party {@code demo-partner}.
 *
 * @param spaRedirectUris {@code demo-spa}'s redirect URIs, or empty for
 *     {@code http://localhost:<port>/demo/callback} (the bound port is only known at start)
 * @param partnerId the third-party client's id
 * @param partnerSecret its secret, or empty to generate (and print) one at start
 * @param partnerRedirectUris its redirect URIs, never empty
 */
public record DemoSignInClients(List<String> spaRedirectUris, String partnerId,
    Optional<String> partnerSecret, List<String> partnerRedirectUris) {

  /** The public first-party client's id. */
  public static final String SPA_ID = "demo-spa";
  /** The third-party client's default id. */
  public static final String DEFAULT_PARTNER_ID = "demo-partner";
  /** The third-party client's default redirect URI: a loopback app on port 9999. */
  public static final String DEFAULT_PARTNER_REDIRECT_URI = "http://127.0.0.1:9999/callback";
  /** Where logout may send the third-party client's user back to. */
  public static final String PARTNER_POST_LOGOUT_URI = "http://127.0.0.1:9999/";
  /** The scopes both clients may ask for, in the contract's order. */
  public static final List<String> SCOPE_LIST =
      List.of("openid", "profile", "email", "offline_access", "users:read");
  /** {@link #SCOPE_LIST} as a set. */
  public static final Set<String> SCOPES = Set.copyOf(SCOPE_LIST);

  /** Checks every redirect URI as the core would at registration, so a bad one fails parsing. */
  public DemoSignInClients {
    spaRedirectUris = List.copyOf(spaRedirectUris);
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(partnerSecret, "partnerSecret");
    partnerRedirectUris = List.copyOf(partnerRedirectUris);
    if (partnerRedirectUris.isEmpty()) {
      throw new IllegalArgumentException("partnerRedirectUris must not be empty");
    }
    RedirectUris.requireRegistrable(spaRedirectUris, "demo-spa redirect URI");
    RedirectUris.requireRegistrable(partnerRedirectUris, "demo-partner redirect URI");
  }

  /** The defaults of docs/http-contract.md: generated partner secret, default redirect URIs. */
  public static DemoSignInClients defaults() {
    return new DemoSignInClients(List.of(), DEFAULT_PARTNER_ID, Optional.empty(),
        List.of(DEFAULT_PARTNER_REDIRECT_URI));
  }

  /** {@code demo-spa}'s redirect URIs for a server on {@code port}. */
  public List<String> spaRedirectUrisFor(int port) {
    return spaRedirectUris.isEmpty() ? List.of(spaBaseFor(port) + "callback") : spaRedirectUris;
  }

  /** {@code demo-spa}'s post-logout redirect URI: the demo page of a server on {@code port}. */
  public static String spaBaseFor(int port) {
    return "http://localhost:" + port + "/demo/";
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "DemoSignInClients[spaRedirectUris=" + spaRedirectUris + ", partnerId=" + partnerId
        + ", partnerSecret=" + partnerSecret.map(s -> "**********").orElse("<generated>")
        + ", partnerRedirectUris=" + partnerRedirectUris + "]";
  }
}
