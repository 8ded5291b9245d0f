package io.admin.auth.servlet.signin;

import java.time.Instant;
import java.util.Objects;

/**
 * What the library asks of a {@link LoginHook} for one authorization request. Immutable.
 *
 * @param reauthenticate {@code true} when the client asked for a recent login ({@code
 *     prompt=login} or {@code max_age}): a login of the application made before {@code
 *     requestedAt} does not do unless the hook knows when it happened; answer with a {@link
 *     LoginAnswer.SignedIn} whose {@code authTime} is the real time of the login (the library
 *     checks it against {@code prompt=login} and {@code max_age}; an old one makes the client
 *     get {@code login_required}), or redirect to a login
 * @param requestedAt when the authorization request first arrived
 * @param returnUrl where to send the browser after a login: a path on this application (with
 *     its context path) that continues the pending authorization request on any node; valid for
 *     ten minutes. Not a secret.
 * @param clientId the client the person is signing in to
 */
public record LoginPrompt(
    boolean reauthenticate, Instant requestedAt, String returnUrl, String clientId) {

  /**
   * Requires every reference component.
   *
   * @param reauthenticate whether a recent login is required
   * @param requestedAt when the authorization request first arrived; not null
   * @param returnUrl where to send the browser after a login; not null
   * @param clientId the client the person is signing in to; not null
   */
  public LoginPrompt {
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(returnUrl, "returnUrl");
    Objects.requireNonNull(clientId, "clientId");
  }
}
