package io.admin.auth.servlet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.issue.TokenResult;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.verify.AccessTokenVerifier;
import io.admin.auth.core.verify.PublicKeySource;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How an API node that only verifies wires admin-auth in code: the issuer's public JWK Set (here
 * a file; the issuer's JWKS URL works the same through {@code RemoteJwkSetCache}), a verifier on
 * it, and the filter with no token endpoint and no private key.
 */
class ResourceServerWiringExampleTest {

  @TempDir
  Path dir;

  @Test
  void exampleWhenIssuersTokenPresentedThenTheResourceServerAcceptsIt() throws Exception {
    // Elsewhere, on the issuer: its public keys are what it serves at /.well-known/jwks.json.
    DefaultTokenService issuer = DefaultTokenService.builder().issuer("https://auth.example.com")
        .build();
    Path jwks = Files.writeString(dir.resolve("issuer-jwks.json"), issuer.jwkSetJson());
    OAuthClient reporting = issuer.registerClient(ClientRegistration.of("reporting",
        "reporting-secret-0123456789", Set.of("users:read")));
    String token = ((TokenResult.Issued) issuer.clientCredentials(reporting, Optional.empty()))
        .response().accessToken();

    // The resource server: public keys only.
    AdminAuth auth = AdminAuth.resourceServer(AccessTokenVerifier.resourceServer()
            .issuer("https://auth.example.com")
            .publicKeys(PublicKeySource.jwkSetFile(jwks))
            .build())
        .accessPolicy(AccessPolicy.builder()
            .protectedPrefix("/api")
            .rule("GET", "/api/v3/users", "users:read")
            .build())
        .build();

    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServletContainerInitializer((classes, ctx) -> {
      auth.register(ctx);
      ctx.addServlet("users", new HttpServlet() {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
          res.getWriter().print(req.getRemoteUser());
        }
      }).addMapping("/api/v3/users");
    });
    server.setHandler(context);
    server.start();
    try {
      HttpResponse<String> users = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/api/v3/users"))
          .header("Authorization", "Bearer " + token).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, users.statusCode());
      assertEquals("reporting", users.body());
      assertEquals(0, auth.servlets().size());
    } finally {
      server.stop();
    }
  }
}
