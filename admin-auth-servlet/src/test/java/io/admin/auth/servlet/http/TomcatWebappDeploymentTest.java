package io.admin.auth.servlet.http;

import static io.admin.auth.servlet.http.AbstractEndToEndHttpTest.basic;
import static io.admin.auth.servlet.http.AbstractFilterHttpTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.servlet.config.AdminAuthConfigException;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ContextEnvironment;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webapps deployed into Tomcat 11 the way a WAR is (web.xml parsed, container initializers
 * discovered through {@code META-INF/services}): the zero-config initializer switches on only
 * when {@code /WEB-INF/admin-auth.properties} exists, the listener works too, and bad
 * configuration stops the application from starting.
 */
class TomcatWebappDeploymentTest {

  private Path baseDir;
  private Tomcat tomcat;

  @BeforeEach
  void create() throws Exception {
    baseDir = Files.createTempDirectory("admin-auth-webapp");
    tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    tomcat.setAddDefaultWebXmlToWebapp(false);
  }

  @AfterEach
  void destroy() throws Exception {
    tomcat.stop();
    tomcat.destroy();
    try (Stream<Path> files = Files.walk(baseDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private Context deploy(String path, String webapp) {
    Context context = tomcat.addWebapp(path, Webapps.dir(webapp).toString());
    ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
    return context;
  }

  private Http http(String path) {
    return new Http(URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + path));
  }

  @Test
  void initializerWhenPropertiesFilePresentThenProtectsWithoutAnyWebXmlEntry() throws Exception {
    deploy("/zero", "zero-config");
    tomcat.start();
    Http http = http("/zero");
    assertError(http.get("/api/v3/users"), 401, "unauthorized", "AUTH_CREDENTIALS_MISSING");
    HttpResponse<String> token = http.form("/api/v3/auth/token", "grant_type=client_credentials",
        "Authorization", basic("war-client", "war-secret-0123456789"));
    assertEquals(200, token.statusCode(), token.body());
    String at = (String) Http.body(token).get("access_token");
    assertEquals(200, http.get("/api/v3/users", "Authorization", "Bearer " + at).statusCode());
    assertEquals("https://zero.example.test",
        Http.body(http.get("/.well-known/oauth-authorization-server")).get("issuer"));
  }

  @Test
  void initializerWhenNoPropertiesFileThenOff() throws Exception {
    deploy("/off", "off");
    tomcat.start();
    HttpResponse<String> r = http("/off").get("/api/v3/users");
    assertEquals(200, r.statusCode());
    assertEquals(EchoServlet.MARKER, Http.body(r).get("resource"));
    HttpResponse<String> jwks = http("/off").get("/.well-known/jwks.json");
    assertEquals(EchoServlet.MARKER, Http.body(jwks).get("resource"), "no endpoint registered");
  }

  @Test
  void listenerWhenAlsoDiscoveredInitializerThenRegisteredOnce() throws Exception {
    deploy("/listener", "listener");
    tomcat.start();
    Http http = http("/listener");
    assertError(http.get("/api/v3/users"), 401, "unauthorized", "AUTH_CREDENTIALS_MISSING");
    assertEquals("https://war.example.test",
        Http.body(http.get("/.well-known/openid-configuration")).get("issuer"));
  }

  @Test
  void configWhenInvalidThenApplicationDoesNotStartAndTheCauseNamesTheProperty() {
    Context context = deploy("/bad", "bad");
    Exception e = assertThrows(Exception.class, tomcat::start);
    assertFalse(context.getState().isAvailable());
    Throwable t = e;
    while (t != null && !(t instanceof AdminAuthConfigException)) {
      t = t.getCause();
    }
    assertTrue(t instanceof AdminAuthConfigException, () -> "unexpected: " + e);
    assertEquals("admin.auth.require-https", ((AdminAuthConfigException) t).property());
  }

  private static final String REFS_SECRET = "refs-secret-0123456789";

  private static ContextEnvironment entry(String name, String value) {
    ContextEnvironment e = new ContextEnvironment();
    e.setName(name);
    e.setType(String.class.getName());
    e.setValue(value);
    e.setOverride(false);
    return e;
  }

  private static byte[] pepper() {
    byte[] pepper = new byte[32];
    Arrays.fill(pepper, (byte) 0x42);
    return pepper;
  }

  @Test
  void propertiesWhenPepperAndSecretHashFromJndiEntriesThenTheClientAuthenticates()
      throws Exception {
    tomcat.enableNaming();
    Context context = deploy("/refs", "secret-refs");
    context.getNamingResources().addEnvironment(
        entry("admin-auth/pepper", Base64.getEncoder().encodeToString(pepper())));
    context.getNamingResources().addEnvironment(entry("admin-auth/refs-client-secret-hash",
        SecretHasher.withPepper(pepper()).hash(REFS_SECRET)));
    tomcat.start();
    Http http = http("/refs");

    HttpResponse<String> token = http.form("/api/v3/auth/token", "grant_type=client_credentials",
        "Authorization", basic("refs-client", REFS_SECRET));
    assertEquals(200, token.statusCode(), token.body());
    String at = (String) Http.body(token).get("access_token");
    assertEquals(200, http.get("/api/v3/users", "Authorization", "Bearer " + at).statusCode());
    assertError(http.form("/api/v3/auth/token", "grant_type=client_credentials",
        "Authorization", basic("refs-client", REFS_SECRET + "x")), 401, "invalid_client",
        "AUTH_CLIENT_INVALID");
  }

  @Test
  void propertiesWhenJndiEntryMissingThenApplicationDoesNotStartAndTheCauseNamesIt() {
    tomcat.enableNaming();
    Context context = deploy("/refs", "secret-refs");
    context.getNamingResources().addEnvironment(
        entry("admin-auth/pepper", Base64.getEncoder().encodeToString(pepper())));
    Exception e = assertThrows(Exception.class, tomcat::start);
    assertFalse(context.getState().isAvailable());
    Throwable t = e;
    while (t != null && !(t instanceof AdminAuthConfigException)) {
      t = t.getCause();
    }
    assertTrue(t instanceof AdminAuthConfigException, () -> "unexpected: " + e);
    assertEquals("admin.auth.client.refs-client.secret-hash",
        ((AdminAuthConfigException) t).property());
    assertTrue(t.getMessage().contains(
        "JNDI entry 'java:comp/env/admin-auth/refs-client-secret-hash'"), t.getMessage());
  }
}
