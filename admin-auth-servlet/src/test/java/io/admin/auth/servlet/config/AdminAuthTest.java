package io.admin.auth.servlet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.apikey.ApiKeyService;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.store.memory.InMemoryApiKeyStore;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.endpoint.ApiKeysServlet;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Build-time checks of {@link AdminAuth} for the API key wiring. */
class AdminAuthTest {

  private static final TokenService TOKENS =
      DefaultTokenService.builder().issuer("https://issuer.test").build();

  private static ApiKeyService keys() {
    byte[] pepper = new byte[32];
    new SecureRandom().nextBytes(pepper);
    return ApiKeyService.builder().store(new InMemoryApiKeyStore())
        .hasher(SecretHasher.withPepper(pepper)).build();
  }

  @Test
  void buildWhenPolicyMakesManagementPathPublicThenFails() {
    AdminAuth.Builder b = AdminAuth.builder(TOKENS).apiKeys(keys())
        .accessPolicy(AccessPolicy.builder().publicPath("/api/**").build());
    IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
    assertTrue(e.getMessage().contains("/api/v3/api-keys"), e.getMessage());
  }

  @Test
  void buildWhenApiKeysOnThenBothMappingsServedByManagementServlets() {
    AdminAuth auth = AdminAuth.builder(TOKENS).apiKeys(keys()).build();
    assertTrue(auth.servlets().get("/api/v3/api-keys") instanceof ApiKeysServlet);
    assertTrue(auth.servlets().get("/api/v3/api-keys/*") instanceof ApiKeysServlet);
    assertEquals(8, auth.servlets().size());
  }

  @Test
  void buildWhenManagementEndpointsOffThenOnlyTheScheme() {
    AdminAuth auth = AdminAuth.builder(TOKENS).apiKeys(keys()).apiKeyEndpoints(false).build();
    assertEquals(6, auth.servlets().size());
    assertEquals(2, auth.filter().schemes().size());
  }

  @Test
  void apiKeysPathWhenNotAnExactPathThenRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> AdminAuth.builder(TOKENS).apiKeysPath("/api/../keys"));
    assertThrows(IllegalArgumentException.class,
        () -> AdminAuth.builder(TOKENS).apiKeysPath("/api/keys/*"));
  }
}
