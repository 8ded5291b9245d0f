package io.admin.auth.servlet.http;

import static io.admin.auth.servlet.http.AbstractFilterHttpTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.apikey.ApiKeyFormat;
import io.admin.auth.core.apikey.ApiKeyService;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.store.memory.InMemoryApiKeyStore;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.config.RateLimits;
import jakarta.servlet.ServletContainerInitializer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API key lifecycle over HTTP (docs/http-contract.md sections 1, 4, 6): management endpoints, owner
 * isolation, the scheme's three 401 codes, grace-period rotation on a test clock. Run against
 * every container by a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractApiKeysHttpTest {

  static final String KEYS = "/api/v3/api-keys";

  private CoreFixture core;
  private TestServer server;
  private Http http;

  abstract TestServer.Factory container();

  @BeforeAll
  void start() throws Exception {
    core = new CoreFixture();
    byte[] pepper = new byte[32];
    new SecureRandom().nextBytes(pepper);
    ApiKeyService keys = ApiKeyService.builder().store(new InMemoryApiKeyStore())
        .hasher(SecretHasher.withPepper(pepper)).clock(core.clock()).build();
    AdminAuth auth = AdminAuth.builder(core.tokens())
        .apiKeys(keys)
        .rateLimits(RateLimits.builder(core.clock()).tokenPerAddress(RateLimits.unlimited())
            .tokenPerClient(RateLimits.unlimited()).build())
        .accessPolicy(AccessPolicy.builder()
            .protectedPrefix("/api")
            .rule("GET", "/api/v3/users", "users:read")
            .rule("GET", "/api/v3/me")
            .build())
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

  // ---- lifecycle ---------------------------------------------------------------------------

  @Test
  void lifecycleWhenCreatedUsedRotatedAndRevokedThenEachStepAsContracted() throws Exception {
    String bearer = bearer(CoreFixture.CLIENT_A, CoreFixture.SECRET_A);
    Instant created = core.now();
    HttpResponse<String> c = create(bearer,
        "{\"name\":\"ci-bot\",\"scopes\":[\"users:read\"],\"expires_in\":2592000}");
    assertEquals(201, c.statusCode(), c.body());
    assertEquals("no-store", c.headers().firstValue("Cache-Control").orElse(null));
    Map<String, Object> issued = Http.body(c);
    assertEquals(Set.of("id", "name", "key", "prefix", "scopes", "created_at", "expires_at"),
        issued.keySet());
    String id = (String) issued.get("id");
    String key = (String) issued.get("key");
    assertTrue(key.matches(ApiKeyFormat.REGEX), key);
    assertEquals("adm_" + id, issued.get("prefix"));
    assertTrue(key.startsWith(issued.get("prefix") + "_"));
    assertEquals("ci-bot", issued.get("name"));
    assertEquals(List.of("users:read"), issued.get("scopes"));
    assertEquals(created.toString(), issued.get("created_at"));
    assertEquals(created.plusSeconds(2592000).toString(), issued.get("expires_at"));

    HttpResponse<String> use = http.get("/api/v3/users", "X-API-Key", key);
    assertEquals(200, use.statusCode(), use.body());
    assertEquals("api_key", Http.body(use).get("attr_method"));
    assertEquals(CoreFixture.CLIENT_A, Http.body(use).get("attr_subject"));
    assertEquals(id, Http.body(use).get("attr_client_id"));
    HttpResponse<String> viaAuthorization = http.get("/api/v3/me", "Authorization", "ApiKey " + key);
    assertEquals(200, viaAuthorization.statusCode(), viaAuthorization.body());

    Map<String, Object> listed = only(list(bearer), id);
    assertEquals(Set.of("id", "name", "prefix", "scopes", "created_at", "expires_at",
        "last_used_at", "revoked_at"), listed.keySet());
    assertEquals(created.toString(), listed.get("last_used_at"));
    assertNull(listed.get("revoked_at"));
    HttpResponse<String> got = http.get(KEYS + "/" + id, "Authorization", bearer);
    assertEquals(200, got.statusCode(), got.body());
    assertEquals(listed, Http.body(got));

    HttpResponse<String> r = rotate(bearer, id, "{\"grace_period\":3600}");
    assertEquals(200, r.statusCode(), r.body());
    String rotatedKey = (String) Http.body(r).get("key");
    assertEquals(id, Http.body(r).get("id"));
    assertNotEquals(key, rotatedKey);
    assertEquals(200, http.get("/api/v3/me", "X-API-Key", key).statusCode(), "old key in grace");
    assertEquals(200, http.get("/api/v3/me", "X-API-Key", rotatedKey).statusCode());
    core.advance(Duration.ofSeconds(3600));
    assertApiKeyError(http.get("/api/v3/me", "X-API-Key", key), "AUTH_API_KEY_INVALID");
    assertEquals(200, http.get("/api/v3/me", "X-API-Key", rotatedKey).statusCode());

    bearer = bearer(CoreFixture.CLIENT_A, CoreFixture.SECRET_A);
    Instant revokedAt = core.now();
    HttpResponse<String> d = http.send("DELETE", KEYS + "/" + id, null, null, "Authorization", bearer);
    assertEquals(204, d.statusCode(), d.body());
    assertEquals(204, http.send("DELETE", KEYS + "/" + id, null, null, "Authorization", bearer)
        .statusCode(), "revocation is idempotent");
    assertApiKeyError(http.get("/api/v3/me", "X-API-Key", rotatedKey), "AUTH_API_KEY_REVOKED");
    assertEquals(revokedAt.toString(), only(list(bearer), id).get("revoked_at"));
    assertError(rotate(bearer, id, ""), 409, "conflict", "AUTH_CONFLICT");
  }

  @Test
  void rotateWhenNoBodyThenDefaultGraceOf86400Seconds() throws Exception {
    String bearer = bearer(CoreFixture.CLIENT_A, CoreFixture.SECRET_A);
    HttpResponse<String> first = create(bearer, "{\"name\":\"g\",\"scopes\":[]}");
    String id = (String) Http.body(first).get("id");
    String old = (String) Http.body(first).get("key");
    assertEquals(200, rotate(bearer, id, "").statusCode());
    core.advance(Duration.ofSeconds(86_399));
    assertEquals(200, http.get("/api/v3/me", "X-API-Key", old).statusCode());
    core.advance(Duration.ofSeconds(1));
    assertApiKeyError(http.get("/api/v3/me", "X-API-Key", old), "AUTH_API_KEY_INVALID");
  }

  @Test
  void useWhenExpiredThenExpiredCodeWithExpiredAtAndApiKeyChallenge() throws Exception {
    String bearer = bearer(CoreFixture.CLIENT_A, CoreFixture.SECRET_A);
    Map<String, Object> issued =
        Http.body(create(bearer, "{\"name\":\"short\",\"scopes\":[],\"expires_in\":60}"));
    core.advance(Duration.ofSeconds(60));
    HttpResponse<String> r = http.get("/api/v3/me", "X-API-Key", (String) issued.get("key"));
    assertApiKeyError(r, "AUTH_API_KEY_EXPIRED");
    assertEquals(Map.of("expired_at", issued.get("expires_at")), Http.body(r).get("details"));
    String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
    assertTrue(challenge.startsWith("ApiKey realm=\"admin\", error=\"invalid_api_key\""), challenge);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nonsense", "adm_", "checksum", "unknown-id", "lowercase-prefix",
      "truncated", "with-space-inside"})
  void useWhenKeyMalformedOrUnknownThenInvalidCode(String kind) throws Exception {
    String valid = (String) Http.body(create(bearer(CoreFixture.CLIENT_A, CoreFixture.SECRET_A),
        "{\"name\":\"h\",\"scopes\":[]}")).get("key");
    String foreign = ApiKeyService.builder().store(new InMemoryApiKeyStore())
        .hasher(SecretHasher.withPepper(randomPepper())).build()
        .create("x", "x", Set.of(), null).key();
    char last = valid.charAt(valid.length() - 1);
    String presented = switch (kind) {
      case "nonsense" -> "nonsense";
      case "adm_" -> "adm_";
      case "checksum" -> valid.substring(0, valid.length() - 1) + (last == 'A' ? 'B' : 'A');
      case "unknown-id" -> foreign;
      case "lowercase-prefix" -> "ADM_" + valid.substring(4);
      case "truncated" -> valid.substring(0, valid.length() - 1);
      default -> valid.substring(0, 30) + " " + valid.substring(31);
    };
    assertApiKeyError(http.get("/api/v3/me", "X-API-Key", presented), "AUTH_API_KEY_INVALID");
  }

  @Test
  void useWhenKeyInBothHeadersOrWithBearerThenTwoCredentials400() throws Exception {
    String bearer = bearer(CoreFixture.CLIENT_A, CoreFixture.SECRET_A);
    String key = (String) Http.body(create(bearer, "{\"name\":\"two\",\"scopes\":[]}")).get("key");
    assertError(http.get("/api/v3/me", "X-API-Key", key, "Authorization", "ApiKey " + key),
        400, "invalid_request", "AUTH_REQUEST_INVALID");
    assertError(http.get("/api/v3/me", "X-API-Key", key, "Authorization", bearer),
        400, "invalid_request", "AUTH_REQUEST_INVALID");
  }

  @Test
  void protectedWhenNoCredentialsThenApiKeyChallengeOffered() throws Exception {
    HttpResponse<String> r = http.get("/api/v3/me");
    assertError(r, 401, "unauthorized", "AUTH_CREDENTIALS_MISSING");
    assertEquals(List.of("Bearer realm=\"admin\"", "ApiKey realm=\"admin\""),
        r.headers().allValues("WWW-Authenticate"));
  }

  // ---- authorization of the management endpoints ------------------------------------------

  @Test
  void manageWhenOtherOwnerThenInvisibleAndSameNotFoundAsUnknownId() throws Exception {
    String a = bearer(CoreFixture.CLIENT_A, CoreFixture.SECRET_A);
    String c = bearer(CoreFixture.CLIENT_C, CoreFixture.SECRET_C);
    String id = (String) Http.body(create(a, "{\"name\":\"mine\",\"scopes\":[]}")).get("id");
    assertTrue(ids(list(c)).stream().noneMatch(id::equals));
    HttpResponse<String> foreign = http.get(KEYS + "/" + id, "Authorization", c);
    HttpResponse<String> unknown = http.get(KEYS + "/0123456789abcdef", "Authorization", c);
    assertError(foreign, 404, "not_found", "AUTH_NOT_FOUND");
    assertEquals(unknown.statusCode(), foreign.statusCode());
    assertEquals(unknown.body(), foreign.body());
    assertError(rotate(c, id, ""), 404, "not_found", "AUTH_NOT_FOUND");
    assertError(http.send("DELETE", KEYS + "/" + id, null, null, "Authorization", c),
        404, "not_found", "AUTH_NOT_FOUND");
    assertNull(only(list(a), id).get("revoked_at"), "the foreign DELETE changed nothing");
  }

  @Test
  void manageWhenAdminScopeThenSeesAndManagesEveryOwnersKeys() throws Exception {
    String a = bearer(CoreFixture.CLIENT_A, CoreFixture.SECRET_A);
    String admin = bearer(CoreFixture.CLIENT_ADMIN, CoreFixture.SECRET_ADMIN);
    String id = (String) Http.body(create(a, "{\"name\":\"audited\",\"scopes\":[]}")).get("id");
    assertTrue(ids(list(admin)).contains(id));
    assertEquals(200, http.get(KEYS + "/" + id, "Authorization", admin).statusCode());
    assertEquals(204, http.send("DELETE", KEYS + "/" + id, null, null, "Authorization", admin)
        .statusCode());
  }

  @Test
  void rotateWhenAdminRotatesAnotherOwnersKeyThen403AndNoSecretHandedOut() throws Exception {
    String a = bearer(CoreFixture.CLIENT_A, CoreFixture.SECRET_A);
    String admin = bearer(CoreFixture.CLIENT_ADMIN, CoreFixture.SECRET_ADMIN);
    Map<String, Object> issued = Http.body(create(a, "{\"name\":\"foreign\",\"scopes\":[]}"));
    String id = (String) issued.get("id");
    HttpResponse<String> r = rotate(admin, id, "{\"grace_period\":0}");
    assertError(r, 403, "insufficient_scope", "AUTH_INSUFFICIENT_SCOPE");
    assertFalse(r.body().contains("adm_"), "no key material in the refusal: " + r.body());
    assertEquals(200, http.get("/api/v3/me", "X-API-Key", (String) issued.get("key")).statusCode(),
        "the refused rotation left the owner's secret valid");
    assertEquals(200, rotate(a, id, "").statusCode(), "the owner still rotates its own key");
  }

  @Test
  void rotateWhenCallerNoLongerHoldsEveryScopeOfTheKeyThen403() throws Exception {
    String broad = bearer(CoreFixture.CLIENT_A, CoreFixture.SECRET_A);
    String id = (String) Http.body(create(broad,
        "{\"name\":\"broad\",\"scopes\":[\"users:read\",\"users:write\"]}")).get("id");
    String narrowed = bearer(CoreFixture.CLIENT_A, CoreFixture.SECRET_A,
        "users:read api-keys:manage");
    HttpResponse<String> r = rotate(narrowed, id, "");
    assertError(r, 403, "insufficient_scope", "AUTH_INSUFFICIENT_SCOPE");
    assertEquals(Map.of("required_scopes", List.of("users:write")), Http.body(r).get("details"));
    assertFalse(r.body().contains("adm_"), r.body());
  }

  @Test
  void createWhenNoExpiresInThenKeyExpiresAfterTheDefault90Days() throws Exception {
    String a = bearer(CoreFixture.CLIENT_A, CoreFixture.SECRET_A);
    Instant created = core.now();
    Map<String, Object> issued = Http.body(create(a, "{\"name\":\"dflt\",\"scopes\":[]}"));
    assertEquals(created.plus(Duration.ofDays(90)).toString(), issued.get("expires_at"));
  }

  @Test
  void createWhenExpiresInAboveTheOneYearMaximumThenInvalidRequest() throws Exception {
    String a = bearer(CoreFixture.CLIENT_A, CoreFixture.SECRET_A);
    long year = Duration.ofDays(365).toSeconds();
    HttpResponse<String> over = create(a,
        "{\"name\":\"long\",\"scopes\":[],\"expires_in\":" + (year + 1) + "}");
    assertError(over, 400, "invalid_request", "AUTH_REQUEST_INVALID");
    assertTrue(Http.body(over).get("message").toString().contains(Long.toString(year)),
        over.body());
    Map<String, Object> max = Http.body(create(a,
        "{\"name\":\"max\",\"scopes\":[],\"expires_in\":" + year + "}"));
    assertEquals(core.now().plusSeconds(year).toString(), max.get("expires_at"));
  }

  @Test
  void createWhenScopeNotHeldByCallerThenInvalidScope() throws Exception {
    String c = bearer(CoreFixture.CLIENT_C, CoreFixture.SECRET_C);
    HttpResponse<String> r = create(c, "{\"name\":\"escalate\",\"scopes\":[\"users:read\",\"users:write\"]}");
    assertError(r, 400, "invalid_scope", "AUTH_SCOPE_INVALID");
    assertEquals(Map.of("scopes_not_held", List.of("users:write")), Http.body(r).get("details"));
  }

  @Test
  void manageWhenTokenLacksManageScopeThenInsufficientScope() throws Exception {
    String b = bearer(CoreFixture.CLIENT_B, CoreFixture.SECRET_B);
    HttpResponse<String> r = http.get(KEYS, "Authorization", b);
    assertError(r, 403, "insufficient_scope", "AUTH_INSUFFICIENT_SCOPE");
    assertEquals(Map.of("required_scopes", List.of("api-keys:manage")), Http.body(r).get("details"));
  }

  @Test
  void manageWhenCallerIsAnApiKeyEvenWithManageScopeThenRefused() throws Exception {
    String a = bearer(CoreFixture.CLIENT_A, CoreFixture.SECRET_A);
    String key = (String) Http.body(create(a,
        "{\"name\":\"minter\",\"scopes\":[\"api-keys:manage\"]}")).get("key");
    HttpResponse<String> r = create("ApiKey " + key, "{\"name\":\"child\",\"scopes\":[]}");
    assertError(r, 403, "insufficient_scope", "AUTH_INSUFFICIENT_SCOPE");
  }

  @Test
  void manageWhenNoCredentialsThen401() throws Exception {
    assertError(http.get(KEYS), 401, "unauthorized", "AUTH_CREDENTIALS_MISSING");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "[]", "", "{\"scopes\":[]}", "{\"name\":\"\",\"scopes\":[]}",
      "{\"name\":7,\"scopes\":[]}", "{\"name\":\"n\"}", "{\"name\":\"n\",\"scopes\":\"users:read\"}",
      "{\"name\":\"n\",\"scopes\":[1]}", "{\"name\":\"n\",\"scopes\":[],\"expires_in\":0}",
      "{\"name\":\"n\",\"scopes\":[],\"expires_in\":-5}", "{\"name\":\"n\",\"scopes\":[],\"expires_in\":\"60\"}",
      "{\"name\":\"n\",\"scopes\":[],\"expires_in\":1.5}",
      "{\"name\":\"n\",\"scopes\":[],\"expires_in\":99999999999999}",
      "{\"name\":\"n\",\"scopes\":[],\"expires\":60}",
      "{\"name\":\"n\",\"name\":\"m\",\"scopes\":[]}"})
  void createWhenBodyMalformedThenInvalidRequest(String body) throws Exception {
    HttpResponse<String> r = create(bearer(CoreFixture.CLIENT_A, CoreFixture.SECRET_A), body);
    assertError(r, 400, "invalid_request", "AUTH_REQUEST_INVALID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"grace_period\":-1}", "{\"grace_period\":\"3600\"}",
      "{\"grace_period\":2592001}", "{\"grace\":3600}", "nope"})
  void rotateWhenGracePeriodInvalidThenInvalidRequest(String body) throws Exception {
    String a = bearer(CoreFixture.CLIENT_A, CoreFixture.SECRET_A);
    String id = (String) Http.body(create(a, "{\"name\":\"r\",\"scopes\":[]}")).get("id");
    assertError(rotate(a, id, body), 400, "invalid_request", "AUTH_REQUEST_INVALID");
  }

  @Test
  void manageWhenWrongMethodOrUnknownSubpathThen405Or404() throws Exception {
    String a = bearer(CoreFixture.CLIENT_A, CoreFixture.SECRET_A);
    HttpResponse<String> put = http.send("PUT", KEYS, "application/json", "{}", "Authorization", a);
    assertError(put, 405, "invalid_request", "AUTH_REQUEST_INVALID");
    assertEquals("GET, POST", put.headers().firstValue("Allow").orElse(null));
    assertError(http.get(KEYS + "/0123456789abcdef/other", "Authorization", a),
        404, "not_found", "AUTH_NOT_FOUND");
  }

  // ---- helpers -----------------------------------------------------------------------------

  private String bearer(String client, String secret) throws Exception {
    return bearer(client, secret, null);
  }

  /** A bearer token of {@code client}, narrowed to {@code scope} unless that is null. */
  private String bearer(String client, String secret, String scope) throws Exception {
    String basic = Base64.getEncoder().encodeToString(
        (client + ":" + secret).getBytes(StandardCharsets.UTF_8));
    String form = "grant_type=client_credentials"
        + (scope == null ? "" : "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8));
    HttpResponse<String> r = http.form("/api/v3/auth/token", form,
        "Authorization", "Basic " + basic);
    assertEquals(200, r.statusCode(), r.body());
    return "Bearer " + Http.body(r).get("access_token");
  }

  private HttpResponse<String> create(String authorization, String body) throws Exception {
    return http.json(KEYS, body, "Authorization", authorization);
  }

  private HttpResponse<String> rotate(String bearer, String id, String body) throws Exception {
    return body.isEmpty()
        ? http.send("POST", KEYS + "/" + id + "/rotate", null, null, "Authorization", bearer)
        : http.json(KEYS + "/" + id + "/rotate", body, "Authorization", bearer);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> list(String bearer) throws Exception {
    HttpResponse<String> r = http.get(KEYS, "Authorization", bearer);
    assertEquals(200, r.statusCode(), r.body());
    assertFalse(r.body().contains("\"key\""), "a listing never carries a secret");
    return (List<Map<String, Object>>) Http.body(r).get("api_keys");
  }

  private static List<String> ids(List<Map<String, Object>> keys) {
    return keys.stream().map(k -> (String) k.get("id")).toList();
  }

  private static Map<String, Object> only(List<Map<String, Object>> keys, String id) {
    List<Map<String, Object>> hits = keys.stream().filter(k -> id.equals(k.get("id"))).toList();
    assertEquals(1, hits.size(), Json.write(Map.of("keys", keys)));
    return hits.get(0);
  }

  private static byte[] randomPepper() {
    byte[] pepper = new byte[32];
    new SecureRandom().nextBytes(pepper);
    return pepper;
  }

  private static void assertApiKeyError(HttpResponse<String> r, String code) {
    assertError(r, 401, "invalid_api_key", code);
  }
}
