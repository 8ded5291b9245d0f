package io.admin.auth.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.apikey.ApiKeyService;
import io.admin.auth.core.apikey.IssuedApiKey;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.core.verify.BearerTokenVerifier;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The guide's flow over HTTP in a Boot app configured only by {@code guide.yml}: client
 * credentials give an access and a refresh token, the access token opens a protected controller,
 * refreshing rotates, the old refresh token is then refused as reuse, the JWK Set is public; the
 * token service, verifier and API-key service are beans the application injects.
 */
@SpringBootTest(classes = GuideFlowBootTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=guide")
class GuideFlowBootTest {

  static final String CLIENT = "reports";
  static final String SECRET = "reports-secret-0123456789";

  @SpringBootConfiguration
  // In memory: no DataSource (H2 is on the test class path for the persistent test), no Spring
  // Security (on it for the test that has it).
  @EnableAutoConfiguration(excludeName = {TestApps.DATA_SOURCE,
      TestApps.SECURITY, TestApps.USER_DETAILS, TestApps.WEB_SECURITY, TestApps.SECURITY_FILTER})
  @Import(TestApps.Endpoints.class)
  static class App {}

  @LocalServerPort int port;
  @Autowired TokenService tokens;
  @Autowired BearerTokenVerifier verifier;
  @Autowired ApiKeyService apiKeys;
  BootHttp http;

  @BeforeEach
  void client() {
    http = new BootHttp(port);
  }

  @Test
  void clientCredentialsThenProtectedCallThenRefreshRotatesAndOldRefreshIsReuse()
      throws Exception {
    Map<String, Object> first = http.clientCredentials(CLIENT, SECRET, "users:read");
    String access = (String) first.get("access_token");
    String refresh = (String) first.get("refresh_token");
    assertEquals("Bearer", first.get("token_type"));
    assertEquals(600, ((Number) first.get("expires_in")).intValue(), "access-ttl from the YAML");
    assertTrue(refresh != null && !refresh.isBlank(), first.toString());

    HttpResponse<String> call = http.get("/api/v3/whoami", "Authorization", "Bearer " + access);
    assertEquals(200, call.statusCode(), call.body());
    assertEquals(CLIENT, BootHttp.body(call).get("subject"));
    assertEquals(Boolean.TRUE, BootHttp.body(call).get("reader"));

    HttpResponse<String> rotated = http.token(CLIENT, SECRET,
        "grant_type=refresh_token&refresh_token=" + BootHttp.enc(refresh));
    assertEquals(200, rotated.statusCode(), rotated.body());
    String newRefresh = (String) BootHttp.body(rotated).get("refresh_token");
    assertNotEquals(refresh, newRefresh, "refreshing rotates the refresh token");
    String newAccess = (String) BootHttp.body(rotated).get("access_token");
    assertEquals(200, http.get("/api/v3/whoami", "Authorization", "Bearer " + newAccess)
        .statusCode());

    HttpResponse<String> reuse = http.token(CLIENT, SECRET,
        "grant_type=refresh_token&refresh_token=" + BootHttp.enc(refresh));
    assertEquals(400, reuse.statusCode(), reuse.body());
    assertEquals("invalid_grant", BootHttp.body(reuse).get("error"));
    assertEquals("AUTH_REFRESH_TOKEN_REUSED", BootHttp.body(reuse).get("code"));
  }

  @Test
  void protectedPathWithoutCredentialIsTheContractsJson401NotSpringsErrorPage()
      throws Exception {
    HttpResponse<String> r = http.get("/api/v3/whoami");
    assertEquals(401, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals("AUTH_CREDENTIALS_MISSING", BootHttp.body(r).get("code"));
    assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    HttpResponse<String> wrongScope = http.get("/api/v3/whoami", "Authorization", "Bearer "
        + http.clientCredentials(CLIENT, SECRET, "users:write").get("access_token"));
    assertEquals(403, wrongScope.statusCode(), wrongScope.body());
  }

  @Test
  void jwkSetAndPublicPathsNeedNoCredential() throws Exception {
    HttpResponse<String> jwks = http.get("/.well-known/jwks.json");
    assertEquals(200, jwks.statusCode(), jwks.body());
    List<?> keys = (List<?>) BootHttp.body(jwks).get("keys");
    assertFalse(keys.isEmpty());
    assertFalse(((Map<?, ?>) keys.get(0)).containsKey("d"), "public keys only");
    assertEquals("pong", http.get("/public/ping").body());
    HttpResponse<String> metadata = http.get("/.well-known/oauth-authorization-server");
    assertEquals("https://auth.example.test", BootHttp.body(metadata).get("issuer"));
  }

  @Test
  void tokenServiceVerifierAndApiKeyServiceAreTheBeansBehindTheFilter() throws Exception {
    assertSame(tokens, verifier, "the token service verifies its own tokens");
    String access = (String) http.clientCredentials(CLIENT, SECRET, "users:read")
        .get("access_token");
    assertInstanceOf(AuthOutcome.Authenticated.class, verifier.verify(access));

    IssuedApiKey key = apiKeys.create("alice", "laptop", Set.of("users:read"),
        Duration.ofDays(1));
    HttpResponse<String> call = http.get("/api/v3/whoami", "X-API-Key", key.key());
    assertEquals(200, call.statusCode(), call.body());
    assertEquals("alice", BootHttp.body(call).get("subject"));
  }
}
