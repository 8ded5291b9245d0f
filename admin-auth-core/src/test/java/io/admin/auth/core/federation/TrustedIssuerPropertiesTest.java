package io.admin.auth.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrustedIssuerPropertiesTest {

  private static Properties props(String text) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(text));
    return p;
  }

  @Test
  void parseWhenKeycloakExampleThenEverySettingApplied() throws Exception {
    Properties p = props("""
        admin.auth.federation.issuers = keycloak, entra
        admin.auth.federation.issuer.keycloak.url = https://sso.example.com/realms/acme
        admin.auth.federation.issuer.keycloak.audience = admin-api, account
        admin.auth.federation.issuer.keycloak.algorithms = RS256
        admin.auth.federation.issuer.keycloak.accept-jwt-typ = true
        admin.auth.federation.issuer.keycloak.scope-claims = scope, realm_access.roles
        admin.auth.federation.issuer.keycloak.client-id-claims = azp
        admin.auth.federation.issuer.keycloak.clock-skew = PT10S
        admin.auth.federation.issuer.keycloak.jwks.refetch-interval = PT1M
        admin.auth.federation.issuer.keycloak.jwks.max-stale = PT15M
        admin.auth.federation.issuer.entra.url = https://login.microsoftonline.com/tid/v2.0
        admin.auth.federation.issuer.entra.jwks-uri = https://login.microsoftonline.com/tid/discovery/v2.0/keys
        """);

    List<TrustedIssuer> issuers = TrustedIssuerProperties.parse(p, Optional.of("https://app.example.com"));

    TrustedIssuer kc = issuers.get(0);
    assertEquals("https://sso.example.com/realms/acme", kc.issuer());
    assertEquals(Set.of("admin-api", "account"), kc.audiences());
    assertEquals(Set.of("RS256"), kc.algorithms());
    assertTrue(kc.acceptJwtTyp());
    assertEquals(List.of("scope", "realm_access.roles"), kc.claims().scopeClaims());
    assertEquals(List.of("azp"), kc.claims().clientIdClaims());
    assertEquals("sub", kc.claims().subjectClaim());
    assertEquals(Duration.ofSeconds(10), kc.clockSkew());
    assertEquals(Duration.ofMinutes(1), kc.jwksCache().refetchInterval());
    assertEquals(Duration.ofMinutes(15), kc.jwksCache().maxStale());
    TrustedIssuer entra = issuers.get(1);
    assertEquals(Set.of("https://app.example.com"), entra.audiences());
    assertFalse(entra.acceptJwtTyp());
    assertEquals(Optional.of(URI.create("https://login.microsoftonline.com/tid/discovery/v2.0/keys")),
        entra.jwksUri());
  }

  @Test
  void parseWhenNothingConfiguredThenEmpty() throws Exception {
    assertEquals(List.of(), TrustedIssuerProperties.parse(props("admin.auth.issuer = https://x"), Optional.empty()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "admin.auth.federation.issuers=kc|admin.auth.federation.issuer.kc.url",
      "admin.auth.federation.issuers=kc\\nadmin.auth.federation.issuer.kc.url=https://sso.example.com|admin.auth.federation.issuer.kc.audience",
      "admin.auth.federation.issuers=kc\\nadmin.auth.federation.issuer.kc.url=https://sso.example.com\\nadmin.auth.federation.issuer.kc.audiance=a|admin.auth.federation.issuer.kc.audiance",
      "admin.auth.federation.issuers=kc\\nadmin.auth.federation.issuer.other.url=https://sso.example.com|admin.auth.federation.issuer.other.url",
      "admin.auth.federation.issuers=kc\\nadmin.auth.federation.issuer.kc.url=https://sso.example.com\\nadmin.auth.federation.issuer.kc.audience=a\\nadmin.auth.federation.issuer.kc.clock-skew=30s|admin.auth.federation.issuer.kc.clock-skew",
      "admin.auth.federation.issuers=kc\\nadmin.auth.federation.issuer.kc.url=https://sso.example.com\\nadmin.auth.federation.issuer.kc.audience=a\\nadmin.auth.federation.issuer.kc.accept-jwt-typ=yes|admin.auth.federation.issuer.kc.accept-jwt-typ",
      "admin.auth.federation.issuers=kc\\nadmin.auth.federation.issuer.kc.url=https://sso.example.com\\nadmin.auth.federation.issuer.kc.audience=a\\nadmin.auth.federation.issuer.kc.algorithms=HS256|admin.auth.federation.issuer.kc.algorithms",
      "admin.auth.federation.issuers=kc\\nadmin.auth.federation.issuer.kc.url=http://sso.example.com\\nadmin.auth.federation.issuer.kc.audience=a|admin.auth.federation.issuer.kc.url",
      "admin.auth.federation.issuers=kc\\nadmin.auth.federation.issuer.kc.url=https://sso.example.com\\nadmin.auth.federation.issuer.kc.audience=a\\nadmin.auth.federation.issuer.kc.jwks.max-stale=soon|admin.auth.federation.issuer.kc.jwks.max-stale",
      "admin.auth.federation.issuers=kc\\nadmin.auth.federation.issuer.kc.url=https://sso.example.com\\nadmin.auth.federation.issuer.kc.audience=a\\nadmin.auth.federation.issuer.kc.jwks-uri=http://sso.example.com/keys|admin.auth.federation.issuer.kc.jwks-uri",
      "admin.auth.federation.issuers=kc\\nadmin.auth.federation.issuer.kc.url=https://sso.example.com\\nadmin.auth.federation.issuer.kc.audience=a\\nadmin.auth.federation.issuer.kc.scope-claims=a..b|admin.auth.federation.issuer.kc.scope-claims"})
  void parseWhenSettingWrongThenErrorNamesTheProperty(String text, String expectedProperty) throws Exception {
    Properties p = props(text.replace("\\n", "\n"));

    FederationConfigException e = assertThrows(FederationConfigException.class,
        () -> TrustedIssuerProperties.parse(p, Optional.empty()));

    assertEquals(expectedProperty, e.property(), e.getMessage());
    assertEquals(e.getMessage(), expectedProperty + ": " + e.problem());
  }

  @Test
  void fromIssuerUrlsWhenDevServerListThenJwtTypAcceptedAndLoopbackHttpAllowed() {
    List<TrustedIssuer> issuers = TrustedIssuerProperties.fromIssuerUrls(
        " http://localhost:8081/default , https://sso.example.com/realms/acme ,", "http://localhost:8080");

    assertEquals(2, issuers.size());
    assertTrue(issuers.get(0).acceptJwtTyp());
    assertEquals(List.of("scope", "scp"), issuers.get(1).claims().scopeClaims());
    assertEquals(Set.of("http://localhost:8080"), issuers.get(1).audiences());
  }

  @Test
  void fromIssuerUrlsWhenPlainHttpRemoteThenRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> TrustedIssuerProperties.fromIssuerUrls("http://sso.example.com", "api"));
  }
}
