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
  void metadataWhenScopesNotConfiguredThenLibraryScopesAreNotPublished() throws Exception {
    HttpResponse<String> r = http.get("/.well-known/oauth-authorization-server");

    assertEquals(200, r.statusCode());
    Map<String, Object> doc = Http.body(r);
    assertFalse(String.valueOf(doc.get("scopes_supported")).contains("api-keys:"), r.body());
  }
}
