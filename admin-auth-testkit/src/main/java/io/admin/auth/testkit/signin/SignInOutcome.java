package io.admin.auth.testkit.signin;

import io.admin.auth.core.client.TokenClient;
import java.util.Objects;
import java.util.Optional;

/** How a {@link SignInDriver} run ended: signed in, refused by the server, or stopped on the way. */
public sealed interface SignInOutcome {

  /**
   * The person signed in and the code was exchanged with PKCE.
   *
   * @param tokens the client holding the person's tokens; it refreshes with the refresh token
   *     when {@code offline_access} was granted
   * @param accessToken the access token the exchange returned
   * @param idToken the ID token, when {@code openid} was granted (its {@code iss}, {@code aud}
   *     and {@code nonce} checked)
   * @param scope the granted scope, space separated
   * @param consentShown whether the consent page was shown (and answered) on the way
   */
  record SignedIn(TokenClient tokens, String accessToken, Optional<String> idToken, String scope,
      boolean consentShown) implements SignInOutcome {
    /**
     * Checks the components.
     *
     * @param tokens the client holding the person's tokens; not null
     * @param accessToken the access token; not null
     * @param idToken the ID token; not null, empty when {@code openid} was not granted
     * @param scope the granted scope; not null, empty when none was granted
     * @param consentShown whether the consent page was answered on the way
     * @throws NullPointerException when any component but {@code consentShown} is null
     */
    public SignedIn {
      Objects.requireNonNull(tokens, "tokens");
      Objects.requireNonNull(accessToken, "accessToken");
      Objects.requireNonNull(idToken, "idToken");
      Objects.requireNonNull(scope, "scope");
    }

    /** Never prints a token. */
    @Override
    public String toString() {
      return "SignedIn[scope=" + scope + ", idToken=" + (idToken.isPresent() ? "yes" : "no")
          + ", consentShown=" + consentShown + "]";
    }
  }

  /**
   * The server sent the browser back to the redirect URI with an error (RFC 6749 section
   * 4.1.2.1): {@code access_denied} after a {@code deny}, {@code login_required} after {@code
   * prompt=none}, {@code invalid_scope}, and so on.
   *
   * @param error the OAuth {@code error}
   * @param description the {@code error_description}, if any
   */
  record Refused(String error, Optional<String> description) implements SignInOutcome {
    /**
     * Checks the components.
     *
     * @param error the OAuth {@code error}; not null
     * @param description the {@code error_description}; not null, empty when the server sent none
     * @throws NullPointerException when {@code error} or {@code description} is null
     */
    public Refused {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(description, "description");
    }
  }

  /**
   * The run stopped before it had tokens: the login page came back after the password was sent
   * (wrong password, throttled), an error page (unknown client, unregistered redirect URI), a
   * redirect to another host (the host application's own login), a page with no form the driver
   * knows, a redirect that failed the client's checks, or a failed code exchange.
   *
   * @param reason what happened, in words
   * @param status the HTTP status of the last response ({@code -1} when there was none)
   * @param page the start of the last page's body, for the test's failure message
   */
  record Stopped(String reason, int status, String page) implements SignInOutcome {
    /**
     * Checks the components.
     *
     * @param reason what happened, in words; not null
     * @param status the HTTP status of the last response, {@code -1} when there was none
     * @param page the start of the last page's body; not null, may be empty
     * @throws NullPointerException when {@code reason} or {@code page} is null
     */
    public Stopped {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(page, "page");
    }
  }
}
