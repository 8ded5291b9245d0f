package io.admin.auth.servlet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.issue.TokenResult;
import io.admin.auth.core.key.SigningKeys;
import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.store.memory.InMemorySigningKeyStore;
import io.admin.auth.core.verify.AccessTokenVerifier;
import io.admin.auth.servlet.internal.FakeRequest;
import io.admin.auth.servlet.scheme.BearerScheme;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a test configuration reaches a resource server: {@code ${sys:...}} references read JVM
 * system properties, and tokens signed by a test key ({@code kid} {@code test-...}) are refused
 * unless {@code admin.auth.resource-server.accept-test-keys} is {@code true}.
 */
class ResourceServerTestKeysPropertiesTest {

  private static final String ISSUER = "https://issuer.test";
  private static final String JWKS_PROPERTY = "admin.auth.servlet.test.jwks-file";

  @TempDir
  static Path dir;
  private static String token;
  private static Path jwks;

  @BeforeAll
  static void issuerWithATestKey() throws Exception {
    SigningKey random = new SigningKeys(new SecureRandom())
        .generate(SigningAlgorithm.ES256, KeyState.ACTIVE, Instant.now());
    SigningKey test = new SigningKey(AccessTokenVerifier.TEST_KEY_ID_PREFIX + random.kid(),
        random.algorithm(), random.state(), random.createdAt(), random.activatedAt(),
        random.retiredAt(), random.signingKey(), random.verificationKey());
    InMemorySigningKeyStore keys = new InMemorySigningKeyStore();
    keys.add(test);
    DefaultTokenService issuer = DefaultTokenService.builder().issuer(ISSUER)
        .signingAlgorithm(SigningAlgorithm.ES256).keyStore(keys).acceptTestKeys(true).build();
    OAuthClient client = issuer.registerClient(ClientRegistration.of("client-a",
        "s3cr3t-that-is-long-enough-0123456789", Set.of("users:read")));
    token = assertInstanceOf(TokenResult.Issued.class,
        issuer.clientCredentials(client, Optional.empty())).response().accessToken();
    jwks = dir.resolve("test-jwks.json");
    Files.writeString(jwks, issuer.jwkSetJson(), StandardCharsets.UTF_8);
  }

  @AfterEach
  void clearProperty() {
    System.clearProperty(JWKS_PROPERTY);
  }

  private static Properties props(String acceptTestKeys) {
    Properties p = new Properties();
    p.setProperty("admin.auth.resource-server.issuer", ISSUER);
    p.setProperty("admin.auth.resource-server.jwks-file", "${sys:" + JWKS_PROPERTY + "}");
    if (acceptTestKeys != null) {
      p.setProperty("admin.auth.resource-server.accept-test-keys", acceptTestKeys);
    }
    return p;
  }

  private static AuthOutcome verify(Properties p) {
    BearerScheme bearer = (BearerScheme) AdminAuthProperties.load(p).filter().schemes().get(0);
    return bearer.authenticate(FakeRequest.of(Map.of("Authorization", "Bearer " + token), null,
        new byte[0], 0));
  }

  @Test
  void loadWhenSystemPropertyReferencedAndTestKeysAcceptedThenTestTokenAuthenticated() {
    System.setProperty(JWKS_PROPERTY, jwks.toString());
    assertInstanceOf(AuthOutcome.Authenticated.class, verify(props("true")));
  }

  @Test
  void loadWhenTestKeysNotAcceptedThenTestTokenRefusedAsInvalid() {
    System.setProperty(JWKS_PROPERTY, jwks.toString());
    AuthOutcome.Rejected r = assertInstanceOf(AuthOutcome.Rejected.class, verify(props(null)));
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, r.error().code());
    assertInstanceOf(AuthOutcome.Rejected.class, verify(props("false")));
  }

  @Test
  void loadWhenReferencedSystemPropertyUnsetThenFailsNamingThePropertyAndTheReference() {
    AdminAuthConfigException e = assertThrows(AdminAuthConfigException.class,
        () -> AdminAuthProperties.load(props("true")));
    assertEquals("admin.auth.resource-server.jwks-file", e.property());
    assertTrue(e.getMessage().contains(JWKS_PROPERTY), e.getMessage());
  }

  @Test
  void loadWhenAcceptTestKeysNotABooleanThenFailsNamingIt() {
    System.setProperty(JWKS_PROPERTY, jwks.toString());
    assertEquals("admin.auth.resource-server.accept-test-keys",
        assertThrows(AdminAuthConfigException.class,
            () -> AdminAuthProperties.load(props("yes"))).property());
  }
}
