package io.admin.auth.servlet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.verify.BearerTokenVerifier;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.AdminAuthFilter;
import io.admin.auth.servlet.scheme.BearerScheme;
import io.admin.auth.servlet.access.RoleMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContainerInitializer;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
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
 * The filter over HTTP, run against every container by a subclass. The bearer verifier here is an
 * application-supplied {@link BearerTokenVerifier} (a public extension point), so each verifier
 * answer can be produced on demand; the real token service is exercised end to end by {@link
 * AbstractEndToEndHttpTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractFilterHttpTest {

  static final Instant ISSUED = Instant.parse("2025-03-15T10:00:00Z");

  private final MdcProbeFilter probe = new MdcProbeFilter();
  private TestServer server;
  private Http http;

  abstract TestServer.Factory container();

  static final BearerTokenVerifier VERIFIER = token -> switch (token) {
    case "good-alice" -> AuthOutcome.authenticated(new AuthPrincipal("alice", "client-1",
        Set.of("users:read"), "https://issuer.test", ISSUED.plusSeconds(3600), AuthMethod.BEARER,
        Map.of()));
    case "writer-bob" -> AuthOutcome.authenticated(new AuthPrincipal("bob", "client-2",
        Set.of("users:read", "users:write"), "https://issuer.test", null, AuthMethod.BEARER,
        Map.of()));
    case "expired" -> AuthOutcome.rejected(new AuthError(AuthErrorCode.AUTH_TOKEN_EXPIRED,
        "The access token provided has expired or is malformed.",
        Map.of("issued_at", ISSUED.toString(), "expired_at", ISSUED.plusSeconds(3600).toString())));
    case "quoting" -> AuthOutcome.rejected(AuthErrorCode.AUTH_TOKEN_INVALID,
        "bad \"token\" \\ here\r\nX-Injected: 1");
    case "down" -> throw new AuthUnavailableException("revocation store unreachable");
    case "bug" -> throw new IllegalStateException("secret internal detail");
    default -> AuthOutcome.rejected(AuthErrorCode.AUTH_TOKEN_INVALID,
        "The access token provided has expired or is malformed.");
  };

  @BeforeAll
  void start() throws Exception {
    AdminAuthFilter filter = AdminAuthFilter.builder()
        .scheme(new BearerScheme(VERIFIER))
        .scheme(new TestApiKeyScheme())
        .accessPolicy(AccessPolicy.builder()
            .protectedPrefix("/api")
            .publicPath("/api/v3/health")
            .rule("GET", "/api/v3/users", "users:read")
            .rule("POST", "/api/v3/users", "users:write")
            .rule("GET,HEAD", "/api/v3/users/*", "users:read")
            .rule("*", "/api/v3/me")
            .build())
        .roleMapper(p -> p.scopes().contains("users:read")
            ? Set.of("reader", "users:read") : Set.of())
        .build();
    ServletContainerInitializer app = (classes, ctx) -> {
      ctx.addFilter("probe", probe).addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
      ctx.addFilter("auth", filter).addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
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
  void publicPathWhenNoCredentialsThenPassesUnwrapped() throws Exception {
    HttpResponse<String> r = http.get("/api/v3/health");
    assertEquals(200, r.statusCode());
    assertNull(Http.body(r).get("remote_user"));
  }

  @Test
  void pathOutsideProtectedPrefixWhenNoCredentialsThenPasses() throws Exception {
    assertEquals(200, http.get("/index.html").statusCode());
  }

  @Test
  void corsPreflightWhenProtectedPathThenReachesApplicationUnauthenticated() throws Exception {
    HttpResponse<String> r = http.send("OPTIONS", "/api/v3/users", null, null,
        "Origin", "https://app.example.test", "Access-Control-Request-Method", "GET",
        "Access-Control-Request-Headers", "authorization");

    assertEquals(200, r.statusCode(), r.body());
    Map<String, Object> b = Http.body(r);
    assertEquals(EchoServlet.MARKER, b.get("resource"));
    assertEquals("OPTIONS", b.get("method"));
    assertNull(b.get("remote_user"));
  }

  @Test
  void optionsWhenNotAPreflightThenStillAuthenticated() throws Exception {
    assertError(http.send("OPTIONS", "/api/v3/users", null, null), 401, "unauthorized",
        "AUTH_CREDENTIALS_MISSING");
    assertError(http.send("OPTIONS", "/api/v3/users", null, null,
        "Origin", "https://app.example.test"), 401, "unauthorized", "AUTH_CREDENTIALS_MISSING");
    assertError(http.send("OPTIONS", "/api/v3/users", null, null,
        "Access-Control-Request-Method", "GET"), 401, "unauthorized", "AUTH_CREDENTIALS_MISSING");
  }

  @Test
  void corsPreflightHeadersWhenMethodIsNotOptionsThenStillAuthenticated() throws Exception {
    assertError(http.get("/api/v3/users", "Origin", "https://app.example.test",
        "Access-Control-Request-Method", "GET"), 401, "unauthorized", "AUTH_CREDENTIALS_MISSING");
  }

  @Test
  void protectedPathWhenNoCredentialsThenUnauthorizedWithOneChallengePerScheme() throws Exception {
    HttpResponse<String> r = http.get("/api/v3/users");
    assertError(r, 401, "unauthorized", "AUTH_CREDENTIALS_MISSING");
    assertEquals(List.of("Bearer realm=\"admin\"", "ApiKey realm=\"admin\""),
        r.headers().allValues("WWW-Authenticate"));
    assertEquals(Map.of(), Http.body(r).get("details"));
  }

  @Test
  void bearerWhenExpiredThenInvalidTokenWithDetailsAndChallenge() throws Exception {
    HttpResponse<String> r = http.get("/api/v3/users", "Authorization", "Bearer expired");
    assertError(r, 401, "invalid_token", "AUTH_TOKEN_EXPIRED");
    assertEquals(Map.of("issued_at", "2025-03-15T10:00:00Z", "expired_at", "2025-03-15T11:00:00Z"),
        Http.body(r).get("details"));
    assertEquals(List.of("Bearer realm=\"admin\", error=\"invalid_token\", "
        + "error_description=\"The access token provided has expired or is malformed.\""),
        r.headers().allValues("WWW-Authenticate"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer", "Bearer ", "Bearer a b", "Bearer ab\"c", "Bearer =abc"})
  void bearerWhenHeaderMalformedThenInvalidToken(String header) throws Exception {
    HttpResponse<String> r = http.get("/api/v3/users", "Authorization", header);
    assertError(r, 401, "invalid_token", "AUTH_TOKEN_INVALID");
  }

  @Test
  void bearerSchemeNameWhenLowerCaseThenStillRecognised() throws Exception {
    assertEquals(200, http.get("/api/v3/users", "Authorization", "bearer good-alice").statusCode());
  }

  @Test
  void challengeWhenMessageHasQuotesAndNewlinesThenEscaped() throws Exception {
    HttpResponse<String> r = http.get("/api/v3/users", "Authorization", "Bearer quoting");
    assertEquals(401, r.statusCode());
    assertEquals(List.of("Bearer realm=\"admin\", error=\"invalid_token\", "
        + "error_description=\"bad \\\"token\\\" \\\\ here??X-Injected: 1\""),
        r.headers().allValues("WWW-Authenticate"));
    assertTrue(r.headers().allValues("X-Injected").isEmpty());
  }

  @Test
  void bearerWhenValidThenRequestIsWrappedWithPrincipalRolesAndMdc() throws Exception {
    HttpResponse<String> r = http.get("/api/v3/users", "Authorization", "Bearer good-alice");
    assertEquals(200, r.statusCode());
    Map<String, Object> b = Http.body(r);
    assertEquals(EchoServlet.MARKER, b.get("resource"));
    assertEquals("alice", b.get("remote_user"));
    assertEquals("BEARER", b.get("auth_type"));
    assertEquals("alice", b.get("principal_name"));
    assertEquals(true, b.get("in_role_reader"));
    assertEquals(true, b.get("in_role_users_read"));
    assertEquals(false, b.get("in_role_admin"));
    assertEquals("alice", b.get("attr_subject"));
    assertEquals("client-1", b.get("attr_client_id"));
    assertEquals("bearer", b.get("attr_method"));
    assertEquals("alice", b.get("mdc_subject"));
    assertEquals("client-1", b.get("mdc_client_id"));
    assertTrue(probe.ran);
    assertEquals(Map.of(), probe.leftAfter, "MDC must be cleared after the request");
  }

  @Test
  void bearerWhenScopeMissingThenForbiddenWithInsufficientScopeChallenge() throws Exception {
    HttpResponse<String> r = http.send("POST", "/api/v3/users", "application/json", "{}",
        "Authorization", "Bearer good-alice");
    assertError(r, 403, "insufficient_scope", "AUTH_INSUFFICIENT_SCOPE");
    assertEquals(Map.of("required_scopes", List.of("users:write")), Http.body(r).get("details"));
    String challenge = r.headers().firstValue("WWW-Authenticate").orElseThrow();
    assertTrue(challenge.startsWith("Bearer realm=\"admin\", error=\"insufficient_scope\""), challenge);
    assertTrue(challenge.endsWith(", scope=\"users:write\""), challenge);
  }

  @Test
  void bearerWhenScopeHeldThenAllowed() throws Exception {
    HttpResponse<String> r = http.send("POST", "/api/v3/users", "application/json", "{}",
        "Authorization", "Bearer writer-bob");
    assertEquals(200, r.statusCode());
    assertEquals("POST", Http.body(r).get("method"));
  }

  @Test
  void ruleWithoutScopesWhenAuthenticatedThenAllowed() throws Exception {
    assertEquals(200, http.get("/api/v3/me", "Authorization", "Bearer good-alice").statusCode());
  }

  @Test
  void unlistedPathUnderProtectedPrefixWhenAuthenticatedThenDenied() throws Exception {
    HttpResponse<String> r = http.get("/api/v3/secrets", "Authorization", "Bearer writer-bob");
    assertError(r, 403, "insufficient_scope", "AUTH_INSUFFICIENT_SCOPE");
    assertFalse(r.body().contains(EchoServlet.MARKER));
  }

  @Test
  void unlistedPathUnderProtectedPrefixWhenAnonymousThenUnauthorized() throws Exception {
    assertError(http.get("/api/v3/secrets"), 401, "unauthorized", "AUTH_CREDENTIALS_MISSING");
  }

  @Test
  void unlistedMethodOnRuledPathThenDenied() throws Exception {
    HttpResponse<String> r = http.send("DELETE", "/api/v3/users", null, null,
        "Authorization", "Bearer writer-bob");
    assertError(r, 403, "insufficient_scope", "AUTH_INSUFFICIENT_SCOPE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/API/v3/users", "/Api/v3/users", "/api/V3/users", "/api/v3/USERS"})
  void pathWhenCaseDiffersThenNoRuleMatchesAndItIsDenied(String path) throws Exception {
    HttpResponse<String> r = http.get(path, "Authorization", "Bearer writer-bob");
    assertError(r, 403, "insufficient_scope", "AUTH_INSUFFICIENT_SCOPE");
    assertFalse(r.body().contains(EchoServlet.MARKER));
  }

  @Test
  void twoCredentialsWhenBearerAndApiKeyThenBadRequest() throws Exception {
    HttpResponse<String> r = http.get("/api/v3/users", "Authorization", "Bearer good-alice",
        "X-API-Key", "key-ok");
    assertError(r, 400, "invalid_request", "AUTH_REQUEST_INVALID");
    assertTrue(r.headers().allValues("WWW-Authenticate").isEmpty());
  }

  @Test
  void twoCredentialsWhenTwoAuthorizationHeadersThenBadRequest() throws Exception {
    HttpResponse<String> r = http.get("/api/v3/users", "Authorization", "Bearer good-alice",
        "Authorization", "Bearer writer-bob");
    assertError(r, 400, "invalid_request", "AUTH_REQUEST_INVALID");
  }

  @Test
  void customSchemeWhenAcceptedThenAuthTypeIsApiKeyAndNoClientInMdc() throws Exception {
    HttpResponse<String> r = http.get("/api/v3/users", "X-API-Key", "key-ok");
    assertEquals(200, r.statusCode());
    Map<String, Object> b = Http.body(r);
    assertEquals("API_KEY", b.get("auth_type"));
    assertEquals("ci-bot", b.get("mdc_subject"));
    assertNull(b.get("mdc_client_id"));
  }

  @Test
  void customSchemeWhenRejectedThenItsErrorAndChallenge() throws Exception {
    HttpResponse<String> r = http.get("/api/v3/users", "X-API-Key", "nope");
    assertError(r, 401, "invalid_api_key", "AUTH_API_KEY_INVALID");
    assertEquals(List.of("ApiKey realm=\"admin\", error=\"invalid_api_key\", "
        + "error_description=\"The API key is invalid.\""), r.headers().allValues("WWW-Authenticate"));
  }

  @Test
  void schemeWhenRateLimitedThen429WithRetryAfterAndNoChallenge() throws Exception {
    HttpResponse<String> r = http.get("/api/v3/users", "X-API-Key", "throttled");
    assertError(r, 429, "rate_limited", "AUTH_RATE_LIMITED");
    assertEquals("30", r.headers().firstValue("Retry-After").orElse(null));
    assertEquals(Map.of("retry_after_seconds", 30L), Http.body(r).get("details"));
    assertTrue(r.headers().allValues("WWW-Authenticate").isEmpty());
  }

  @Test
  void tokenInQueryStringWhenNoHeaderThenIgnored() throws Exception {
    HttpResponse<String> r = http.get("/api/v3/users?access_token=good-alice");
    assertError(r, 401, "unauthorized", "AUTH_CREDENTIALS_MISSING");
  }

  @Test
  void verifierWhenUnavailableThenServiceUnavailableNeverUnauthorized() throws Exception {
    HttpResponse<String> r = http.get("/api/v3/users", "Authorization", "Bearer down");
    assertEquals(503, r.statusCode());
    Map<String, Object> b = Http.body(r);
    assertEquals("temporarily_unavailable", b.get("error"));
    assertEquals("AUTH_UNAVAILABLE", b.get("code"));
    assertTrue(r.headers().allValues("WWW-Authenticate").isEmpty());
    assertFalse(r.body().contains("unreachable"), "no internal detail leaks");
  }

  @Test
  void schemeWhenItFailsUnexpectedlyThen500ContractJsonWithoutDetail() throws Exception {
    HttpResponse<String> r = http.get("/api/v3/users", "Authorization", "Bearer bug");
    assertEquals(500, r.statusCode());
    assertEquals("AUTH_INTERNAL_ERROR", Http.body(r).get("code"));
    assertFalse(r.body().contains("secret internal detail"));
    assertFalse(r.body().contains("Exception"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/api/v3/users;x=y", "/api/v3;x=y/users", "/api/v3/users;jsessionid=ABC",
      "/api/v3/./users", "/api/v3/../v3/users", "/api/v3/users/.", "/api/x/../v3/users",
      "/api/v3//users", "//api/v3/users", "/api//v3/users",
      "/api/v3/%2e/users", "/api/v3/%2E%2E/v3/users", "/api/v3/%2e%2e/v3/users",
      "/api%2fv3/users", "/api/v3%2Fusers", "/api/v3%5cusers", "/api/v3%5Cusers",
      "/api/v3/users%3bx=y", "/api/v3/users%00", "/api/v3/%252e/users",
      "/api/v3/users%c0%ae"})
  void pathWhenAmbiguousThenBadRequestBeforeAnyRule(String path) throws Exception {
    HttpResponse<String> r = http.get(path, "Authorization", "Bearer writer-bob");
    assertEquals(400, r.statusCode(), path + " -> " + r.body());
    assertFalse(r.body().contains(EchoServlet.MARKER));
    if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
      assertEquals("AUTH_REQUEST_INVALID", Http.body(r).get("code"));
    }
  }

  @Test
  void pathWhenSemicolonParameterThenRefusedByTheFilterItselfAsContractJson() throws Exception {
    // Both containers accept ';' path parameters, so this answer is ours, not the container's.
    HttpResponse<String> r = http.get("/api/v3/users;x=y", "Authorization", "Bearer writer-bob");
    assertError(r, 400, "invalid_request", "AUTH_REQUEST_INVALID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v3\\users", "/api/v3/us%ers", "/api/v3/users%", "/api/v3/\\../users"})
  void pathWhenNotEvenAValidUriThenBadRequest(String target) throws Exception {
    String response = Http.rawGet(server.port(), target);
    assertTrue(response.startsWith("HTTP/1.1 400"), response);
    assertFalse(response.contains(EchoServlet.MARKER));
  }

  static void assertError(HttpResponse<String> r, int status, String error, String code) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
    Map<String, Object> b = Http.body(r);
    assertEquals(error, b.get("error"));
    assertEquals(code, b.get("code"));
    assertEquals(b.get("message"), b.get("error_description"));
    assertTrue(b.get("message") instanceof String s && !s.isBlank());
    assertTrue(b.get("details") instanceof Map);
  }
}
