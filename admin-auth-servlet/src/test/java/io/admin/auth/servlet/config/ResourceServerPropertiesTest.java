package io.admin.auth.servlet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.issue.TokenResult;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.verify.AccessTokenVerifier;
import io.admin.auth.core.verify.PublicKeySource;
import io.admin.auth.servlet.internal.FakeRequest;
import io.admin.auth.servlet.scheme.BearerScheme;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code admin.auth.resource-server.*} properties: what they build and what they refuse. */
class ResourceServerPropertiesTest {

  private static final String ISSUER = "https://issuer.test";

  @TempDir
  static Path dir;
  private static DefaultTokenService issuer;
  private static Path jwks;

  @BeforeAll
  static void issuer() throws Exception {
    issuer = DefaultTokenService.builder().issuer(ISSUER).build();
    jwks = dir.resolve("issuer-jwks.json");
    Files.writeString(jwks, issuer.jwkSetJson(), StandardCharsets.UTF_8);
  }

  private static Properties props(String... kv) {
    Properties p = new Properties();
    p.setProperty("admin.auth.resource-server.issuer", ISSUER);
    p.setProperty("admin.auth.resource-server.jwks-file", jwks.toString());
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] == null) {
        p.remove(kv[i]);
      } else {
        p.setProperty(kv[i], kv[i + 1]);
      }
    }
    return p;
  }

  private static String token() {
    OAuthClient client = issuer.registerClient(ClientRegistration.of("client-a",
        "s3cr3t-that-is-long-enough-0123456789", Set.of("users:read")));
    TokenResult result = issuer.clientCredentials(client, Optional.empty());
    return assertInstanceOf(TokenResult.Issued.class, result).response().accessToken();
  }

  private static HttpServletRequest bearer(String token) {
    return FakeRequest.of(Map.of("Authorization", "Bearer " + token), null, new byte[0], 0);
  }

  private static AdminAuthConfigException refused(Properties p) {
    return assertThrows(AdminAuthConfigException.class, () -> AdminAuthProperties.load(p));
  }

  @Test
  void loadWhenResourceServerThenBearerOnTheIssuersPublicKeysAndNoEndpoint() {
    AdminAuth auth = AdminAuthProperties.load(props());

    assertEquals(0, auth.servlets().size());
    BearerScheme bearer = assertInstanceOf(BearerScheme.class, auth.filter().schemes().get(0));
    assertEquals(1, auth.filter().schemes().size());
    assertInstanceOf(AuthOutcome.Authenticated.class, bearer.authenticate(bearer(token())));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "admin.auth.issuer|https://issuer.test|admin.auth.issuer",
      "admin.auth.base-url|https://issuer.test|admin.auth.base-url",
      "admin.auth.endpoints.enabled|true|admin.auth.endpoints.enabled",
      "admin.auth.endpoints.token-path|/t|admin.auth.endpoints.token-path",
      "admin.auth.token-service-factory|x.Y|admin.auth.token-service-factory",
      "admin.auth.token.signing-alg|RS256|admin.auth.token.signing-alg",
      "admin.auth.token.typ|JWT|admin.auth.token.typ",
      "admin.auth.client.c1.secret|c1-secret-0123456789|admin.auth.client.c1.secret",
      "admin.auth.store.datasource|jdbc/x|admin.auth.store.datasource",
      "admin.auth.rate-limit.token-per-client|10/PT1M|admin.auth.rate-limit.token-per-client",
      "admin.auth.resource-server.colour|blue|admin.auth.resource-server.colour",
      "admin.auth.resource-server.typ|jwt+at|admin.auth.resource-server.typ",
      "admin.auth.resource-server.clock-skew|PT6M|admin.auth.resource-server.clock-skew",
      "admin.auth.resource-server.jwks-uri|https://issuer.test/jwks|admin.auth.resource-server.jwks-file",
      "admin.auth.resource-server.allow-insecure-loopback|true|admin.auth.resource-server.allow-insecure-loopback",
      "admin.auth.resource-server.jwks-file|/no/such/file.json|admin.auth.resource-server.jwks-file",
      "admin.auth.resource-server.jwks-file||admin.auth.resource-server.jwks-uri"})
  void loadWhenSettingCannotBeUsedThenFailsNamingIt(String key, String value, String named) {
    AdminAuthConfigException e = refused(props(key, value));

    assertEquals(named, e.property());
    assertTrue(e.getMessage().startsWith(named + ": "), e.getMessage());
  }

  @Test
  void loadWhenIssuerSetNextToResourceServerThenMessagePointsToTheResourceServerIssuer() {
    AdminAuthConfigException e = refused(props("admin.auth.issuer", ISSUER));

    assertTrue(e.getMessage().contains("admin.auth.resource-server.issuer"), e.getMessage());
  }

  @Test
  void loadWhenResourceServerIssuerMissingThenFailsNamingIt() {
    assertEquals("admin.auth.resource-server.issuer",
        refused(props("admin.auth.resource-server.issuer", null)).property());
  }

  @ParameterizedTest
  @CsvSource({"http://issuer.example.test/jwks,false", "http://127.0.0.1:1/jwks,false",
      "not a url,false", "http://issuer.example.test/jwks,true"})
  void loadWhenJwksUriNotHttpsOrLoopbackAllowedThenFailsNamingIt(String uri, String loopback) {
    AdminAuthConfigException e = refused(props("admin.auth.resource-server.jwks-file", null,
        "admin.auth.resource-server.jwks-uri", uri,
        "admin.auth.resource-server.allow-insecure-loopback", loopback));

    assertEquals("admin.auth.resource-server.jwks-uri", e.property());
  }

  @Test
  void loadWhenJwksUriOnLoopbackAllowedThenBuiltWithoutFetchingYet() {
    AdminAuth auth = AdminAuthProperties.load(props("admin.auth.resource-server.jwks-file", null,
        "admin.auth.resource-server.jwks-uri", "http://127.0.0.1:1/.well-known/jwks.json",
        "admin.auth.resource-server.allow-insecure-loopback", "true"));

    assertEquals(0, auth.servlets().size());
  }

  @Test
  void loadWhenJwksFileHoldsAPrivateKeyThenRefusedWithoutEchoingIt() throws Exception {
    RSAKey withPrivate = new RSAKeyGenerator(2048).keyID("k1").algorithm(JWSAlgorithm.RS256)
        .keyUse(KeyUse.SIGNATURE).generate();
    Path file = dir.resolve("private-jwks.json");
    Files.writeString(file, "{\"keys\":[" + withPrivate.toJSONString() + "]}");

    AdminAuthConfigException e = refused(props("admin.auth.resource-server.jwks-file",
        file.toString()));

    assertEquals("admin.auth.resource-server.jwks-file", e.property());
    assertTrue(e.getMessage().contains("private key material"), e.getMessage());
    assertFalse(e.getMessage().contains(withPrivate.getPrivateExponent().toString()));
  }

  @Test
  void loadWhenTypJwtThenTokensTypedJwtAccepted() throws Exception {
    DefaultTokenService jwtIssuer = DefaultTokenService.builder().issuer(ISSUER)
        .accessTokenType(io.admin.auth.core.AccessTokenType.JWT).build();
    OAuthClient client = jwtIssuer.registerClient(ClientRegistration.of("client-a",
        "s3cr3t-that-is-long-enough-0123456789", Set.of("users:read")));
    String token = ((TokenResult.Issued) jwtIssuer.clientCredentials(client, Optional.empty()))
        .response().accessToken();
    AccessTokenVerifier strict = AccessTokenVerifier.resourceServer().issuer(ISSUER)
        .publicKeys(PublicKeySource.jwkSet(jwtIssuer.jwkSetJson())).build();
    assertInstanceOf(AuthOutcome.Rejected.class, strict.verify(token));

    Path file = dir.resolve("jwt-issuer-jwks.json");
    Files.writeString(file, jwtIssuer.jwkSetJson(), StandardCharsets.UTF_8);
    AdminAuth auth = AdminAuthProperties.load(props("admin.auth.resource-server.jwks-file",
        file.toString(), "admin.auth.resource-server.typ", "JWT"));

    BearerScheme bearer = (BearerScheme) auth.filter().schemes().get(0);
    assertInstanceOf(AuthOutcome.Authenticated.class, bearer.authenticate(bearer(token)));
  }

  @Test
  void builderWhenResourceServerAskedForEndpointsThenRefused() {
    AccessTokenVerifier verifier = AccessTokenVerifier.resourceServer().issuer(ISSUER)
        .publicKeys(PublicKeySource.jwkSet(issuer.jwkSetJson())).build();

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> AdminAuth.resourceServer(verifier).endpoints(true).build());

    assertTrue(e.getMessage().contains("resource server has no endpoints"), e.getMessage());
  }

  @Test
  void configureWhenResourceServerBuilderAndEndpointKeyThenRefused() {
    AccessTokenVerifier verifier = AccessTokenVerifier.resourceServer().issuer(ISSUER)
        .publicKeys(PublicKeySource.jwkSet(issuer.jwkSetJson())).build();
    Properties p = new Properties();
    p.setProperty("admin.auth.endpoints.jwks-path", "/keys");

    AdminAuthConfigException e = assertThrows(AdminAuthConfigException.class,
        () -> AdminAuthProperties.configure(p, AdminAuth.resourceServer(verifier)));

    assertEquals("admin.auth.endpoints.jwks-path", e.property());
  }
}
