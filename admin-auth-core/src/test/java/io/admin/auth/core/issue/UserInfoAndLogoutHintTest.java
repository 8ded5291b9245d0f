package io.admin.auth.core.issue;

import static io.admin.auth.core.issue.ServiceFixture.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.signin.LogoutHint;
import io.admin.auth.core.signin.UserInfoResult;
import io.admin.auth.core.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserInfoAndLogoutHintTest {

  private final SignInFixture f = new SignInFixture();

  private Map<String, Object> userInfo(Set<String> scopes) {
    TokenResponse r = f.exchange(f.spaCode(scopes));
    return assertInstanceOf(UserInfoResult.Claims.class,
        f.service.userInfo(f.principal(r.accessToken()))).claims();
  }

  private AuthErrorCode refused(AuthPrincipal p) {
    return assertInstanceOf(UserInfoResult.Refused.class, f.service.userInfo(p)).error().code();
  }

  @Test
  void userInfoWhenOpenidProfileEmailThenSubFirstAndTheirClaims() {
    Map<String, Object> claims = userInfo(Set.of("openid", "profile", "email"));
    assertEquals("sub", claims.keySet().iterator().next());
    assertEquals(Map.of("sub", "alice", "name", "Alice Example", "preferred_username", "alice",
        "email", "alice@example.com", "email_verified", true), claims);
  }

  @Test
  void userInfoWhenOnlyOpenidThenSubAlone() {
    assertEquals(Map.of("sub", "alice"), userInfo(Set.of("openid", "users:read")));
  }

  @Test
  void userInfoWhenPersonUnknownToTheDirectoryThenSubAlone() {
    String code = f.service.issueAuthorizationCode(new io.admin.auth.core.signin
        .ApprovedAuthorization("spa", SignInFixture.SPA_REDIRECT, SignInFixture.CHALLENGE, "bob",
        Set.of("openid", "profile"), null, f.signedInAt, null)).code();
    TokenResponse r = f.exchange(code);
    assertEquals(Map.of("sub", "bob"), assertInstanceOf(UserInfoResult.Claims.class,
        f.service.userInfo(f.principal(r.accessToken()))).claims());
  }

  @Test
  void userInfoWhenNoOpenidScopeThenInsufficientScopeNamingIt() {
    TokenResponse r = issued(f.service.clientCredentials(f.service.registerClient(
        ClientRegistration.of("m", ServiceFixture.SECRET, Set.of("users:read"))),
        Optional.empty()));
    UserInfoResult.Refused refused = assertInstanceOf(UserInfoResult.Refused.class,
        f.service.userInfo(f.principal(r.accessToken())));
    assertEquals(AuthErrorCode.AUTH_INSUFFICIENT_SCOPE, refused.error().code());
    assertEquals(List.of("openid"), refused.error().details().get("required_scopes"));
  }

  @Test
  void userInfoWhenPrincipalNotFromThisServersAccessTokensThenInvalid() {
    Set<String> openid = Set.of("openid");
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, refused(new AuthPrincipal("alice", "spa",
        openid, "https://other.example", null, AuthMethod.BEARER, Map.of())));
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, refused(new AuthPrincipal("alice", "spa",
        openid, ServiceFixture.ISSUER, null, AuthMethod.API_KEY, Map.of())));
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, refused(new AuthPrincipal("alice", "spa",
        openid, ServiceFixture.ISSUER, null, AuthMethod.BEARER, Map.of(), true)));
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, refused(new AuthPrincipal("alice", null,
        openid, ServiceFixture.ISSUER, null, AuthMethod.BEARER, Map.of())));
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, refused(null));
  }

  private String idToken() {
    return f.exchange(f.spaCode(Set.of("openid"))).idToken();
  }

  @Test
  void logoutHintWhenOurIdTokenThenClientAndPersonAndOnlyRegisteredRedirects() {
    LogoutHint.Valid hint = assertInstanceOf(LogoutHint.Valid.class,
        f.service.checkLogoutHint(idToken()));
    assertEquals("spa", hint.client().clientId());
    assertEquals("alice", hint.subject());
    assertTrue(hint.permitsRedirectTo(SignInFixture.SPA_LOGOUT));
    assertFalse(hint.permitsRedirectTo("https://evil.example/"));
  }

  @Test
  void logoutHintWhenIdTokenLongExpiredThenStillValid() {
    String idToken = idToken();
    f.clock.advance(Duration.ofDays(2));
    assertInstanceOf(LogoutHint.Valid.class, f.service.checkLogoutHint(idToken));
  }

  @Test
  void logoutHintWhenSignatureTamperedThenInvalid() {
    String idToken = idToken();
    String[] parts = idToken.split("\\.");
    char last = parts[2].charAt(10);
    String tampered = parts[0] + "." + parts[1] + "."
        + parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A') + parts[2].substring(11);
    assertInvalid(tampered);
  }

  @Test
  void logoutHintWhenAccessTokenInsteadThenInvalid() {
    assertInvalid(f.exchange(f.spaCode(Set.of("openid"))).accessToken());
  }

  @Test
  void logoutHintWhenAnotherIssuersIdTokenThenInvalid() {
    SignInFixture other = new SignInFixture(DefaultTokenService.builder()
        .issuer("https://other.example").clock(MutableClock.atGuideExample()));
    assertInvalid(other.exchange(other.spaCode(Set.of("openid"))).idToken());
  }

  @Test
  void logoutHintWhenClientNoLongerRegisteredThenInvalid() {
    String idToken = idToken();
    f.clientStore.delete("spa");
    assertInvalid(idToken);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a", "a.b", "a.b.c", "a.b.c.d", "eyJhbGciOiJub25lIn0.e30.",
      "...", "\u00e9.\u00e9.\u00e9"})
  void logoutHintWhenGarbageThenInvalidNeverAnException(String hint) {
    assertInvalid(hint);
  }

  @Test
  void logoutHintWhenNullOrHugeThenInvalid() {
    assertInvalid(null);
    assertInvalid("a".repeat(9000) + ".b.c");
  }

  @Test
  void findClientWhenRegisteredThenItsRegistrationAndWhenUnknownOrNullThenEmpty() {
    assertEquals(List.of(SignInFixture.SPA_LOGOUT),
        f.service.findClient("spa").orElseThrow().signIn().postLogoutRedirectUris());
    assertTrue(f.service.findClient("nobody").isEmpty());
    assertTrue(f.service.findClient(null).isEmpty());
  }

  private void assertInvalid(String hint) {
    LogoutHint.Invalid invalid = assertInstanceOf(LogoutHint.Invalid.class,
        f.service.checkLogoutHint(hint));
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, invalid.error().code());
  }
}
