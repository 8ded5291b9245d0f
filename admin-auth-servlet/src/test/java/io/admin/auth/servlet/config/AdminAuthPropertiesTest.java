package io.admin.auth.servlet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.servlet.scheme.ApiKeyScheme;
import io.admin.auth.servlet.scheme.BasicScheme;
import io.admin.auth.servlet.scheme.BearerScheme;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdminAuthPropertiesTest {

  private static Properties props(String... kv) {
    Properties p = new Properties();
    p.setProperty("admin.auth.issuer", "https://issuer.test");
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return p;
  }

  @Test
  void loadWhenMinimalThenEndpointsAndBearerWithTheDefaultTokenService() {
    AdminAuth auth = AdminAuthProperties.load(props(
        "admin.auth.client.c1.secret", "c1-secret-0123456789", "admin.auth.client.c1.scopes", "a b"));
    assertEquals(6, auth.servlets().size());
    assertInstanceOf(BearerScheme.class, auth.filter().schemes().get(0));
  }

  @ParameterizedTest
  @CsvSource({"JWT,JWT", "jwt,JWT", "at+jwt,at+jwt"})
  void createWhenTokenTypSetThenIssuedTokensCarryIt(String typ, String header) {
    io.admin.auth.core.issue.TokenService tokens = new DefaultTokenServiceFactory().create(props(
        "admin.auth.token.typ", typ, "admin.auth.client.c1.secret", "c1-secret-0123456789"));
    var client = ((io.admin.auth.core.issue.ClientAuthentication.Succeeded)
        tokens.authenticateClient("c1", "c1-secret-0123456789")).client();
    String token = ((io.admin.auth.core.issue.TokenResult.Issued)
        tokens.clientCredentials(client, java.util.Optional.empty())).response().accessToken();

    String json = new String(java.util.Base64.getUrlDecoder()
        .decode(token.substring(0, token.indexOf('.'))), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(json.contains("\"typ\":\"" + header + "\""), json);
    assertInstanceOf(io.admin.auth.core.AuthOutcome.Authenticated.class, tokens.verify(token));
  }

  @Test
  void loadWhenEndpointsDisabledAndPathsMovedThenHonoured() {
    AdminAuth auth = AdminAuthProperties.load(props("admin.auth.endpoints.enabled", "false"));
    assertEquals(0, auth.servlets().size());
    AdminAuth moved = AdminAuthProperties.load(props("admin.auth.endpoints.token-path", "/oauth/token"));
    assertTrue(moved.servlets().containsKey("/oauth/token"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "admin.auth.require-http|true|admin.auth.require-http",
      "admin.auth.require-https|yes|admin.auth.require-https",
      "admin.auth.bearer.enabled|1|admin.auth.bearer.enabled",
      "admin.auth.trusted-proxies|10.0.0.1|admin.auth.trusted-proxies",
      "admin.auth.rule.first|GET /x|admin.auth.rule.first",
      "admin.auth.rule.1|GET|admin.auth.rule.1",
      "admin.auth.rule.2|GET /x/**/y a|admin.auth.rule.2",
      "admin.auth.rule.3|GET POST /x|admin.auth.rule.3",
      "admin.auth.protected-prefixes|api|admin.auth.protected-prefixes",
      "admin.auth.public-paths|/a//b|admin.auth.public-paths",
      "admin.auth.endpoints.token-path|token|admin.auth.endpoints.token-path",
      "admin.auth.endpoints.max-request-bytes|lots|admin.auth.endpoints.max-request-bytes",
      "admin.auth.endpoints.max-request-bytes|10|admin.auth.endpoints.max-request-bytes",
      "admin.auth.endpoints.cache-max-age|5 minutes|admin.auth.endpoints.cache-max-age",
      "admin.auth.base-url|ftp://x|admin.auth.base-url",
      "admin.auth.token-service-factory|java.lang.String|admin.auth.token-service-factory",
      "admin.auth.token-service-factory|no.such.Factory|admin.auth.token-service-factory",
      "admin.auth.token.signing-alg|HS256|admin.auth.token.signing-alg",
      "admin.auth.token.signing-alg|none|admin.auth.token.signing-alg",
      "admin.auth.token.access-ttl|PT2H|admin.auth.token.access-ttl",
      "admin.auth.token.refresh-ttl|30 days|admin.auth.token.refresh-ttl",
      "admin.auth.token.pepper|c2hvcnQ=|admin.auth.token.pepper",
      "admin.auth.token.colour|blue|admin.auth.token.colour",
      "admin.auth.client.c1.scopes|a|admin.auth.client.c1.secret",
      "admin.auth.client.c1.secret|short|admin.auth.client.c1.secret",
      "admin.auth.client.c1.colour|blue|admin.auth.client.c1.colour",
      "admin.auth.basic.enabled|yes|admin.auth.basic.enabled",
      "admin.auth.basic.cache-ttl|PT30S|admin.auth.basic.cache-ttl",
      "admin.auth.user.alice.password-hash|$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA|admin.auth.user.alice.password-hash",
      "admin.auth.user.alice|x|admin.auth.user.alice",
      "admin.auth.user.alice.colour|blue|admin.auth.user.alice.colour",
      "admin.auth.api-keys.enabled|on|admin.auth.api-keys.enabled",
      "admin.auth.api-keys.path|/api/keys|admin.auth.api-keys.path",
      "admin.auth.api-keys.pepper|c2hvcnQ=|admin.auth.api-keys.pepper",
      "admin.auth.api-keys.max-expires-in|P365D|admin.auth.api-keys.max-expires-in",
      "admin.auth.api-keys.default-expires-in|P90D|admin.auth.api-keys.default-expires-in",
      "admin.auth.rate-limit.token-per-client|60 per minute|admin.auth.rate-limit.token-per-client",
      "admin.auth.rate-limit.token-per-address|0/PT1M|admin.auth.rate-limit.token-per-address",
      "admin.auth.rate-limit.per-principal|10/PT0S|admin.auth.rate-limit.per-principal",
      "admin.auth.rate-limits.token|10/PT1M|admin.auth.rate-limits.token",
      "admin.auth.endpoints.cache-max-age|-PT1S|admin.auth.endpoints.cache-max-age",
      "admin.auth.token.clock-skew|PT10M|admin.auth.token.clock-skew",
      "admin.auth.token.clock-skew|-PT1S|admin.auth.token.clock-skew",
      "admin.auth.token.access-ttl|PT0S|admin.auth.token.access-ttl",
      "admin.auth.token.refresh-ttl|-P1D|admin.auth.token.refresh-ttl",
      "admin.auth.token.pepper|not*base64|admin.auth.token.pepper",
      "admin.auth.client.c1.grants|password|admin.auth.client.c1.grants",
      "admin.auth.client.c1.grants|' '|admin.auth.client.c1.grants",
      "admin.auth.client.c1.scopes|a\\b|admin.auth.client.c1.scopes",
      "admin.auth.client.c1.access-ttl|PT2H|admin.auth.client.c1.access-ttl",
      "admin.auth.client.c1.refresh-ttl|PT0S|admin.auth.client.c1.refresh-ttl",
      "admin.auth.client.c1.refresh-for-client-credentials|yes|admin.auth.client.c1.refresh-for-client-credentials",
      "admin.auth.endpoints.enabled|yes|admin.auth.endpoints.enabled",
      "admin.auth.token.typ|application/jwt|admin.auth.token.typ"})
  void loadWhenPropertyInvalidThenFailsNamingIt(String key, String value, String named) {
    Properties p = props(key, value);
    if (key.startsWith("admin.auth.client.c1.") && !named.endsWith(".secret")) {
      p.setProperty("admin.auth.client.c1.secret", "c1-secret-0123456789");
    }
    AdminAuthConfigException e = assertThrows(AdminAuthConfigException.class,
        () -> AdminAuthProperties.load(p));
    assertEquals(named, e.property());
    assertTrue(e.getMessage().startsWith(named + ": "), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "admin.auth.token.pepper|c2hvcnQ=", "admin.auth.token.pepper|not*base64-0123456789",
      "admin.auth.api-keys.pepper|c2hvcnQ=", "admin.auth.client.c1.secret|short-one",
      "admin.auth.client.c1.secret-hash|hmac-sha256:not-a-hash-of-the-right-length"})
  void loadWhenSecretInvalidThenMessageNeverEchoesIt(String key, String value) {
    Properties p = props(key, value);
    if (key.contains("api-keys")) {
      p.setProperty("admin.auth.api-keys.enabled", "true");
    }
    AdminAuthConfigException e = assertThrows(AdminAuthConfigException.class,
        () -> AdminAuthProperties.load(p));
    assertEquals(key, e.property());
    assertFalse(e.getMessage().contains(value), e.getMessage());
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains(value), t.toString());
    }
  }

  @Test
  void loadWhenBooleansInAnyCaseThenRead() {
    AdminAuth off = AdminAuthProperties.load(props("admin.auth.endpoints.enabled", "FALSE"));
    AdminAuth on = AdminAuthProperties.load(props("admin.auth.endpoints.enabled", "True",
        "admin.auth.client.c1.secret", "c1-secret-0123456789",
        "admin.auth.client.c1.refresh-for-client-credentials", "FALSE",
        "admin.auth.basic.enabled", "TRUE", "admin.auth.user.alice.disabled", "False",
        "admin.auth.user.alice.password-hash",
        "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"));
    assertEquals(0, off.servlets().size());
    assertEquals(6, on.servlets().size());
    assertInstanceOf(BasicScheme.class, on.filter().schemes().get(1));
    AdminAuthConfigException e = assertThrows(AdminAuthConfigException.class,
        () -> AdminAuthProperties.load(props("admin.auth.basic.enabled", "true",
            "admin.auth.user.alice.disabled", "yes", "admin.auth.user.alice.password-hash",
            "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")));
    assertEquals("admin.auth.user.alice.disabled: expected true or false, was 'yes'",
        e.getMessage());
  }

  @Test
  void loadWhenFederationSettingWrongThenSameTypeAsEveryOtherConfigError() {
    AdminAuthConfigException e = assertThrows(AdminAuthConfigException.class,
        () -> AdminAuthProperties.load(props("admin.auth.federation.issuers", "kc")));
    assertEquals("admin.auth.federation.issuer.kc.url", e.property());
    assertInstanceOf(io.admin.auth.core.config.ConfigException.class, e);
    assertInstanceOf(io.admin.auth.core.federation.FederationConfigException.class, e.getCause());
  }

  @Test
  void loadWhenNotConfiguredThenBasicAndApiKeysAreOff() {
    AdminAuth auth = AdminAuthProperties.load(props());
    assertEquals(1, auth.filter().schemes().size());
    assertInstanceOf(BearerScheme.class, auth.filter().schemes().get(0));
    assertEquals(6, auth.servlets().size());
  }

  @Test
  void loadWhenApiKeysAndBasicEnabledThenSchemesInOrderAndManagementEndpointsMapped() {
    AdminAuth auth = AdminAuthProperties.load(props("admin.auth.api-keys.enabled", "true",
        "admin.auth.api-keys.path", "/api/v1/keys", "admin.auth.basic.enabled", "true",
        "admin.auth.user.alice.password-hash",
        "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "admin.auth.user.alice.scopes", "users:read", "admin.auth.rate-limit.per-principal", "off",
        "admin.auth.rate-limit.token-per-client", "10/PT1M"));
    assertEquals(List.of(BearerScheme.class, ApiKeyScheme.class, BasicScheme.class),
        auth.filter().schemes().stream().map(Object::getClass).toList());
    assertTrue(auth.servlets().containsKey("/api/v1/keys"));
    assertTrue(auth.servlets().containsKey("/api/v1/keys/*"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "admin.auth.api-keys.max-expires-in|P3661D|admin.auth.api-keys.max-expires-in",
      "admin.auth.api-keys.max-expires-in|PT0S|admin.auth.api-keys.max-expires-in",
      "admin.auth.api-keys.max-expires-in|1 year|admin.auth.api-keys.max-expires-in",
      "admin.auth.api-keys.default-expires-in|P366D|admin.auth.api-keys.default-expires-in",
      "admin.auth.api-keys.default-expires-in|-P1D|admin.auth.api-keys.default-expires-in"})
  void loadWhenApiKeyLifetimeInvalidThenFailsNamingIt(String key, String value, String named) {
    Properties p = props(key, value);
    p.setProperty("admin.auth.api-keys.enabled", "true");
    AdminAuthConfigException e = assertThrows(AdminAuthConfigException.class,
        () -> AdminAuthProperties.load(p));
    assertEquals(named, e.property());
  }

  @Test
  void loadWhenUserHashMalformedThenMessageNeverEchoesIt() {
    AdminAuthConfigException e = assertThrows(AdminAuthConfigException.class,
        () -> AdminAuthProperties.load(props("admin.auth.basic.enabled", "true",
            "admin.auth.user.bob.password-hash", "plaintext-secret")));
    assertEquals("admin.auth.user.bob.password-hash", e.property());
    assertFalse(e.getMessage().contains("plaintext-secret"), e.getMessage());
  }

  @Test
  void loadWhenIssuerMissingThenFailsNamingIt() {
    Properties p = new Properties();
    AdminAuthConfigException e = assertThrows(AdminAuthConfigException.class,
        () -> AdminAuthProperties.load(p));
    assertEquals("admin.auth.issuer", e.property());
  }

  @Test
  void loadWhenClientListedThenItCanAuthenticate() {
    Properties p = props("admin.auth.client.svc.one.secret", "svc-secret-0123456789",
        "admin.auth.client.svc.one.scopes", "users:read, users:write",
        "admin.auth.client.svc.one.grants", "client_credentials");
    DefaultTokenService tokens = (DefaultTokenService) new DefaultTokenServiceFactory().create(p);
    assertInstanceOf(io.admin.auth.core.issue.ClientAuthentication.Succeeded.class,
        tokens.authenticateClient("svc.one", "svc-secret-0123456789"));
    assertEquals(java.util.Set.of("users:read", "users:write"), tokens.scopesSupported());
  }

  @Test
  void loadWhenScopesSupportedSetThenMetadataPublishesExactlyThem() {
    Properties p = props("admin.auth.client.c1.secret", "c1-secret-0123456789abc",
        "admin.auth.client.c1.scopes", "users:read, api-keys:admin",
        "admin.auth.endpoints.scopes-supported", "users:read users:write, api-keys:manage");
    AdminAuth auth = AdminAuthProperties.load(p);
    var metadata = (io.admin.auth.servlet.endpoint.internal.MetadataServlet)
        auth.servlets().get(auth.paths().authorizationServerMetadata());

    assertEquals(List.of("api-keys:manage", "users:read", "users:write"),
        metadata.document().get("scopes_supported"));
  }

  @Test
  void loadWhenScopesSupportedNotSetThenMetadataHasNoScopes() {
    AdminAuth auth = AdminAuthProperties.load(props("admin.auth.client.c1.secret",
        "c1-secret-0123456789abc", "admin.auth.client.c1.scopes", "users:read, api-keys:admin"));
    var metadata = (io.admin.auth.servlet.endpoint.internal.MetadataServlet)
        auth.servlets().get(auth.paths().authorizationServerMetadata());

    assertFalse(metadata.document().containsKey("scopes_supported"));
  }

  private static final String PEPPER_B64 = "QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI=";

  private static String hashUnderTestPepper(String secret) {
    return io.admin.auth.core.crypto.SecretHasher.withPepper(
        java.util.Base64.getDecoder().decode(PEPPER_B64)).hash(secret);
  }

  @Test
  void loadWhenClientDeclaredBySecretHashThenTheSecretAuthenticates() {
    Properties p = props("admin.auth.token.pepper", PEPPER_B64,
        "admin.auth.client.svc.secret-hash", hashUnderTestPepper("svc-secret-0123456789"),
        "admin.auth.client.svc.scopes", "users:read");
    DefaultTokenService tokens = (DefaultTokenService) new DefaultTokenServiceFactory().create(p);
    assertInstanceOf(io.admin.auth.core.issue.ClientAuthentication.Succeeded.class,
        tokens.authenticateClient("svc", "svc-secret-0123456789"));
    assertInstanceOf(io.admin.auth.core.issue.ClientAuthentication.Failed.class,
        tokens.authenticateClient("svc", "svc-secret-0123456789x"));
    assertEquals(java.util.Set.of("users:read"), tokens.scopesSupported());
  }

  @Test
  void loadWhenSecretHashWithoutPepperThenRefusedNamingBoth() {
    Properties p = props("admin.auth.client.svc.secret-hash",
        hashUnderTestPepper("svc-secret-0123456789"));
    AdminAuthConfigException e = assertThrows(AdminAuthConfigException.class,
        () -> new DefaultTokenServiceFactory().create(p));
    assertEquals("admin.auth.client.svc.secret-hash", e.property());
    assertTrue(e.getMessage().contains("needs admin.auth.token.pepper"), e.getMessage());
  }

  @Test
  void loadWhenBothSecretAndSecretHashThenRefused() {
    Properties p = props("admin.auth.token.pepper", PEPPER_B64,
        "admin.auth.client.svc.secret", "svc-secret-0123456789",
        "admin.auth.client.svc.secret-hash", hashUnderTestPepper("svc-secret-0123456789"));
    AdminAuthConfigException e = assertThrows(AdminAuthConfigException.class,
        () -> new DefaultTokenServiceFactory().create(p));
    assertEquals("admin.auth.client.svc.secret-hash", e.property());
  }

  @Test
  void loadWhenSecretsFromFilesThenReadAndNeverEchoedWhenWrong(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Path secret = dir.resolve("client-secret");
    java.nio.file.Files.writeString(secret, "svc-secret-from-a-file-0123\n");
    Properties p = props("admin.auth.client.svc.secret", "${file:" + secret + "}");
    DefaultTokenService tokens = (DefaultTokenService) new DefaultTokenServiceFactory().create(p);
    assertInstanceOf(io.admin.auth.core.issue.ClientAuthentication.Succeeded.class,
        tokens.authenticateClient("svc", "svc-secret-from-a-file-0123"));

    java.nio.file.Files.writeString(secret, "short-in-file");
    AdminAuthConfigException e = assertThrows(AdminAuthConfigException.class,
        () -> new DefaultTokenServiceFactory().create(p));
    assertEquals("admin.auth.client.svc.secret", e.property());
    assertFalse(e.getMessage().contains("short-in-file"), e.getMessage());
  }

  @Test
  void loadWhenEnvironmentVariableMissingThenStartFailsNamingPropertyAndVariable() {
    Properties p = props("admin.auth.token.pepper", "${env:ADMIN_AUTH_TEST_SURELY_UNSET_42}");
    AdminAuthConfigException e = assertThrows(AdminAuthConfigException.class,
        () -> AdminAuthProperties.load(p));
    assertEquals("admin.auth.token.pepper", e.property());
    assertTrue(e.getMessage().contains("environment variable 'ADMIN_AUTH_TEST_SURELY_UNSET_42'"),
        e.getMessage());
  }

  @Test
  void loadWhenJndiReferenceOutsideAContainerThenStartFailsNamingTheEntry() {
    Properties p = props("admin.auth.token.pepper", "${jndi:java:comp/env/admin-auth/pepper}");
    AdminAuthConfigException e = assertThrows(AdminAuthConfigException.class,
        () -> AdminAuthProperties.load(p));
    assertTrue(e.getMessage().contains("JNDI entry 'java:comp/env/admin-auth/pepper'"),
        e.getMessage());
  }
}
