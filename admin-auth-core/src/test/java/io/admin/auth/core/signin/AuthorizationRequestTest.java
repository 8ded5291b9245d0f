package io.admin.auth.core.signin;

import static io.admin.auth.core.signin.SignInFixture.CHALLENGE;
import static io.admin.auth.core.signin.SignInFixture.WEB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorizationRequestTest {

  private static AuthorizationRequest request(String uri, Set<String> scopes, String challenge,
      Set<Prompt> prompts, Duration maxAge) {
    return new AuthorizationRequest(WEB, uri, ResponseMode.QUERY, scopes, "st", "no", challenge,
        prompts, maxAge);
  }

  @Test
  void constructorWhenAnInvariantIsBrokenThenRefused() {
    String uri = "https://app.example.com/cb";
    Set<String> scopes = Set.of("openid");
    assertThrows(IllegalArgumentException.class,
        () -> request("https://evil.example/cb", scopes, CHALLENGE, Set.of(), null));
    assertThrows(IllegalArgumentException.class,
        () -> request(uri, Set.of("users:write"), CHALLENGE, Set.of(), null));
    assertThrows(IllegalArgumentException.class,
        () -> request(uri, Set.of(), CHALLENGE, Set.of(), null));
    assertThrows(IllegalArgumentException.class,
        () -> request(uri, scopes, "plain-verifier", Set.of(), null));
    assertThrows(IllegalArgumentException.class,
        () -> request(uri, scopes, CHALLENGE, EnumSet.of(Prompt.NONE, Prompt.LOGIN), null));
    assertThrows(IllegalArgumentException.class,
        () -> request(uri, scopes, CHALLENGE, Set.of(), Duration.ofSeconds(-1)));
  }

  @Test
  void toStringWhenPrintedThenNoStateNonceOrChallenge() {
    String printed = request("https://app.example.com/cb", Set.of("openid"), CHALLENGE,
        Set.of(), null).toString();
    assertFalse(printed.contains(CHALLENGE), printed);
    assertFalse(printed.contains("st,"), printed);
  }

  @Test
  void errorWhenBuiltThenCarriesTheRequestsUriModeAndState() {
    AuthorizationRequest r = new AuthorizationRequest(WEB, "https://app.example.com/cb",
        ResponseMode.FORM_POST, Set.of("openid"), "st", null, CHALLENGE, Set.of(), null);
    assertEquals(new AuthorizationRequestResult.RedirectError("https://app.example.com/cb",
        ResponseMode.FORM_POST, "login_required", "d", "st"), r.error("login_required", "d"));
  }
}
