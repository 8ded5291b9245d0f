package io.admin.auth.core.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.federation.ClaimMapping;
import io.admin.auth.core.federation.MultiIssuerVerifier;
import io.admin.auth.core.federation.TrustedIssuer;
import io.admin.auth.core.verify.BearerTokenVerifier;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;

/**
 * How an application accepts a Keycloak realm's access tokens beside its own, using only the
 * public API. The mock OIDC server plays the Keycloak realm.
 */
class FederationExampleTest {

  @Test
  void wiringAsAnApplicationWouldThenKeycloakRealmTokensAuthenticate() {
    MockOAuth2Server keycloak = new MockOAuth2Server();
    keycloak.start(InetAddress.getLoopbackAddress(), 0);
    try {
      String realm = keycloak.issuerUrl("realms-acme").toString();

      TrustedIssuer acme = TrustedIssuer.builder(realm)   // https://sso.example.com/realms/acme in production
          .audience("admin-api")
          .acceptJwtTyp(true)                              // Keycloak sends typ "JWT", not "at+jwt"
          .claims(ClaimMapping.defaults()
              .withScopeClaims("scope", "realm_access.roles")
              .withClientIdClaims("azp"))
          .allowInsecureLoopback(true)                     // only because this test's realm is http://localhost
          .build();
      BearerTokenVerifier ownTokens = token -> AuthOutcome.notApplicable(); // the TokenService in an app
      BearerTokenVerifier bearer = MultiIssuerVerifier.builder()
          .clock(Clock.systemUTC())
          .ownIssuer("https://app.example.com", ownTokens)
          .trust(acme)
          .build();

      String accessToken = keycloak.issueToken("realms-acme", "admin-ui", new DefaultOAuth2TokenCallback(
          "realms-acme", "alice", "JWT", List.of("admin-api"),
          Map.of("realm_access", Map.of("roles", List.of("users:read"))), 300)).serialize();
      AuthPrincipal alice = assertInstanceOf(AuthOutcome.Authenticated.class, bearer.verify(accessToken)).principal();

      assertEquals("alice", alice.subject());
      assertEquals(Set.of("users:read"), alice.scopes());
      assertEquals("admin-ui", alice.clientId());
      assertEquals(realm, alice.issuer());
    } finally {
      keycloak.shutdown();
    }
  }
}
