package io.admin.auth.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.admin.auth.core.apikey.ApiKeyService;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.core.store.memory.InMemoryApiKeyStore;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The application's own beans replace the starter's: its token service (another issuer, a client
 * registered in code) is the one behind the endpoints and the filter, and its API-key service
 * switches API keys on without {@code admin.auth.api-keys.enabled}.
 */
@SpringBootTest(classes = CustomBeansBootTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"admin.auth.issuer=https://auth.example.test",
        "admin.auth.protected-prefixes=/api",
        "admin.auth.rule.1=GET /api/v3/whoami users:read"})
class CustomBeansBootTest {

  static final String ISSUER = "https://custom.example.test";

  @SpringBootConfiguration
  @EnableAutoConfiguration(excludeName = {TestApps.DATA_SOURCE, TestApps.SECURITY,
      TestApps.USER_DETAILS, TestApps.WEB_SECURITY, TestApps.SECURITY_FILTER})
  @Import(TestApps.Endpoints.class)
  static class App {

    @Bean
    TokenService customTokenService() {
      DefaultTokenService service = DefaultTokenService.builder().issuer(ISSUER).build();
      service.registerClient(ClientRegistration.of("batch", "batch-secret-0123456789",
          Set.of("users:read")));
      return service;
    }

    @Bean
    ApiKeyService customApiKeys() {
      byte[] pepper = new byte[32];
      SecureRandom random = new SecureRandom();
      random.nextBytes(pepper);
      return ApiKeyService.builder().store(new InMemoryApiKeyStore())
          .hasher(SecretHasher.withPepper(pepper)).clock(java.time.Clock.systemUTC()).random(random)
          .build();
    }
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired TokenService tokens;
  @Autowired ApiKeyService apiKeys;

  @Test
  void theApplicationsTokenServiceIssuesAndVerifiesInsteadOfTheDefault() throws Exception {
    assertFalse(context.containsBean("adminAuthTokenService"), "the starter backed off");
    assertSame(context.getBean("customTokenService"), tokens);
    BootHttp http = new BootHttp(port);
    String access = (String) http.clientCredentials("batch", "batch-secret-0123456789",
        "users:read").get("access_token");
    HttpResponse<String> call = http.get("/api/v3/whoami", "Authorization", "Bearer " + access);
    assertEquals(200, call.statusCode(), call.body());
    assertEquals("batch", BootHttp.body(call).get("subject"));
    assertEquals(ISSUER, BootHttp.body(http.get("/.well-known/oauth-authorization-server"))
        .get("issuer"));
  }

  @Test
  void theApplicationsApiKeyServiceSwitchesApiKeysOn() throws Exception {
    assertFalse(context.containsBean("adminAuthApiKeyService"));
    String key = apiKeys.create("bob", "ci", Set.of("users:read"), Duration.ofHours(1)).key();
    HttpResponse<String> call = new BootHttp(port).get("/api/v3/whoami", "X-API-Key", key);
    assertEquals(200, call.statusCode(), call.body());
    assertEquals("bob", BootHttp.body(call).get("subject"));
  }
}
