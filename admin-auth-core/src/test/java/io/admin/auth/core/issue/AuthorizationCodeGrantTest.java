package io.admin.auth.core.issue;

import static io.admin.auth.core.issue.ServiceFixture.failedCode;
import static io.admin.auth.core.issue.ServiceFixture.issued;
import static io.admin.auth.core.issue.ServiceFixture.rejectedCode;
import static io.admin.auth.core.issue.SignInFixture.SPA_REDIRECT;
import static io.admin.auth.core.issue.SignInFixture.VERIFIER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.spi.OAuthClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationCodeGrantTest {

  private static final AuthErrorCode INVALID = AuthErrorCode.AUTH_AUTHORIZATION_CODE_INVALID;

  private final SignInFixture f = new SignInFixture();

  private AuthErrorCode spaExchangeFails(String code, String redirect, String verifier) {
    return failedCode(f.service.authorizationCode(f.spa, code, redirect, verifier));
  }

  @Test
  void exchangeWhenEverythingMatchesThenPersonTokensWithTheCodesGrantAsFamily() {
    TokenResponse r = f.exchange(f.spaCode(SignInFixture.SCOPES));

    AuthPrincipal p = f.principal(r.accessToken());
    assertEquals("alice", p.subject());
    assertEquals("spa", p.clientId());
    assertEquals(SignInFixture.SCOPES, p.scopes());
    assertEquals(SignInFixture.SCOPES, r.scopes());
    assertNotNull(r.refreshToken());
    assertNotNull(r.idToken());
    assertTrue(p.claims().get("fid") instanceof String fid && !fid.isEmpty());
    AuditEvent.TokenIssued issued = (AuditEvent.TokenIssued) f.events.stream()
        .filter(e -> e instanceof AuditEvent.TokenIssued).findFirst().orElseThrow();
    assertEquals("authorization_code", issued.grantType());
    assertEquals(p.claims().get("fid"), issued.familyId());
  }

  @Test
  void exchangeWhenNoOfflineAccessThenNoRefreshTokenAndNoOpenidThenNoIdToken() {
    TokenResponse r = f.exchange(f.spaCode(Set.of("openid", "users:read")));
    assertNull(r.refreshToken());
    assertNotNull(r.idToken());

    TokenResponse plain = f.exchange(f.spaCode(Set.of("users:read", "offline_access")));
    assertNull(plain.idToken());
    assertNotNull(plain.refreshToken());
  }

  @Test
  void exchangeWhenConfidentialClientThenItsOwnCodeWorks() {
    String code = f.code(SignInFixture.WEB, SignInFixture.WEB_REDIRECT, Set.of("openid"), null);
    TokenResponse r = issued(f.service.authorizationCode(f.web, code, SignInFixture.WEB_REDIRECT,
        VERIFIER));
    assertEquals("web", f.principal(r.accessToken()).clientId());
  }

  @Test
  void exchangeWhenSixtySecondsPassedThenExpiredAndJustBeforeThenFine() {
    String late = f.spaCode(Set.of("openid"));
    String inTime = f.spaCode(Set.of("openid"));
    f.clock.advance(Duration.ofSeconds(59));
    f.exchange(inTime);
    f.clock.advance(Duration.ofSeconds(1));
    assertEquals(INVALID, spaExchangeFails(late, SPA_REDIRECT, VERIFIER));
  }

  @Test
  void exchangeWhenShorterCodeLifetimeConfiguredThenExpiresThen() {
    SignInFixture shortLived = new SignInFixture(ServiceFixture.builder(f.clock)
        .authorizationCodeTtl(Duration.ofSeconds(10)));
    String code = shortLived.spaCode(Set.of("openid"));
    shortLived.clock.advance(Duration.ofSeconds(10));
    assertEquals(INVALID, failedCode(shortLived.service.authorizationCode(shortLived.spa, code,
        SPA_REDIRECT, VERIFIER)));
  }

  @Test
  void exchangeWhenAnotherClientPresentsTheCodeThenInvalidAndTheCodeIsSpent() {
    String code = f.spaCode(Set.of("openid"));
    assertEquals(INVALID, failedCode(f.service.authorizationCode(f.web, code, SPA_REDIRECT,
        VERIFIER)));
    assertEquals(INVALID, spaExchangeFails(code, SPA_REDIRECT, VERIFIER));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://spa.example/cb/", "https://spa.example/cb?x=1",
      "https://SPA.example/cb", "https://web.example/cb"})
  void exchangeWhenRedirectUriNotTheSameStringThenInvalid(String redirect) {
    assertEquals(INVALID, spaExchangeFails(f.spaCode(Set.of("openid")), redirect, VERIFIER));
  }

  @ParameterizedTest
  @ValueSource(strings = {"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXK", "short", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk "})
  void exchangeWhenVerifierWrongOrMalformedThenInvalidAndSpent(String verifier) {
    String code = f.spaCode(Set.of("openid"));
    assertEquals(INVALID, spaExchangeFails(code, SPA_REDIRECT, verifier));
    assertEquals(INVALID, spaExchangeFails(code, SPA_REDIRECT, VERIFIER));
  }

  @Test
  void exchangeWhenAParameterIsMissingThenInvalidRequestAndTheCodeStillWorks() {
    String code = f.spaCode(Set.of("openid"));
    assertEquals(AuthErrorCode.AUTH_REQUEST_INVALID, spaExchangeFails(code, SPA_REDIRECT, null));
    assertEquals(AuthErrorCode.AUTH_REQUEST_INVALID, spaExchangeFails(code, null, VERIFIER));
    assertEquals(AuthErrorCode.AUTH_REQUEST_INVALID, spaExchangeFails(null, SPA_REDIRECT,
        VERIFIER));
    f.exchange(code);
  }

  @Test
  void exchangeWhenAnyCheckFailsThenOneAndTheSameAnswer() {
    String expired = f.spaCode(Set.of("openid"));
    f.clock.advance(Duration.ofMinutes(2));
    List<io.admin.auth.core.AuthError> errors = new ArrayList<>();
    errors.add(failed(expired, SPA_REDIRECT, VERIFIER));
    errors.add(failed("no-such-code", SPA_REDIRECT, VERIFIER));
    errors.add(failed("x".repeat(5000), SPA_REDIRECT, VERIFIER));
    errors.add(failed(f.spaCode(Set.of("openid")), SPA_REDIRECT + "/", VERIFIER));
    errors.add(failed(f.spaCode(Set.of("openid")), SPA_REDIRECT, VERIFIER.replace('d', 'D')));
    String used = f.spaCode(Set.of("openid"));
    f.exchange(used);
    errors.add(failed(used, SPA_REDIRECT, VERIFIER));
    for (io.admin.auth.core.AuthError e : errors) {
      assertEquals(errors.get(0), e);
    }
    assertEquals(400, errors.get(0).code().httpStatus());
    assertEquals("invalid_grant", errors.get(0).code().error());
  }

  private io.admin.auth.core.AuthError failed(String code, String redirect, String verifier) {
    return assertInstanceOf(TokenResult.Failed.class,
        f.service.authorizationCode(f.spa, code, redirect, verifier)).error();
  }

  @Test
  void exchangeWhenCodeReplayedThenInvalidAndTheFirstExchangesTokensAreRevoked() {
    String code = f.spaCode(SignInFixture.SCOPES);
    TokenResponse first = f.exchange(code);
    f.principal(first.accessToken());

    assertEquals(INVALID, spaExchangeFails(code, SPA_REDIRECT, VERIFIER));

    assertEquals(AuthErrorCode.AUTH_TOKEN_REVOKED, rejectedCode(f.service.verify(
        first.accessToken())));
    assertInstanceOf(TokenResult.Failed.class,
        f.service.refresh(f.spa, first.refreshToken(), Optional.empty()));
    assertEquals(1, f.events.stream()
        .filter(e -> e instanceof AuditEvent.AuthorizationCodeReplayDetected).count());
  }

  @Test
  void exchangeWhenReplayedAfterARefreshThenTheRefreshedTokensDieToo() {
    String code = f.spaCode(SignInFixture.SCOPES);
    TokenResponse first = f.exchange(code);
    TokenResponse refreshed = issued(f.service.refresh(f.spa, first.refreshToken(),
        Optional.empty()));

    spaExchangeFails(code, SPA_REDIRECT, VERIFIER);

    assertEquals(AuthErrorCode.AUTH_TOKEN_REVOKED,
        rejectedCode(f.service.verify(refreshed.accessToken())));
    assertInstanceOf(TokenResult.Failed.class,
        f.service.refresh(f.spa, refreshed.refreshToken(), Optional.empty()));
  }

  @Test
  void exchangeWhenTwoAtOnceThenExactlyOneWins() throws Exception {
    String code = f.spaCode(Set.of("openid"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<TokenResult>> results = new ArrayList<>();
      Callable<TokenResult> exchange =
          () -> f.service.authorizationCode(f.spa, code, SPA_REDIRECT, VERIFIER);
      for (int i = 0; i < 4; i++) {
        results.add(pool.submit(exchange));
      }
      int won = 0;
      for (Future<TokenResult> r : results) {
        won += r.get() instanceof TokenResult.Issued ? 1 : 0;
      }
      assertEquals(1, won);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void exchangeWhenClientNotRegisteredForTheGrantThenUnsupported() {
    OAuthClient machine = f.service.registerClient(ClientRegistration.of("m",
        ServiceFixture.SECRET, Set.of("users:read")));
    assertEquals(AuthErrorCode.AUTH_GRANT_UNSUPPORTED, failedCode(
        f.service.authorizationCode(machine, "any", SPA_REDIRECT, VERIFIER)));
  }

  @Test
  void exchangeWhenClientLostAScopeSinceApprovalThenThatScopeIsNotGranted() {
    String code = f.spaCode(Set.of("openid", "users:read"));
    OAuthClient narrowed = new OAuthClient(f.spa.clientId(), "", Set.of("openid"),
        f.spa.grantTypes(), false, null, null, f.spa.signIn());
    TokenResponse r = issued(f.service.authorizationCode(narrowed, code, SPA_REDIRECT,
        VERIFIER));
    assertEquals(Set.of("openid"), r.scopes());
  }

  @Test
  void publicClientRefreshWhenRotatedThenReuseDetectedAndFamilyRevoked() {
    TokenResponse first = f.exchange(f.spaCode(SignInFixture.SCOPES));
    TokenResponse second = issued(f.service.refresh(f.spa, first.refreshToken(),
        Optional.empty()));
    assertEquals("alice", f.principal(second.accessToken()).subject());

    assertEquals(AuthErrorCode.AUTH_REFRESH_TOKEN_REUSED,
        failedCode(f.service.refresh(f.spa, first.refreshToken(), Optional.empty())));
    assertEquals(AuthErrorCode.AUTH_TOKEN_REVOKED,
        rejectedCode(f.service.verify(second.accessToken())));
    assertInstanceOf(TokenResult.Failed.class,
        f.service.refresh(f.spa, second.refreshToken(), Optional.empty()));
  }
}
