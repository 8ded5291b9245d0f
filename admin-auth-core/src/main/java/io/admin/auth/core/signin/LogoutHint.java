package io.admin.auth.core.signin;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.spi.OAuthClient;
import java.util.Objects;

/**
 * What an {@code id_token_hint} of RP-Initiated Logout says, once checked: who is signing out of
 * which client, or why the hint cannot be trusted.
 */
public sealed interface LogoutHint permits LogoutHint.Valid, LogoutHint.Invalid {

  /**
   * An ID token this server issued (its signature and {@code iss}; it may have expired).
   *
   * @param client the registered client it was issued to ({@code aud})
   * @param subject the person ({@code sub})
   */
  record Valid(OAuthClient client, String subject) implements LogoutHint {
    /**
     * Requires the client and the subject.
     *
     * @param client the registered client the ID token was issued to; required
     * @param subject the person; required
     */
    public Valid {
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(subject, "subject");
    }

    /**
     * Whether the browser may be sent to {@code postLogoutRedirectUri}: it must equal, as an exact
     * string, one the client registered.
     *
     * @param postLogoutRedirectUri the {@code post_logout_redirect_uri} sent, or {@code null}
     * @return {@code true} when it is registered for the client
     */
    public boolean permitsRedirectTo(String postLogoutRedirectUri) {
      return postLogoutRedirectUri != null
          && client.signIn().postLogoutRedirectUris().contains(postLogoutRedirectUri);
    }
  }

  /** Not an ID token of this server for a registered client: {@code AUTH_TOKEN_INVALID}. */
  record Invalid(AuthError error) implements LogoutHint {
    /**
     * Requires the error.
     *
     * @param error why the hint is refused; required
     */
    public Invalid {
      Objects.requireNonNull(error, "error");
    }
  }
}
