package io.admin.auth.core.signin;

import io.admin.auth.core.signin.SignInStep.ConsentRequired;
import io.admin.auth.core.signin.SignInStep.IssueCode;
import io.admin.auth.core.signin.SignInStep.LoginRequired;
import io.admin.auth.core.signin.SignInStep.Refused;
import io.admin.auth.core.spi.Consent;
import io.admin.auth.core.spi.SignInSession;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides the next step of a valid authorization request ({@code docs/http-contract.md},
 * "Signing people in"; {@code prompt} and {@code max_age} as in OpenID Connect Core 3.1.2.1). A
 * pure function: the endpoint calls it when the request arrives and again after each login or
 * consent page, with fresh store reads.
 *
 * <p>No loops: {@code prompt=login} and {@code max_age} are satisfied by a sign-in at or after
 * {@code requestedAt}, and {@code prompt=consent} by a consent given at or after it. The endpoint
 * keeps {@code requestedAt} with the pending request, so a person who just logged in or consented
 * for this request is not sent back to the same page.
 *
 * <p>First-party clients never need consent, not even with {@code prompt=consent}: they are the
 * host application itself, and the contract gives them no consent screen.
 */
public final class SignInSteps {

  private SignInSteps() {}

  /**
   * The next step.
   *
   * @param request the valid request
   * @param requestedAt when this authorization request first reached the endpoint
   * @param session the person's sign-in session found for the browser, if any (an expired one
   *     counts as none)
   * @param consent the stored consent for the session's person and the request's client, if any
   *     (one of another person or client is ignored)
   * @param now the current time
   * @return what the endpoint does next
   */
  public static SignInStep next(AuthorizationRequest request, Instant requestedAt,
      Optional<SignInSession> session, Optional<Consent> consent, Instant now) {
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(now, "now");
    boolean silent = request.hasPrompt(Prompt.NONE);
    Optional<SignInSession> active = session.filter(s -> s.isActive(now));
    if (active.isEmpty()) {
      return silent ? loginRequired() : new LoginRequired(false);
    }
    SignInSession s = active.get();
    if (tooOld(request, s, requestedAt, now)) {
      return silent ? loginRequired() : new LoginRequired(true);
    }
    if (needsConsent(request, s, consent, requestedAt)) {
      return silent
          ? new Refused("consent_required", "The person has not consented to this client.")
          : new ConsentRequired(s.subject(), request.scopes());
    }
    return new IssueCode(s.subject(), s.authTime(), request.scopes(), s.idHash());
  }

  private static Refused loginRequired() {
    return new Refused("login_required", "The person is not signed in.");
  }

  private static boolean tooOld(
      AuthorizationRequest request, SignInSession s, Instant requestedAt, Instant now) {
    if (!s.authTime().isBefore(requestedAt)) {
      return false;
    }
    if (request.hasPrompt(Prompt.LOGIN)) {
      return true;
    }
    return request.maxAge() != null && now.isAfter(s.authTime().plus(request.maxAge()));
  }

  private static boolean needsConsent(AuthorizationRequest request, SignInSession s,
      Optional<Consent> consent, Instant requestedAt) {
    if (request.client().signIn().firstParty()) {
      return false;
    }
    Optional<Consent> covering = consent.filter(c -> c.subject().equals(s.subject())
        && c.clientId().equals(request.client().clientId()) && c.covers(request.scopes()));
    if (covering.isEmpty()) {
      return true;
    }
    return request.hasPrompt(Prompt.CONSENT) && covering.get().grantedAt().isBefore(requestedAt);
  }
}
