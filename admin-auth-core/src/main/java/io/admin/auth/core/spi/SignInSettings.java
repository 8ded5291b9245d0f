package io.admin.auth.core.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a client needs to sign people in with the authorization code flow (see
 * {@code docs/http-contract.md}, "Signing people in"). Immutable.
 *
 * <p>Machine-to-machine clients use {@link #NONE}: no redirect URI, so they can never start an
 * authorization request.
 *
 * @param publicClient {@code true} for a public client (native or browser app,
 *     {@code token_endpoint_auth_method} {@code none}): it has no secret, authenticates at the
 *     token endpoint with {@code client_id} alone and relies on PKCE; its
 *     {@link OAuthClient#secretHash()} is empty and no secret ever authenticates it
 * @param redirectUris the registered redirect URIs, compared by exact string match (loopback
 *     {@code http} URIs of native apps match on any port); in registration order, never null
 * @param postLogoutRedirectUris the URIs logout may redirect to, compared by exact string match
 * @param firstParty {@code true} when the client belongs to the host application itself: no
 *     consent screen; {@code false} for third parties, who must be granted consent by the person
 * @param displayName the name shown on the consent page (the client id when {@code null} or blank)
 */
public record SignInSettings(
    boolean publicClient,
    List<String> redirectUris,
    List<String> postLogoutRedirectUris,
    boolean firstParty,
    String displayName) {

  /** For clients that never sign people in: confidential, no redirect URIs. */
  public static final SignInSettings NONE =
      new SignInSettings(false, List.of(), List.of(), true, null);

  /**
   * Freezes copies of the URI lists (empty when {@code null}).
   *
   * @param publicClient {@code true} for a public client, which authenticates with PKCE alone
   * @param redirectUris the registered redirect URIs, in registration order; {@code null} means
   *     none
   * @param postLogoutRedirectUris the URIs logout may redirect to; {@code null} means none
   * @param firstParty {@code true} when the client belongs to the host application (no consent
   *     screen)
   * @param displayName the name shown on the consent page, or {@code null}
   */
  public SignInSettings {
    redirectUris = List.copyOf(Objects.requireNonNullElse(redirectUris, List.of()));
    postLogoutRedirectUris =
        List.copyOf(Objects.requireNonNullElse(postLogoutRedirectUris, List.of()));
  }

  /**
   * Whether this client may start an authorization request at all (it has a redirect URI).
   *
   * @return {@code true} when at least one redirect URI is registered
   */
  public boolean signsPeopleIn() {
    return !redirectUris.isEmpty();
  }

  /**
   * The name to show a person: {@link #displayName()}, or {@code clientId} when there is none.
   *
   * @param clientId the client id to fall back on
   * @return the name to show; never blank when {@code clientId} is not
   */
  public String nameOr(String clientId) {
    return displayName == null || displayName.isBlank() ? clientId : displayName;
  }
}
