package io.admin.auth.core.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.SignInSettings;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Registering clients that sign people in: public ones, redirect URIs, grants. */
class ClientRegistrationSignInTest {

  private static final String SECRET = "a-client-secret-long-enough";
  private static final SignInSettings PUBLIC_APP = settings(true, "com.example.app:/cb",
      "com.example.app:/bye");

  private final IssueParts parts = new IssueParts();
  private final ClientRegistry registry =
      new ClientRegistry(parts.clientStore, parts.hasher, parts.tokens);

  private static SignInSettings settings(boolean isPublic, String redirect, String logout) {
    return new SignInSettings(isPublic, List.of(redirect), List.of(logout), true, null);
  }

  @Test
  void registerWhenPublicClientThenStoredWithoutAnySecretHash() {
    OAuthClient stored = registry.register(
        ClientRegistration.signingIn("app", null, Set.of("openid"), PUBLIC_APP));
    assertTrue(stored.isPublic());
    assertEquals("", stored.secretHash());
    assertEquals(Set.of("authorization_code", "refresh_token"), stored.grantTypes());
    assertEquals(PUBLIC_APP, parts.clientStore.findById("app").orElseThrow().signIn());
  }

  @Test
  void registerWhenConfidentialSignInClientThenSecretHashedAndSettingsKept() {
    SignInSettings web = settings(false, "https://web.example/cb", "https://web.example/");
    OAuthClient stored = registry.register(
        ClientRegistration.signingIn("web", SECRET, Set.of("openid"), web));
    assertFalse(stored.isPublic());
    assertTrue(parts.hasher.matches(SECRET, stored.secretHash()));
    assertEquals(web, stored.signIn());
  }

  @Test
  void registrationWhenPublicClientWithASecretOrConfidentialWithoutThenRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> ClientRegistration.signingIn("app", SECRET, Set.of("openid"), PUBLIC_APP));
    assertThrows(NullPointerException.class, () -> ClientRegistration.signingIn("web", null,
        Set.of("openid"), settings(false, "https://web.example/cb", "https://web.example/")));
  }

  @Test
  void registrationWhenPublicClientAsksForClientCredentialsThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ClientRegistration("app", null,
        Set.of("openid"), Set.of("client_credentials", "authorization_code"), false, null, null,
        PUBLIC_APP));
  }

  @Test
  void registrationWhenRedirectOrPostLogoutUriNotRegistrableThenRefusedNamingIt() {
    IllegalArgumentException redirect = assertThrows(IllegalArgumentException.class,
        () -> ClientRegistration.signingIn("web", SECRET, Set.of("openid"),
            settings(false, "http://web.example/cb", "https://web.example/")));
    assertTrue(redirect.getMessage().startsWith("redirect URI http://web.example/cb"));
    IllegalArgumentException logout = assertThrows(IllegalArgumentException.class,
        () -> ClientRegistration.signingIn("web", SECRET, Set.of("openid"),
            settings(false, "https://web.example/cb", "javascript:alert(1)")));
    assertTrue(logout.getMessage().startsWith("post-logout redirect URI javascript:"));
  }

  @Test
  void grantsWhenListedThenAuthorizationCodeSupportedAndMachineDefaultUnchanged() {
    assertEquals(Set.of("authorization_code", "client_credentials", "refresh_token"),
        ClientRegistration.SUPPORTED_GRANTS);
    assertEquals(Set.of("client_credentials", "refresh_token"),
        ClientRegistration.of("m", SECRET, Set.of("a")).grantTypes());
  }

  @Test
  void registerHashedWhenPublicClientThenNoHashNeededAndRulesStillApply() {
    OAuthClient app = new OAuthClient("app", "", Set.of("openid"),
        Set.of("authorization_code"), false, null, null, PUBLIC_APP);
    assertEquals(app, registry.registerHashed(app));
    OAuthClient badUri = app.withSignIn(settings(true, "myapp:/cb", "com.example.app:/bye"));
    assertThrows(IllegalArgumentException.class, () -> registry.registerHashed(badUri));
  }

  @Test
  void authenticatePublicWhenPublicThenSucceededElseTheSameFailure() {
    registry.register(ClientRegistration.signingIn("app", null, Set.of("openid"), PUBLIC_APP));
    registry.register(ClientRegistration.of("c1", SECRET, Set.of("a")));

    assertEquals("app", assertInstanceOf(ClientAuthentication.Succeeded.class,
        registry.authenticatePublic("app")).client().clientId());
    ClientAuthentication.Failed confidential = assertInstanceOf(
        ClientAuthentication.Failed.class, registry.authenticatePublic("c1"));
    for (String id : new String[] {"nobody", "", null, "x".repeat(2000)}) {
      assertEquals(confidential.error(), assertInstanceOf(ClientAuthentication.Failed.class,
          registry.authenticatePublic(id)).error());
    }
  }

  @Test
  void toStringWhenPublicRegistrationThenNoSecretPrinted() {
    assertTrue(ClientRegistration.signingIn("app", null, Set.of("openid"), PUBLIC_APP)
        .toString().contains("clientSecret=null"));
    assertFalse(ClientRegistration.of("c", SECRET, Set.of("a")).toString().contains(SECRET));
  }
}
