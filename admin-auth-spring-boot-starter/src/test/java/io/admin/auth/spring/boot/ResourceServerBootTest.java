package io.admin.auth.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.admin.auth.core.issue.ClientAuthentication;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.TokenResult;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.core.verify.AccessTokenVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code admin.auth.resource-server.*} in the starter: a Boot app that only verifies the issuer's
 * tokens with its public JWK Set, with no token service, no endpoints and no stores.
 */
@SpringBootTest(classes = ResourceServerBootTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"admin.auth.protected-prefixes=/api",
        "admin.auth.rule.1=GET /api/v3/whoami users:read",
        "admin.auth.resource-server.issuer=https://auth.example.test",
        "admin.auth.resource-server.audience=orders-api"})
class ResourceServerBootTest {

  /** The issuer, elsewhere: only its public JWK Set reaches the resource server, as a file. */
  static final DefaultTokenService ISSUER = issuer();

  @SpringBootConfiguration
  @EnableAutoConfiguration(excludeName = {TestApps.SECURITY, TestApps.USER_DETAILS,
      TestApps.WEB_SECURITY, TestApps.SECURITY_FILTER})
  @Import(TestApps.Endpoints.class)
  static class App {}

  private static DefaultTokenService issuer() {
    DefaultTokenService service = DefaultTokenService.builder()
        .issuer("https://auth.example.test").audience("orders-api").build();
    service.registerClient(ClientRegistration.of("orders", "orders-secret-0123456789",
        Set.of("users:read")));
    return service;
  }

  @DynamicPropertySource
  static void jwkSet(DynamicPropertyRegistry registry) {
    try {
      Path file = Files.createTempFile("issuer-jwks", ".json");
      file.toFile().deleteOnExit();
      Files.writeString(file, ISSUER.jwkSetJson());
      registry.add("admin.auth.resource-server.jwks-file", file::toString);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired AccessTokenVerifier verifier;

  @Test
  void theIssuersTokensOpenTheProtectedPathAndNothingElseIsIssuedHere() throws Exception {
    var client = ((ClientAuthentication.Succeeded)
        ISSUER.authenticateClient("orders", "orders-secret-0123456789")).client();
    String access = ((TokenResult.Issued) ISSUER.clientCredentials(client,
        Optional.of("users:read"))).response().accessToken();
    BootHttp http = new BootHttp(port);
    HttpResponse<String> call = http.get("/api/v3/whoami", "Authorization", "Bearer " + access);
    assertEquals(200, call.statusCode(), call.body());
    assertEquals("orders", BootHttp.body(call).get("subject"));
    assertEquals(401, http.get("/api/v3/whoami", "Authorization", "Bearer x.y.z").statusCode());
    assertEquals(0, context.getBeanNamesForType(TokenService.class).length, "no token service");
    assertFalse(context.containsBean("adminAuthStores"), "no stores, although H2 is there");
    assertEquals("https://auth.example.test", verifier.issuer());
    assertEquals(404, http.get("/.well-known/jwks.json").statusCode(), "no endpoints");
  }
}
