package io.admin.auth.core.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.SignInSettings;
import io.admin.auth.core.spi.User;
import io.admin.auth.core.store.memory.InMemoryUserStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignInValuesTest {

  private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
  private static final Instant T0 = Instant.parse("2025-03-15T10:00:00Z");

  private static ApprovedAuthorization approved(String challenge, Set<String> scopes,
      String nonce) {
    return new ApprovedAuthorization("app", "https://app.example/cb", challenge, "alice", scopes,
        nonce, T0, null);
  }

  @Test
  void approvedAuthorizationWhenValidThenScopesSortedAndSecretsNotPrinted() {
    ApprovedAuthorization a = approved(CHALLENGE, Set.of("profile", "openid"), "n-0S6_WzA2Mj");
    assertEquals(List.of("openid", "profile"), List.copyOf(a.scopes()));
    assertFalse(a.toString().contains(CHALLENGE));
    assertFalse(a.toString().contains("n-0S6_WzA2Mj"));
  }

  @Test
  void approvedAuthorizationWhenChallengeNotS256OrScopesEmptyOrNonceEmptyThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> approved("plain", Set.of("openid"), null));
    assertThrows(IllegalArgumentException.class, () -> approved(CHALLENGE, Set.of(), null));
    assertThrows(IllegalArgumentException.class, () -> approved(CHALLENGE, Set.of("openid"), ""));
  }

  @Test
  void issuedCodeWhenPrintedThenCodeMasked() {
    assertFalse(new IssuedCode("the-code-value", T0).toString().contains("the-code-value"));
  }

  @Test
  void logoutHintWhenPostLogoutUriRegisteredThenPermittedOnlyExactly() {
    OAuthClient client = new OAuthClient("app", "", Set.of("openid"),
        Set.of("authorization_code"), false, null, null, new SignInSettings(true,
            List.of("https://app.example/cb"), List.of("https://app.example/bye"), true, null));
    LogoutHint.Valid hint = new LogoutHint.Valid(client, "alice");
    assertTrue(hint.permitsRedirectTo("https://app.example/bye"));
    assertFalse(hint.permitsRedirectTo("https://app.example/bye/"));
    assertFalse(hint.permitsRedirectTo("https://app.example/cb"));
    assertFalse(hint.permitsRedirectTo(null));
  }

  @Test
  void userInfoClaimsWhenNoSubThenRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new UserInfoResult.Claims(Map.of("name", "x")));
    assertEquals("AUTH_INSUFFICIENT_SCOPE", new UserInfoResult.Refused(
        AuthError.of(AuthErrorCode.AUTH_INSUFFICIENT_SCOPE, "m")).error().code().name());
  }

  @Test
  void userStorePersonDirectoryWhenUserExistsThenPreferredUsernameElseEmpty() {
    InMemoryUserStore users = new InMemoryUserStore();
    users.save(new User("alice", "$2a$10$hash", Set.of(), false));
    UserStorePersonDirectory people = new UserStorePersonDirectory(users);
    assertEquals(Map.of("preferred_username", "alice"),
        people.find("alice").orElseThrow().claims());
    assertEquals(Optional.empty(), people.find("bob"));
    assertEquals(Optional.empty(), people.find(null));
  }
}
