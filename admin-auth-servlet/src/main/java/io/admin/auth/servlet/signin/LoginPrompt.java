package io.admin.auth.servlet.signin;

import java.time.Instant;
import java.util.Objects;

/**
 * What the library asks of a {@link LoginHook} for one authorization request. Immutable.
 *
 * @param reauthenticate {@code true} when the client asked for a fresh login ({@code prompt=login},
 *     or a {@code max_age} the person's last login is older than): an existing login of the
 *     application does not do; answer with a {@link LoginAnswer.SignedIn} whose {@code authTime}
 *     is at or after {@code requestedAt} (after a new login) or redirect to a login, otherwise the
 *     client gets {@code login_required}
 * @param requestedAt when the authorization request first arrived
 * @param returnUrl where to send the browser after a login: a path on this application (with
 *     its context path) that continues the pending authorization request on any node; valid for
 *     ten minutes. Not a secret.
 * @param clientId the client the person is signing in to
 */
public record LoginPrompt(
    boolean reauthenticate, Instant requestedAt, String returnUrl, String clientId) {

  public LoginPrompt {
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(returnUrl, "returnUrl");
    Objects.requireNonNull(clientId, "clientId");
  }
}
