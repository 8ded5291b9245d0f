package io.admin.auth.core.client;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link AuthorizationCodeClient#exchange}: the tokens of the signed-in person, or
 * why the token endpoint did not give them.
 */
public sealed interface CodeExchange {

  /**
   * The code was redeemed.
   *
   * @param tokens a client holding the person's access token, refreshing it with the rotating
   *     refresh token while there is one; {@link TokenClientException#signInRequired()} tells
   *     when a new sign-in is needed
   * @param idToken the ID token (a compact JWS) when {@code openid} was granted; its {@code iss},
   *     {@code aud} and {@code nonce} have been checked
   * @param scope the granted scope, space separated, as the server answered it (empty when the
   *     server did not say)
   */
  record SignedIn(TokenClient tokens, Optional<String> idToken, String scope)
      implements CodeExchange {
    /**
     * Requires the token client, the (possibly empty) ID token and the scope.
     *
     * @param tokens a client holding the person's access token; required
     * @param idToken the ID token, when {@code openid} was granted; required
     * @param scope the granted scope, space separated; required, may be empty
     */
    public SignedIn {
      Objects.requireNonNull(tokens, "tokens");
      Objects.requireNonNull(idToken, "idToken");
      Objects.requireNonNull(scope, "scope");
    }

    /** Never prints a token. */
    @Override
    public String toString() {
      return "SignedIn[" + tokens + ", idToken=" + (idToken.isPresent() ? "**********" : "none")
          + ", scope=" + scope + "]";
    }
  }

  /**
   * The exchange failed: the server refused the code (a spent, expired or foreign code, a wrong
   * verifier: {@code invalid_grant}), refused the client, could not be reached, or answered with
   * an ID token that does not belong to this sign-in. A code is single use, so the only remedy is
   * a new sign-in.
   *
   * @param status the HTTP status of the answer, or {@link TokenClientException#NO_RESPONSE}
   *     (also when the answer arrived but its ID token was refused)
   * @param error the OAuth {@code error}, if the server sent one
   * @param code the contract's {@code code}, e.g. {@code AUTH_AUTHORIZATION_CODE_INVALID}
   * @param message what happened, without any secret or token
   */
  record Failed(int status, Optional<String> error, Optional<String> code, String message)
      implements CodeExchange {
    /**
     * Requires every field but the status.
     *
     * @param status the HTTP status of the answer, or {@link TokenClientException#NO_RESPONSE}
     * @param error the OAuth {@code error}, if the server sent one; required
     * @param code the contract's {@code code}, if any; required
     * @param message what happened, without any secret or token; required
     */
    public Failed {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }
}
