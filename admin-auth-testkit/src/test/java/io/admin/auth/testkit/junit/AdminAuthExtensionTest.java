package io.admin.auth.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.verify.AccessTokenVerifier;
import io.admin.auth.core.issue.ClientAuthentication;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.testkit.MutableClock;
import io.admin.auth.testkit.TestKeys;
import io.admin.auth.testkit.TestTokens;
import io.admin.auth.testkit.server.MockAuthorizationServer;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminAuthExtensionTest {

  @RegisterExtension
  static final AdminAuthExtension AUTH = AdminAuthExtension.builder()
      .issuer("https://auth.example.test")
      .start(Instant.parse("2031-06-01T00:00:00Z"))
      .client("svc", "svc-secret-0123456789abcdef", "users:read")
      .build();

  private static URI closedAfterTest;
  private static TestKeys firstKeys;

  @Test
  @Order(1)
  void resolveWhenTokensAndVerifierThenVerifierTrustsTheMinter(TestTokens tokens,
      AccessTokenVerifier verifier, MutableClock clock, TestKeys keys) {
    String jwt = tokens.token().subject("alice").scopes("users:read").sign();

    assertEquals("alice", assertInstanceOf(AuthOutcome.Authenticated.class, verifier.verify(jwt))
        .principal().subject());
    assertEquals("https://auth.example.test", tokens.issuer());
    assertEquals(Instant.parse("2031-06-01T00:00:00Z"), clock.instant());
    assertSame(keys, tokens.keys());
    firstKeys = keys;

    clock.advance(Duration.ofHours(1));
    assertEquals(AuthErrorCode.AUTH_TOKEN_EXPIRED,
        assertInstanceOf(AuthOutcome.Rejected.class, verifier.verify(jwt)).error().code());
  }

  @Test
  @Order(2)
  void resolveWhenNextTestThenFreshClockAndSameClassKeys(MutableClock clock, TestKeys keys) {
    assertEquals(Instant.parse("2031-06-01T00:00:00Z"), clock.instant());
    assertSame(firstKeys, keys);
  }

  @Test
  @Order(3)
  void resolveWhenTokenServiceThenSeededClientAndMintedTokensAccepted(TokenService service,
      TestTokens tokens) {
    assertInstanceOf(ClientAuthentication.Succeeded.class,
        service.authenticateClient("svc", "svc-secret-0123456789abcdef"));
    assertInstanceOf(AuthOutcome.Authenticated.class, service.verify(tokens.token().sign()));
    assertInstanceOf(AuthOutcome.Rejected.class, service.verify(tokens.token().algNone().sign()));
  }

  @Test
  @Order(4)
  void resolveWhenMockServerThenStartedWithSeededClient(MockAuthorizationServer server,
      MockAuthorizationServer same) throws Exception {
    assertSame(server, same);
    assertInstanceOf(ClientAuthentication.Succeeded.class,
        server.tokenService().authenticateClient("svc", "svc-secret-0123456789abcdef"));
    try (Socket s = new Socket(server.baseUri().getHost(), server.baseUri().getPort())) {
      closedAfterTest = server.baseUri();
    }
  }

  @Test
  @Order(5)
  void resolveWhenPreviousTestEndedThenItsMockServerWasClosed() {
    assertThrows(ConnectException.class,
        () -> new Socket(closedAfterTest.getHost(), closedAfterTest.getPort()).close());
  }
}
