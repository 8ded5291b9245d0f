package io.admin.auth.devserver;

import static java.net.http.HttpResponse.BodyHandlers.ofString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.signin.Pkce;
import io.admin.auth.core.spi.OAuthClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev server seeds the sign-in clients of docs/http-contract.md ("The dev server") and prints
 * how to try signing in.
 */
class DevServerSignInSeedingTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PARTNER_SECRET = "partner-secret-0123456789";
  private static final Set<String> SCOPES =
      Set.of("openid", "profile", "email", "offline_access", "users:read");

  private final ByteArrayOutputStream banner = new ByteArrayOutputStream();
  private final List<AutoCloseable> running = new ArrayList<>();

  @TempDir
  Path data;

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : running) {
      c.close();
    }
  }

  private DevServer start(DevStorage.Provider storage, String... args) {
    List<String> all = new ArrayList<>(List.of("--port", "0", "--store", "memory"));
    all.addAll(List.of(args));
    DevServerConfig config = assertInstanceOf(ConfigResult.Valid.class,
        DevServerConfig.parse(all, Map.of())).config();
    DevServer server = DevServer.start(config, storage);
    running.add(server);
    return server;
  }

  private DevServer startPrinting(String... args) {
    List<String> all = new ArrayList<>(List.of("--port", "0", "--store", "memory"));
    all.addAll(List.of(args));
    DevServerConfig config = assertInstanceOf(ConfigResult.Valid.class,
        DevServerConfig.parse(all, Map.of())).config();
    DevServer server = DevServer.start(config,
        new PrintStream(banner, true, StandardCharsets.UTF_8));
    running.add(server);
    return server;
  }

  private static HttpResponse<String> form(URI uri, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), ofString());
  }

  private static String error(HttpResponse<String> r) {
    return (String) Json.parseObject(r.body()).orElseThrow().get("error");
  }

  @Test
  void startWhenDefaultsThenBothSignInClientsRegisteredAsTheContractSays() {
    DevStorage stores = DevStorage.inMemory(List.of());
    DevServer server = start(choice -> stores);
    int port = server.port();

    OAuthClient spa = stores.clients().findById("demo-spa").orElseThrow();
    OAuthClient partner = stores.clients().findById("demo-partner").orElseThrow();

    assertTrue(spa.isPublic());
    assertTrue(spa.signIn().firstParty());
    assertEquals(SCOPES, spa.allowedScopes());
    assertEquals(List.of("http://localhost:" + port + "/demo/callback"),
        spa.signIn().redirectUris());
    assertEquals(List.of("http://localhost:" + port + "/demo/"),
        spa.signIn().postLogoutRedirectUris());
    assertFalse(partner.isPublic());
    assertFalse(partner.signIn().firstParty());
    assertEquals(SCOPES, partner.allowedScopes());
    assertEquals(List.of("http://127.0.0.1:9999/callback"), partner.signIn().redirectUris());
    assertEquals(List.of("http://127.0.0.1:9999/"), partner.signIn().postLogoutRedirectUris());
    assertTrue(partner.grantTypes().contains("authorization_code"));
  }

  @Test
  void startWhenRedirectUrisAndPartnerIdConfiguredThenRegisteredSo() {
    DevStorage stores = DevStorage.inMemory(List.of());
    start(choice -> stores, "--demo-spa-redirect-uris", "https://spa.example/cb",
        "--demo-partner-id", "acme", "--demo-partner-redirect-uris",
        "http://127.0.0.1:7000/cb,com.example.app:/cb");

    assertEquals(List.of("https://spa.example/cb"),
        stores.clients().findById("demo-spa").orElseThrow().signIn().redirectUris());
    assertEquals(List.of("http://127.0.0.1:7000/cb", "com.example.app:/cb"),
        stores.clients().findById("acme").orElseThrow().signIn().redirectUris());
    assertTrue(stores.clients().findById("demo-partner").isEmpty());
  }

  @Test
  void tokenEndpointWhenPartnerSecretRightThenClientAuthenticatedAndWrongThenRefused()
      throws Exception {
    DevServer server = startPrinting("--demo-partner-secret", PARTNER_SECRET);
    URI revoke = server.baseUri().resolve("/api/v3/auth/revoke");

    HttpResponse<String> right = form(revoke,
        "token=unknown&client_id=demo-partner&client_secret=" + PARTNER_SECRET);
    HttpResponse<String> wrong = form(revoke,
        "token=unknown&client_id=demo-partner&client_secret=not-" + PARTNER_SECRET);

    assertEquals(200, right.statusCode(), right.body());
    assertEquals(401, wrong.statusCode(), wrong.body());
  }

  @Test
  void tokenEndpointWhenSpaRedeemsUnknownCodeThenInvalidGrantNotInvalidClient()
      throws Exception {
    DevServer server = startPrinting();
    URI token = server.baseUri().resolve("/api/v3/auth/token");
    String redirect = "http://localhost:" + server.port() + "/demo/callback";

    HttpResponse<String> r = form(token, "grant_type=authorization_code&client_id=demo-spa"
        + "&code=unknown&redirect_uri=" + redirect + "&code_verifier="
        + "a".repeat(Pkce.MIN_VERIFIER_LENGTH));

    assertEquals(400, r.statusCode(), r.body());
    assertEquals("invalid_grant", error(r), "a public client needs no secret: " + r.body());
  }

  @Test
  void bannerWhenStartedThenListsSignInEndpointsClientsAndAPkceUrlWhoseVerifierMatches() {
    DevServer server = startPrinting();
    String base = server.baseUri().toString();
    List<String> lines = banner.toString(StandardCharsets.UTF_8).lines().toList();

    for (String path : List.of("/api/v3/auth/authorize", "/api/v3/auth/login",
        "/api/v3/auth/consent", "/api/v3/auth/userinfo", "/api/v3/auth/logout")) {
      assertTrue(lines.stream().anyMatch(l -> l.contains(" " + base + path + " ")), path);
    }
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("sign-in client: demo-spa  (public")),
        lines::toString);
    String partner = lines.stream().filter(l -> l.startsWith("sign-in client: demo-partner / "))
        .findFirst().orElseThrow();
    assertTrue(partner.contains("(generated; set ADMIN_AUTH_DEMO_PARTNER_SECRET"), partner);

    String url = lines.stream().filter(l -> l.startsWith("  " + base + "/api/v3/auth/authorize?"))
        .findFirst().orElseThrow().strip();
    Map<String, String> query = query(URI.create(url));
    String verifier = lines.stream().filter(l -> l.startsWith("  code_verifier: "))
        .findFirst().orElseThrow().substring("  code_verifier: ".length());
    assertEquals("code", query.get("response_type"));
    assertEquals("demo-spa", query.get("client_id"));
    assertEquals("http://localhost:" + server.port() + "/demo/callback", query.get("redirect_uri"));
    assertEquals("S256", query.get("code_challenge_method"));
    assertEquals(Pkce.s256(verifier), query.get("code_challenge"));
    assertTrue(query.get("scope").startsWith("openid"), url);
    assertFalse(query.get("state").isBlank());
    String curl = lines.get(lines.indexOf(lines.stream()
        .filter(l -> l.startsWith("  code_verifier: ")).findFirst().orElseThrow()) + 2);
    assertTrue(curl.startsWith("  curl -s -X POST " + base + "/api/v3/auth/token"), curl);
    assertTrue(curl.contains("code_verifier=" + verifier), curl);
    assertTrue(curl.contains("-d grant_type=authorization_code -d client_id=demo-spa"), curl);
    assertEquals("ready", lines.get(lines.size() - 1));
  }

  @Test
  void bannerWhenPartnerSecretConfiguredThenNotPrinted() {
    startPrinting("--demo-partner-secret", PARTNER_SECRET);
    String printed = banner.toString(StandardCharsets.UTF_8);

    assertTrue(printed.contains("sign-in client: demo-partner / (as configured)"), printed);
    assertFalse(printed.contains(PARTNER_SECRET), printed);
  }

  @Test
  void bannerWhenStartedTwiceThenEachPrintsAFreshPkcePair() {
    startPrinting();
    startPrinting();
    List<String> verifiers = banner.toString(StandardCharsets.UTF_8).lines()
        .filter(l -> l.startsWith("  code_verifier: ")).toList();

    assertEquals(2, verifiers.size());
    assertFalse(verifiers.get(0).equals(verifiers.get(1)), verifiers::toString);
  }

  private DevServer startOnFile(String... args) {
    List<String> all = new ArrayList<>(List.of("--port", "0"));
    all.addAll(List.of(args));
    DevServerConfig config = assertInstanceOf(ConfigResult.Valid.class,
        DevServerConfig.parse(all, Map.of())).config().withStore(new StoreChoice.EmbeddedFile(data));
    return DevServer.start(config, new JdbcDevStorage(data, Map.of(), new SecureRandom()));
  }

  private static int revokeAs(DevServer server, String secret) throws Exception {
    return form(server.baseUri().resolve("/api/v3/auth/revoke"),
        "token=unknown&client_id=demo-partner&client_secret=" + secret).statusCode();
  }

  @Test
  void restartWhenPartnerSecretConfiguredThenItStillAuthenticates() throws Exception {
    try (DevServer first = startOnFile("--demo-partner-secret", PARTNER_SECRET)) {
      assertEquals(200, revokeAs(first, PARTNER_SECRET));
    }
    try (DevServer second = startOnFile("--demo-partner-secret", PARTNER_SECRET)) {
      assertEquals(200, revokeAs(second, PARTNER_SECRET));
    }
  }

  @Test
  void restartWhenPartnerSecretGeneratedThenTheNewlyPrintedOneReplacesTheOld() throws Exception {
    String old;
    try (DevServer first = startOnFile()) {
      old = first.credentials().partnerSecret();
      assertEquals(200, revokeAs(first, old));
    }
    try (DevServer second = startOnFile()) {
      String renewed = second.credentials().partnerSecret();
      assertFalse(renewed.equals(old));
      assertEquals(200, revokeAs(second, renewed));
      assertEquals(401, revokeAs(second, old));
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      out.put(pair.substring(0, eq),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
