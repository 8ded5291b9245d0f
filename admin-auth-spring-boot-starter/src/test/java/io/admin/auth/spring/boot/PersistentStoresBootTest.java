package io.admin.auth.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.apikey.ApiKeyService;
import io.admin.auth.core.store.PersistentStores;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * A Boot app with a DataSource (an H2 file database) keeps admin-auth's stores in it: an access
 * token, a refresh token and an API key issued before a restart of the whole context still work
 * after it, because the signing key, the refresh token and the key's hash are in the database
 * under the KEK and peppers that Spring resolved from placeholders.
 */
class PersistentStoresBootTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration(excludeName = {TestApps.SECURITY, TestApps.USER_DETAILS,
      TestApps.WEB_SECURITY, TestApps.SECURITY_FILTER})
  @Import(TestApps.Endpoints.class)
  static class App {}

  @TempDir Path dir;
  private final SecureRandom random = new SecureRandom();

  private String secret() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  private ConfigurableApplicationContext start(Map<String, Object> secrets) {
    return new SpringApplicationBuilder(App.class).web(WebApplicationType.SERVLET)
        .properties(secrets)
        .properties("server.port=0",
            "spring.datasource.url=jdbc:h2:file:" + dir.resolve("auth").toAbsolutePath(),
            "spring.datasource.username=sa",
            "admin.auth.issuer=https://auth.example.test",
            "admin.auth.protected-prefixes=/api",
            "admin.auth.rule.1=GET /api/v3/whoami users:read",
            // The secrets come from elsewhere in Spring's environment (here: the "secrets" map,
            // in production an environment variable), resolved by Spring's placeholders.
            "admin.auth.store.kek=${test.kek}",
            "admin.auth.token.pepper=${test.token-pepper}",
            "admin.auth.api-keys.enabled=true",
            "admin.auth.api-keys.pepper=${test.api-key-pepper}",
            "admin.auth.client.reports.secret=reports-secret-0123456789",
            "admin.auth.client.reports.scopes=users:read")
        .run();
  }

  private static BootHttp http(ConfigurableApplicationContext context) {
    return new BootHttp(((WebServerApplicationContext) context).getWebServer().getPort());
  }

  @Test
  void tokensRefreshTokensAndApiKeysIssuedBeforeARestartStillWorkAfterIt() throws Exception {
    Map<String, Object> secrets = Map.of("test.kek", secret(), "test.token-pepper", secret(),
        "test.api-key-pepper", secret());
    String access;
    String refresh;
    String apiKey;
    try (ConfigurableApplicationContext first = start(secrets)) {
      assertEquals(1, first.getBeanNamesForType(PersistentStores.class).length,
          "the stores are on the application's DataSource");
      Map<String, Object> tokens = http(first).clientCredentials("reports",
          "reports-secret-0123456789", "users:read");
      access = (String) tokens.get("access_token");
      refresh = (String) tokens.get("refresh_token");
      apiKey = first.getBean(ApiKeyService.class)
          .create("alice", "laptop", Set.of("users:read"), Duration.ofDays(1)).key();
    }
    try (ConfigurableApplicationContext second = start(secrets)) {
      BootHttp http = http(second);
      HttpResponse<String> call = http.get("/api/v3/whoami", "Authorization", "Bearer " + access);
      assertEquals(200, call.statusCode(), "the token issued before the restart: " + call.body());
      assertEquals("reports", BootHttp.body(call).get("subject"));
      HttpResponse<String> withKey = http.get("/api/v3/whoami", "X-API-Key", apiKey);
      assertEquals(200, withKey.statusCode(), withKey.body());
      HttpResponse<String> refreshed = http.token("reports", "reports-secret-0123456789",
          "grant_type=refresh_token&refresh_token=" + BootHttp.enc(refresh));
      assertEquals(200, refreshed.statusCode(), refreshed.body());
    }
  }

  @Test
  void aDataSourceWithoutTheTokenPepperFailsTheStartNamingTheProperty() {
    Map<String, Object> secrets = Map.of("test.kek", secret(), "test.token-pepper", "",
        "test.api-key-pepper", secret());
    Throwable e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
        () -> start(secrets).close());
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    assertTrue(root.getMessage().startsWith("admin.auth.token.pepper: is required with"),
        root.getMessage());
  }
}
