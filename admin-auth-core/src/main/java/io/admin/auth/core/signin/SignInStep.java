package io.admin.auth.core.signin;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the authorization endpoint does next with a valid request, as {@link SignInSteps#next}
 * decides it: send the person to log in, ask for consent, refuse a {@code prompt=none} request,
 * or issue a code.
 */
public sealed interface SignInStep
    permits SignInStep.LoginRequired, SignInStep.ConsentRequired, SignInStep.Refused,
        SignInStep.IssueCode {

  /**
   * The person must log in (through the login hook or the default login page), then the request
   * continues.
   *
   * @param reauthenticate {@code true} when a session exists but is too old for the request
   *     ({@code prompt=login} or {@code max_age}): the login must not simply accept it
   */
  record LoginRequired(boolean reauthenticate) implements SignInStep {}

  /**
   * A third-party client needs the person's consent to these scopes (the consent page).
   *
   * @param subject the signed-in person
   * @param scopes the scopes to ask for
   */
  record ConsentRequired(String subject, Set<String> scopes) implements SignInStep {
    /**
     * Requires the subject and freezes a sorted copy of the scopes.
     *
     * @param subject the signed-in person; required
     * @param scopes the scopes to ask for; required
     */
    public ConsentRequired {
      Objects.requireNonNull(subject, "subject");
      scopes = Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
    }
  }

  /**
   * A {@code prompt=none} request that would need the person: {@code login_required} or
   * {@code consent_required}, sent to the redirect URI.
   *
   * @param error the OpenID Connect error code
   * @param description a fixed sentence
   */
  record Refused(String error, String description) implements SignInStep {
    /**
     * Requires both.
     *
     * @param error the OpenID Connect error code; required
     * @param description a fixed sentence; required
     */
    public Refused {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(description, "description");
    }

    /**
     * This refusal as an error for {@code request}'s redirect URI.
     *
     * @param request the request being answered
     * @return the error, addressed to the request's redirect URI
     */
    public AuthorizationRequestResult.RedirectError toRedirect(AuthorizationRequest request) {
      return request.error(error, description);
    }
  }

  /**
   * Everything is settled: issue an authorization code bound to these values and the request.
   *
   * @param subject the person ({@code sub})
   * @param authTime when the person authenticated ({@code auth_time})
   * @param grantedScopes the scopes granted (all the requested ones)
   * @param sessionId the sign-in session's stored id (its keyed hash), for the code's
   *     {@code sessionId}
   */
  record IssueCode(String subject, Instant authTime, Set<String> grantedScopes, String sessionId)
      implements SignInStep {
    /**
     * Requires every field and freezes a sorted copy of the scopes.
     *
     * @param subject the person; required
     * @param authTime when the person authenticated; required
     * @param grantedScopes the scopes granted; required
     * @param sessionId the sign-in session's stored id; required
     */
    public IssueCode {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(authTime, "authTime");
      Objects.requireNonNull(sessionId, "sessionId");
      grantedScopes = Collections.unmodifiableSortedSet(new TreeSet<>(grantedScopes));
    }
  }
}
