package io.admin.auth.core.signin;

import java.util.Objects;

/**
 * What the authorization endpoint does with a request ({@code docs/http-contract.md}, "Signing
 * people in"): show an error page because the redirect URI cannot be trusted, send an error back
 * to the trusted redirect URI, or continue with a valid request.
 */
public sealed interface AuthorizationRequestResult
    permits AuthorizationRequestResult.ShowErrorPage, AuthorizationRequestResult.RedirectError,
        AuthorizationRequestResult.Valid {

  /**
   * The client or the redirect URI cannot be trusted, so nothing may be redirected: answer 400
   * with an error page.
   *
   * @param reason a fixed sentence for the person (never contains request input)
   */
  record ShowErrorPage(String reason) implements AuthorizationRequestResult {
    /**
     * Requires the reason.
     *
     * @param reason a fixed sentence for the person; required
     */
    public ShowErrorPage {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * An error to send back to the client's trusted redirect URI (RFC 6749 section 4.1.2.1).
   *
   * @param redirectUri the redirect URI exactly as sent, matched against a registered one
   * @param responseMode how to send it ({@link ResponseMode#QUERY} when the mode itself was bad)
   * @param error the OAuth error code, e.g. {@code invalid_request}
   * @param description a fixed, human-readable sentence in the characters RFC 6749 allows for
   *     {@code error_description} (never contains request input)
   * @param state the client's {@code state}, or {@code null} when absent or unusable
   */
  record RedirectError(
      String redirectUri, ResponseMode responseMode, String error, String description,
      String state) implements AuthorizationRequestResult {
    /**
     * Requires every field but the state.
     *
     * @param redirectUri the redirect URI exactly as sent; required
     * @param responseMode how to send it; required
     * @param error the OAuth error code; required
     * @param description a fixed, human-readable sentence; required
     * @param state the client's {@code state}, or {@code null}
     */
    public RedirectError {
      Objects.requireNonNull(redirectUri, "redirectUri");
      Objects.requireNonNull(responseMode, "responseMode");
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(description, "description");
    }
  }

  /** The request is valid; the next step is decided by {@link SignInSteps}. */
  record Valid(AuthorizationRequest request) implements AuthorizationRequestResult {
    /**
     * Requires the request.
     *
     * @param request the valid request; required
     */
    public Valid {
      Objects.requireNonNull(request, "request");
    }
  }
}
