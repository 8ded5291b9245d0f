package io.admin.auth.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedIssuerTest {

  private static final String KEYCLOAK = "https://sso.example.com/realms/acme";

  @Test
  void buildWhenOnlyIssuerAndAudienceThenSafeDefaults() {
    TrustedIssuer issuer = TrustedIssuer.builder(KEYCLOAK).audience("api").build();

    assertEquals(Set.of("RS256", "ES256", "PS256", "EdDSA"), issuer.algorithms());
    assertFalse(issuer.acceptJwtTyp());
    assertFalse(issuer.allowInsecureLoopback());
    assertEquals(Duration.ofSeconds(30), issuer.clockSkew());
    assertEquals(Optional.empty(), issuer.jwksUri());
    assertEquals(ClaimMapping.defaults(), issuer.claims());
    assertEquals(JwksCachePolicy.defaults(), issuer.jwksCache());
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "HS256", "HS384", "HS512", "RSA1_5", "RSA-OAEP", "dir", "ES256K", ""})
  void buildWhenAlgorithmSymmetricNoneOrUnknownThenRefused(String alg) {
    assertThrows(IllegalArgumentException.class,
        () -> TrustedIssuer.builder(KEYCLOAK).audience("api").algorithms("RS256", alg).build());
  }

  @Test
  void buildWhenAlgorithmCaseDiffersThenCanonicalName() {
    assertEquals(Set.of("RS256", "EdDSA"),
        TrustedIssuer.builder(KEYCLOAK).audience("api").algorithms("rs256", "eddsa").build().algorithms());
  }

  @Test
  void buildWhenNoAudienceThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> TrustedIssuer.builder(KEYCLOAK).build());
    assertThrows(IllegalArgumentException.class, () -> TrustedIssuer.builder(KEYCLOAK).audience(" ").build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://sso.example.com/realms/acme", "https://sso.example.com/realms/acme?x=1",
      "https://sso.example.com/realms/acme#f", "sso.example.com", "not a url", "ftp://sso.example.com",
      "https://user:pw@sso.example.com"})
  void buildWhenIssuerNotHttpsUrlThenRefused(String issuer) {
    assertThrows(IllegalArgumentException.class,
        () -> TrustedIssuer.builder(issuer).audience("api").allowInsecureLoopback(true).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080/default", "http://127.0.0.1:9000", "http://[::1]:9000/x"})
  void buildWhenLoopbackHttpThenOnlyWithExplicitAllowance(String issuer) {
    assertThrows(IllegalArgumentException.class, () -> TrustedIssuer.builder(issuer).audience("api").build());
    assertTrue(TrustedIssuer.builder(issuer).audience("api").allowInsecureLoopback(true).build()
        .allowInsecureLoopback());
  }

  @Test
  void buildWhenLoopbackLookalikeHostThenStillRefused() {
    assertThrows(IllegalArgumentException.class, () -> TrustedIssuer.builder("http://localhost.evil.example")
        .audience("api").allowInsecureLoopback(true).build());
  }

  @Test
  void buildWhenJwksUriPlainHttpRemoteThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> TrustedIssuer.builder(KEYCLOAK).audience("api")
        .jwksUri(URI.create("http://sso.example.com/keys")).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT-1S", "PT5M1S", "PT1H"})
  void buildWhenClockSkewOutOfRangeThenRefused(String skew) {
    assertThrows(IllegalArgumentException.class, () -> TrustedIssuer.builder(KEYCLOAK).audience("api")
        .clockSkew(Duration.parse(skew)).build());
  }

  @Test
  void recordWhenBuiltThenCollectionsUnmodifiable() {
    TrustedIssuer issuer = TrustedIssuer.builder(KEYCLOAK).audience("api").build();

    assertThrows(UnsupportedOperationException.class, () -> issuer.audiences().add("x"));
    assertThrows(UnsupportedOperationException.class, () -> issuer.algorithms().add("HS256"));
  }
}
