package io.admin.auth.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IssuerDiscoveryTest {

  private static final String OIDC = "/realms/acme/.well-known/openid-configuration";
  private static final String RFC8414 = "/.well-known/oauth-authorization-server/realms/acme";

  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-15T10:00:00Z"));
  private FakeProvider provider;

  @BeforeEach
  void start() throws Exception {
    provider = FakeProvider.start("/realms/acme");
  }

  @AfterEach
  void stop() {
    provider.close();
  }

  private IssuerDiscovery discovery(String issuer) {
    TrustedIssuer config = TrustedIssuer.builder(issuer).audience("api").allowInsecureLoopback(true).build();
    return new IssuerDiscovery(config, new BoundedHttpFetcher(
        BoundedHttpFetcher.defaultClient(Duration.ofSeconds(2)), Duration.ofSeconds(5), 512 * 1024), clock);
  }

  @Test
  void jwksUriWhenOidcDocumentServedThenItsJwksUriAndCachedAfterwards() {
    IssuerDiscovery discovery = discovery(provider.issuer());

    assertEquals(provider.jwksUri(), discovery.jwksUri());
    assertEquals(provider.jwksUri(), discovery.jwksUri());
    assertEquals(1, provider.hits(OIDC));
    assertEquals(0, provider.hits(RFC8414));
  }

  @Test
  void jwksUriWhenOnlyRfc8414DocumentThenFoundAtInsertedWellKnownPath() {
    provider.remove(OIDC);
    provider.answer(RFC8414, 200, provider.discoveryJson(provider.issuer()), Map.of());

    assertEquals(provider.jwksUri(), discovery(provider.issuer()).jwksUri());
    assertEquals(1, provider.hits(OIDC));
    assertEquals(1, provider.hits(RFC8414));
  }

  @Test
  void jwksUriWhenIssuerHasTrailingSlashThenSlashDroppedBeforeWellKnown() {
    String issuer = provider.issuer() + "/";
    provider.answer(OIDC, 200, provider.discoveryJson(issuer), Map.of());

    assertEquals(provider.jwksUri(), discovery(issuer).jwksUri());
  }

  @Test
  void jwksUriWhenDocumentNamesAnotherIssuerThenUnavailable() {
    provider.answer(OIDC, 200, provider.discoveryJson("https://evil.example/realms/acme"), Map.of());

    assertThrows(AuthUnavailableException.class, () -> discovery(provider.issuer()).jwksUri());
  }

  @Test
  void jwksUriWhenDocumentNamesIssuerWithExtraSlashThenUnavailable() {
    provider.answer(OIDC, 200, provider.discoveryJson(provider.issuer() + "/"), Map.of());

    assertThrows(AuthUnavailableException.class, () -> discovery(provider.issuer()).jwksUri());
  }

  @Test
  void jwksUriWhenJwksUriIsPlainHttpToRemoteHostThenUnavailable() {
    provider.answer(OIDC, 200, "{\"issuer\":\"" + provider.issuer()
        + "\",\"jwks_uri\":\"http://idp.example.com/keys\"}", Map.of());

    assertThrows(AuthUnavailableException.class, () -> discovery(provider.issuer()).jwksUri());
  }

  @Test
  void jwksUriWhenDocumentNotJsonOrWithoutJwksUriThenUnavailable() {
    provider.answer(OIDC, 200, "<html>", Map.of());
    assertThrows(AuthUnavailableException.class, () -> discovery(provider.issuer()).jwksUri());

    provider.answer(OIDC, 200, "{\"issuer\":\"" + provider.issuer() + "\"}", Map.of());
    assertThrows(AuthUnavailableException.class, () -> discovery(provider.issuer()).jwksUri());
  }

  @Test
  void jwksUriWhenDiscoveryFailsThenRetriedAtMostOncePerInterval() {
    provider.down(503);
    IssuerDiscovery discovery = discovery(provider.issuer());

    for (int i = 0; i < 20; i++) {
      assertThrows(AuthUnavailableException.class, discovery::jwksUri);
    }
    assertEquals(1, provider.hits(OIDC));

    provider.down(0);
    clock.advance(Duration.ofSeconds(30));
    assertEquals(provider.jwksUri(), discovery.jwksUri());
    assertEquals(2, provider.hits(OIDC));
  }
}
