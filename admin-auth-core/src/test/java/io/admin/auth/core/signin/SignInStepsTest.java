package io.admin.auth.core.signin;

import static io.admin.auth.core.signin.SignInFixture.CHALLENGE;
import static io.admin.auth.core.signin.SignInFixture.NATIVE;
import static io.admin.auth.core.signin.SignInFixture.WEB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.admin.auth.core.signin.SignInStep.ConsentRequired;
import io.admin.auth.core.signin.SignInStep.IssueCode;
import io.admin.auth.core.signin.SignInStep.LoginRequired;
import io.admin.auth.core.signin.SignInStep.Refused;
import io.admin.auth.core.spi.Consent;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.SignInSession;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignInStepsTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  /** The request arrived a minute ago; the person has since been on the login or consent page. */
  private static final Instant REQUESTED_AT = NOW.minusSeconds(60);
  private static final Set<String> SCOPES = Set.of("openid", "email");

  private static AuthorizationRequest request(OAuthClient client, Set<Prompt> prompts,
      Duration maxAge) {
    String uri = client.signIn().redirectUris().get(0);
    return new AuthorizationRequest(client, uri, ResponseMode.QUERY, SCOPES, "s", "n", CHALLENGE,
        prompts, maxAge);
  }

  private static Optional<SignInSession> session(Instant authTime) {
    return Optional.of(new SignInSession("session-hash", "alice", authTime, Set.of("pwd"),
        NOW.plusSeconds(3600)));
  }

  private static Optional<Consent> consent(String subject, String clientId, Set<String> scopes,
      Instant grantedAt) {
    return Optional.of(new Consent(subject, clientId, scopes, grantedAt));
  }

  private static final Instant EARLIER = NOW.minusSeconds(3600);

  private static SignInStep next(AuthorizationRequest r, Optional<SignInSession> s,
      Optional<Consent> c) {
    return SignInSteps.next(r, REQUESTED_AT, s, c, NOW);
  }

  @Test
  void nextWhenNoSessionThenLoginRequired() {
    assertEquals(new LoginRequired(false),
        next(request(NATIVE, Set.of(), null), Optional.empty(), Optional.empty()));
  }

  @Test
  void nextWhenSessionExpiredThenLoginRequired() {
    Optional<SignInSession> expired = Optional.of(new SignInSession("h", "alice", EARLIER,
        Set.of(), NOW));
    assertEquals(new LoginRequired(false),
        next(request(NATIVE, Set.of(), null), expired, Optional.empty()));
  }

  @Test
  void nextWhenFirstPartyWithSessionThenIssueCodeWithoutConsent() {
    assertEquals(new IssueCode("alice", EARLIER, SCOPES, "session-hash"),
        next(request(NATIVE, Set.of(), null), session(EARLIER), Optional.empty()));
  }

  @Test
  void nextWhenFirstPartyAndPromptConsentThenStillNoConsent() {
    assertInstanceOf(IssueCode.class,
        next(request(NATIVE, Set.of(Prompt.CONSENT), null), session(EARLIER), Optional.empty()));
  }

  @Test
  void nextWhenPromptNoneWithoutSessionThenLoginRequiredError() {
    Refused refused = assertInstanceOf(Refused.class,
        next(request(WEB, Set.of(Prompt.NONE), null), Optional.empty(), Optional.empty()));
    assertEquals("login_required", refused.error());
  }

  @Test
  void nextWhenPromptLoginAndSessionOlderThanTheRequestThenReauthentication() {
    assertEquals(new LoginRequired(true),
        next(request(NATIVE, Set.of(Prompt.LOGIN), null), session(EARLIER), Optional.empty()));
  }

  @Test
  void nextWhenPromptLoginAndSignedInSinceTheRequestArrivedThenNoLoginLoop() {
    assertInstanceOf(IssueCode.class,
        next(request(NATIVE, Set.of(Prompt.LOGIN), null), session(REQUESTED_AT.plusSeconds(5)),
            Optional.empty()));
    assertInstanceOf(IssueCode.class,
        next(request(NATIVE, Set.of(Prompt.LOGIN), null), session(REQUESTED_AT),
            Optional.empty()));
  }

  @Test
  void nextWhenMaxAgeExceededThenReauthenticationElseIssue() {
    assertEquals(new LoginRequired(true), next(request(NATIVE, Set.of(), Duration.ofMinutes(59)),
        session(EARLIER), Optional.empty()));
    assertInstanceOf(IssueCode.class, next(request(NATIVE, Set.of(), Duration.ofMinutes(60)),
        session(EARLIER), Optional.empty()));
    Refused refused = assertInstanceOf(Refused.class, next(
        request(NATIVE, Set.of(Prompt.NONE), Duration.ofMinutes(59)), session(EARLIER),
        Optional.empty()));
    assertEquals("login_required", refused.error());
  }

  @Test
  void nextWhenMaxAgeZeroAndSignedInSinceTheRequestArrivedThenNoLoginLoop() {
    // 55 seconds have passed since that sign-in, more than max_age 0, but it was this request's.
    assertInstanceOf(IssueCode.class, next(request(NATIVE, Set.of(), Duration.ZERO),
        session(REQUESTED_AT.plusSeconds(5)), Optional.empty()));
  }

  @Test
  void nextWhenThirdPartyWithoutConsentThenConsentRequired() {
    assertEquals(new ConsentRequired("alice", SCOPES),
        next(request(WEB, Set.of(), null), session(EARLIER), Optional.empty()));
  }

  @Test
  void nextWhenThirdPartyWithCoveringConsentThenIssueCode() {
    assertEquals(new IssueCode("alice", EARLIER, SCOPES, "session-hash"),
        next(request(WEB, Set.of(), null), session(EARLIER),
            consent("alice", "web", Set.of("openid", "email", "profile"), EARLIER)));
  }

  @Test
  void nextWhenConsentDoesNotCoverOrIsSomeoneElsesThenConsentRequired() {
    for (Optional<Consent> c : java.util.List.of(
        consent("alice", "web", Set.of("openid"), EARLIER),
        consent("bob", "web", SCOPES, EARLIER),
        consent("alice", "native", SCOPES, EARLIER))) {
      assertInstanceOf(ConsentRequired.class,
          next(request(WEB, Set.of(), null), session(EARLIER), c), c.toString());
    }
  }

  @Test
  void nextWhenPromptConsentThenAskedAgainUnlessGivenSinceTheRequestArrived() {
    AuthorizationRequest r = request(WEB, EnumSet.of(Prompt.CONSENT), null);
    assertInstanceOf(ConsentRequired.class,
        next(r, session(EARLIER), consent("alice", "web", SCOPES, EARLIER)));
    assertInstanceOf(IssueCode.class,
        next(r, session(EARLIER), consent("alice", "web", SCOPES, REQUESTED_AT.plusSeconds(1))));
  }

  @Test
  void nextWhenPromptNoneAndConsentMissingThenConsentRequiredError() {
    Refused refused = assertInstanceOf(Refused.class,
        next(request(WEB, Set.of(Prompt.NONE), null), session(EARLIER), Optional.empty()));
    assertEquals("consent_required", refused.error());
    assertEquals(new AuthorizationRequestResult.RedirectError(WEB.signIn().redirectUris().get(0),
        ResponseMode.QUERY, "consent_required", refused.description(), "s"),
        refused.toRedirect(request(WEB, Set.of(Prompt.NONE), null)));
  }

  @Test
  void nextWhenPromptNoneAndBothMissingThenLoginComesFirst() {
    Refused refused = assertInstanceOf(Refused.class,
        next(request(WEB, Set.of(Prompt.NONE), null), Optional.empty(), Optional.empty()));
    assertEquals("login_required", refused.error());
  }
}
