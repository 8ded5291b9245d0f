package io.admin.auth.servlet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import jakarta.servlet.ServletContainerInitializer;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The metadata document over HTTP, served from a token service whose client store counts its
 * reads: anonymous requests must not scan the clients, and the library's own {@code api-keys:*}
 * scopes are not published unless configured. Run against every container by a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractMetadataHttpTest {

  private static final String ISSUER = "https://auth.example.test";

  private final CountingClientStore clients = new CountingClientStore();
  private TestServer server;
  private Http http;

  abstract TestServer.Factory container();

  @BeforeAll
  void start() throws Exception {
    DefaultTokenService tokens = DefaultTokenService.builder()
        .issuer(ISSUER)
        .clientStore(clients)
        .random(new SecureRandom())
        .build();
    tokens.registerClient(ClientRegistration.of("client-admin", "secret-admin-0123456789abcdef",
        Set.of("users:read", "api-keys:manage", "api-keys:admin")));
    AdminAuth auth = AdminAuth.builder(tokens)
        .accessPolicy(AccessPolicy.builder().protectedPrefix("/api").build())
        .build();
    ServletContainerInitializer app = (classes, ctx) -> {
      auth.register(ctx);
      ctx.addServlet("echo", new EchoServlet()).addMapping("/");
    };
    server = container().start("", app);
    http = new Http(server.base());
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  @Test
  void metadataWhenRequestedRepeatedlyThenClientsAreNotScannedPerRequest() throws Exception {
    assertEquals(200, http.get("/.well-known/openid-configuration").statusCode());
    int scansAfterFirst = clients.findAllCalls();
    for (int i = 0; i < 20; i++) {
      assertEquals(200, http.get("/.well-known/oauth-authorization-server").statusCode());
      assertEquals(200, http.get("/.well-known/openid-configuration").statusCode());
    }
    assertEquals(scansAfterFirst, clients.findAllCalls(), "client scans during 40 requests");
    assertEquals(0, clients.findByIdCalls());
  }

  @Test
  void metadataWhenSignInNotConfiguredThenNoSignInMembers() throws Exception {
    Map<String, Object> doc = Http.body(http.get("/.well-known/openid-configuration"));

    for (String member : List.of("authorization_endpoint", "userinfo_endpoint",
        "end_session_endpoint", "response_modes_supported", "subject_types_supported",
        "id_token_signing_alg_values_supported", "code_challenge_methods_supported",
        "claims_supported", "authorization_response_iss_parameter_supported")) {
      assertFalse(doc.containsKey(member), member);
    }
    assertEquals(List.of(), doc.get("response_types_supported"));
    assertEquals(List.of("client_credentials", "refresh_token"), doc.get("grant_types_supported"));
    assertEquals(List.of("client_secret_basic", "client_secret_post"),
        doc.get("token_endpoint_auth_methods_supported"));
  }

  @Test
  void metadataWhenScopesNotConfiguredThenLibraryScopesAreNotPublished() throws Exception {
    HttpResponse<String> r = http.get("/.well-known/oauth-authorization-server");

    assertEquals(200, r.statusCode());
    Map<String, Object> doc = Http.body(r);
    assertFalse(String.valueOf(doc.get("scopes_supported")).contains("api-keys:"), r.body());
  }
}
