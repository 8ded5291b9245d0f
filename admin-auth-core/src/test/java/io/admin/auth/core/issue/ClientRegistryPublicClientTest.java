package io.admin.auth.core.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.SignInSettings;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Public clients (no secret) at the client registry: never authenticated by any secret. */
class ClientRegistryPublicClientTest {

  private static final SignInSettings APP = new SignInSettings(true,
      List.of("com.example.app:/cb"), List.of(), true, null);

  private final IssueParts parts = new IssueParts();
  private final ClientRegistry registry =
      new ClientRegistry(parts.clientStore, parts.hasher, parts.tokens);

  private void storePublicClient() {
    parts.clientStore.save(new OAuthClient("app", "", Set.of("openid"),
        Set.of("authorization_code", "refresh_token"), false, null, null, APP));
  }

  @Test
  void authenticateWhenPublicClientAndEmptySecretThenFailedNotMatchedByItsEmptyHash() {
    storePublicClient();
    ClientAuthentication.Failed failed = assertInstanceOf(ClientAuthentication.Failed.class,
        registry.authenticate("app", ""));
    assertEquals(AuthErrorCode.AUTH_CLIENT_INVALID, failed.error().code());
  }

  @Test
  void authenticateWhenPublicClientAndAnySecretThenTheSameFailureAsAWrongSecret() {
    storePublicClient();
    registry.register(ClientRegistration.of("c1", "a-client-secret-long-enough", Set.of("a")));
    ClientAuthentication.Failed wrong = assertInstanceOf(ClientAuthentication.Failed.class,
        registry.authenticate("c1", "not-the-secret-at-all"));
    for (String secret : new String[] {"x", " ", "a-client-secret-long-enough", "hmac-sha256:"}) {
      ClientAuthentication.Failed failed = assertInstanceOf(ClientAuthentication.Failed.class,
          registry.authenticate("app", secret));
      assertEquals(wrong.error(), failed.error());
    }
  }
}
