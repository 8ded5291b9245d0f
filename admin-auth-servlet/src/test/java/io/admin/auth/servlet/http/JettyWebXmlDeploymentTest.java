package io.admin.auth.servlet.http;

import static io.admin.auth.servlet.http.AbstractEndToEndHttpTest.basic;
import static io.admin.auth.servlet.http.AbstractFilterHttpTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.servlet.config.AdminAuthConfigException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * A WAR deployed into Jetty 12 whose only admin-auth configuration is {@code web.xml} (a listener
 * and two context parameters) plus the properties file it names.
 */
class JettyWebXmlDeploymentTest {

  @Test
  void webXmlWhenListenerDeclaredThenFilterAndEndpointsServeTheContract() throws Exception {
    Server server = start("listener");
    try {
      Http http = new Http(URI.create("http://127.0.0.1:" + port(server)));
      HttpResponse<String> anonymous = http.get("/api/v3/users");
      assertError(anonymous, 401, "unauthorized", "AUTH_CREDENTIALS_MISSING");
      assertEquals(List.of("Bearer realm=\"admin\""), anonymous.headers().allValues("WWW-Authenticate"));
      assertEquals(200, http.get("/public/page").statusCode());

      HttpResponse<String> token = http.form("/api/v3/auth/token", "grant_type=client_credentials",
          "Authorization", basic("war-client", "war-secret-0123456789"));
      assertEquals(200, token.statusCode(), token.body());
      String at = (String) Http.body(token).get("access_token");

      HttpResponse<String> r = http.get("/api/v3/users", "Authorization", "Bearer " + at);
      assertEquals(200, r.statusCode(), r.body());
      Map<String, Object> b = Http.body(r);
      assertEquals("war-client", b.get("attr_client_id"));
      assertEquals(true, b.get("in_role_reader"), "role mapping from admin.auth.role.*");
      assertEquals(false, b.get("in_role_users_read"), "explicit mapping replaces scope-as-role");

      Map<String, Object> metadata = Http.body(http.get("/.well-known/openid-configuration"));
      assertEquals("https://war.example.test", metadata.get("issuer"), "web.xml overrides the file");
      assertEquals(List.of("ES256"), metadata.get("access_token_signing_alg_values_supported"));
    } finally {
      server.stop();
    }
  }

  @Test
  void webXmlWhenPropertyInvalidThenStartFailsNamingTheProperty() {
    Exception e = assertThrows(Exception.class, () -> start("bad").stop());
    Throwable t = e;
    while (t != null && !(t instanceof AdminAuthConfigException)) {
      t = t.getCause();
    }
    assertTrue(t instanceof AdminAuthConfigException, () -> "unexpected: " + e);
    assertEquals("admin.auth.require-https", ((AdminAuthConfigException) t).property());
    assertTrue(t.getMessage().startsWith("admin.auth.require-https: "), t.getMessage());
  }

  private static Server start(String webapp) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    WebAppContext context = new WebAppContext();
    context.setContextPath("/");
    context.setWar(Webapps.dir(webapp).toString());
    context.setParentLoaderPriority(true);
    context.setThrowUnavailableOnStartupException(true);
    server.setHandler(context);
    try {
      server.start();
    } catch (Exception e) {
      server.stop();
      throw e;
    }
    return server;
  }

  private static int port(Server server) {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }
}
