package io.admin.auth.core.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.admin.auth.core.AuthErrorCode;
import org.junit.jupiter.api.Test;

/** The token service's answers for public clients, beside confidential ones. */
class PublicClientTokenServiceTest {

  private final SignInFixture f = new SignInFixture();

  private ClientAuthentication.Failed failed(ClientAuthentication result) {
    ClientAuthentication.Failed failed = assertInstanceOf(ClientAuthentication.Failed.class,
        result);
    assertEquals(AuthErrorCode.AUTH_CLIENT_INVALID, failed.error().code());
    return failed;
  }

  @Test
  void authenticatePublicClientWhenPublicThenByIdAlone() {
    assertEquals(f.spa, assertInstanceOf(ClientAuthentication.Succeeded.class,
        f.service.authenticatePublicClient("spa")).client());
  }

  @Test
  void authenticatePublicClientWhenConfidentialOrUnknownThenTheSameFailure() {
    ClientAuthentication.Failed confidential = failed(f.service.authenticatePublicClient("web"));
    assertEquals(confidential.error(), failed(f.service.authenticatePublicClient("nobody"))
        .error());
  }

  @Test
  void authenticateClientWhenPublicClientSendsAnySecretThenFailedLikeAWrongSecret() {
    ClientAuthentication.Failed wrong = failed(f.service.authenticateClient("web", "nope"));
    assertEquals(wrong.error(), failed(f.service.authenticateClient("spa", "")).error());
    assertEquals(wrong.error(), failed(f.service.authenticateClient("spa", ServiceFixture.SECRET))
        .error());
  }

  @Test
  void authenticateClientWhenConfidentialSignInClientThenBySecret() {
    assertEquals("web", assertInstanceOf(ClientAuthentication.Succeeded.class,
        f.service.authenticateClient("web", ServiceFixture.SECRET)).client().clientId());
  }
}
