package io.admin.auth.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignInSettingsTest {

  private static final SignInSettings PUBLIC_APP = new SignInSettings(true,
      List.of("com.example.app:/cb"), List.of(), true, "Example app");

  @Test
  void machineClientsCannotSignPeopleIn() {
    OAuthClient machine = new OAuthClient("m", "hash", Set.of("a"),
        Set.of("client_credentials"), true, null, null);

    assertEquals(SignInSettings.NONE, machine.signIn());
    assertFalse(machine.signIn().signsPeopleIn());
    assertFalse(machine.isPublic());
  }

  @Test
  void aPublicClientHasNoSecretHashAndOnlyItMayHaveNone() {
    OAuthClient app = new OAuthClient("app", "", Set.of("openid"), Set.of("authorization_code"),
        false, null, null, PUBLIC_APP);
    assertTrue(app.isPublic());
    assertTrue(app.signIn().signsPeopleIn());

    assertThrows(IllegalArgumentException.class, () -> new OAuthClient("app", "some-hash",
        Set.of(), Set.of("authorization_code"), false, null, null, PUBLIC_APP));
    assertThrows(IllegalArgumentException.class, () -> new OAuthClient("m", "", Set.of(),
        Set.of("client_credentials"), false, null, null));
  }

  @Test
  void redirectUrisAreCopiedInOrderAndUnmodifiable() {
    List<String> uris = new java.util.ArrayList<>(List.of("https://b/cb", "https://a/cb"));
    SignInSettings settings = new SignInSettings(false, uris, null, false, " ");
    uris.clear();

    assertEquals(List.of("https://b/cb", "https://a/cb"), settings.redirectUris());
    assertTrue(settings.postLogoutRedirectUris().isEmpty());
    assertEquals("partner", settings.nameOr("partner"));
    assertEquals("Example app", PUBLIC_APP.nameOr("app"));
    assertThrows(UnsupportedOperationException.class, () -> settings.redirectUris().add("x"));
  }
}
