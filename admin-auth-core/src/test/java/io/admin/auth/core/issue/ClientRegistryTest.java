package io.admin.auth.core.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.spi.OAuthClient;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientRegistryTest {

  private static final String SECRET = "a-client-secret-long-enough";

  private final IssueParts parts = new IssueParts();
  private final ClientRegistry registry =
      new ClientRegistry(parts.clientStore, parts.hasher, parts.tokens);

  @Test
  void registerWhenNewClientThenStoredWithKeyedHashOnly() {
    OAuthClient stored = registry.register(ClientRegistration.of("c1", SECRET, Set.of("a")));

    assertEquals(stored, parts.clientStore.findById("c1").orElseThrow());
    assertFalse(stored.secretHash().contains(SECRET));
    assertTrue(parts.hasher.matches(SECRET, stored.secretHash()));
  }

  @Test
  void authenticateWhenSecretMatchesThenTheStoredClient() {
    OAuthClient stored = registry.register(ClientRegistration.of("c1", SECRET, Set.of("a")));

    ClientAuthentication.Succeeded ok = assertInstanceOf(ClientAuthentication.Succeeded.class,
        registry.authenticate("c1", SECRET));
    assertEquals(stored, ok.client());
  }

  @Test
  void authenticateWhenUnknownWrongNullOrOverlongThenOneAndTheSameFailure() {
    registry.register(ClientRegistration.of("c1", SECRET, Set.of("a")));
    String overlong = "x".repeat(1025);

    for (String[] attempt : new String[][] {{"c1", SECRET + "x"}, {"nobody", SECRET},
        {null, SECRET}, {"c1", null}, {overlong, SECRET}, {"c1", overlong}}) {
      ClientAuthentication.Failed failed = assertInstanceOf(ClientAuthentication.Failed.class,
          registry.authenticate(attempt[0], attempt[1]));
      assertEquals(AuthErrorCode.AUTH_CLIENT_INVALID, failed.error().code());
      assertEquals("Client authentication failed.", failed.error().message());
    }
  }

  @Test
  void scopesSupportedWhenSeveralClientsThenUnionAndUnmodifiable() {
    assertEquals(Set.of(), registry.scopesSupported());
    registry.register(ClientRegistration.of("c1", SECRET, Set.of("a", "b")));
    registry.register(ClientRegistration.of("c2", SECRET, Set.of("b", "c")));

    Set<String> scopes = registry.scopesSupported();
    assertEquals(Set.of("a", "b", "c"), scopes);
    assertThrows(UnsupportedOperationException.class, () -> scopes.add("d"));
  }

  @Test
  void registerHashedWhenHashFromSamePepperThenTheSecretAuthenticates() {
    OAuthClient stored = registry.registerHashed("c1", parts.hasher.hash(SECRET), Set.of("a"),
        Set.of("client_credentials"), false, null, null);

    assertEquals(stored, parts.clientStore.findById("c1").orElseThrow());
    assertInstanceOf(ClientAuthentication.Succeeded.class, registry.authenticate("c1", SECRET));
    assertInstanceOf(ClientAuthentication.Failed.class, registry.authenticate("c1", SECRET + "x"));
  }

  @Test
  void registerHashedWhenHashFromAnotherPepperThenTheSecretFails() {
    byte[] otherPepper = new byte[32];
    java.util.Arrays.fill(otherPepper, (byte) 0x5A);
    String foreign = SecretHasher.withPepper(otherPepper).hash(SECRET);
    assertFalse(parts.hasher.matches(SECRET, foreign), "the fixture's pepper must differ");
    registry.registerHashed("c1", foreign, Set.of("a"), Set.of("client_credentials"), false,
        null, null);

    assertInstanceOf(ClientAuthentication.Failed.class, registry.authenticate("c1", SECRET));
  }

  @Test
  void registerHashedWhenHashMalformedThenRefusedAndNothingStored() {
    for (String bad : new String[] {"", SECRET, "hmac-sha256:", "hmac-sha256:abc",
        "hmac-sha256:" + "A".repeat(42) + "!", "bcrypt:" + "A".repeat(43)}) {
      assertThrows(IllegalArgumentException.class, () -> registry.registerHashed("c1", bad,
          Set.of("a"), Set.of("client_credentials"), false, null, null), bad);
    }
    assertTrue(parts.clientStore.findById("c1").isEmpty());
  }

  @Test
  void registerHashedWhenSettingRefusedByRegistrationRulesThenRefused() {
    String hash = parts.hasher.hash(SECRET);
    assertThrows(IllegalArgumentException.class, () -> registry.registerHashed("c 1", hash,
        Set.of("a"), Set.of("client_credentials"), false, null, null));
    assertThrows(IllegalArgumentException.class, () -> registry.registerHashed("c1", hash,
        Set.of("a\"b"), Set.of("client_credentials"), false, null, null));
    assertThrows(IllegalArgumentException.class, () -> registry.registerHashed("c1", hash,
        Set.of("a"), Set.of("password"), false, null, null));
    assertTrue(parts.clientStore.findById("c1").isEmpty());
  }
}
