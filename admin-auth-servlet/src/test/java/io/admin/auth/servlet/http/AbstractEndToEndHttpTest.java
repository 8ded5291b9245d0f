package io.admin.auth.servlet.http;

import static io.admin.auth.servlet.http.AbstractFilterHttpTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.scheme.BasicScheme;
import jakarta.servlet.ServletContainerInitializer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every endpoint and the filter end to end against the real core token service, wired with
 * {@link AdminAuth}, in a non-root context path. Run against every container by a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractEndToEndHttpTest {

  static final String CONTEXT = "/app";

  private CoreFixture core;
  private TestServer server;
  private Http http;

  abstract TestServer.Factory container();

  @BeforeAll
  void start() throws Exception {
    core = new CoreFixture();
    AdminAuth auth = AdminAuth.builder(core.tokens())
        .baseUrl(CoreFixture.ISSUER + CONTEXT)
        .scopesSupported(List.of("users:write", "users:read"))
        .accessPolicy(AccessPolicy.builder()
            .protectedPrefix("/api")
            .rule("GET", "/api/v3/users", "users:read")
            .rule("POST", "/api/v3/users", "users:write")
            .rule("GET", "/api/v3/me")
            .build())
        .build();
    ServletContainerInitializer app = (classes, ctx) -> {
      auth.register(ctx);
      ctx.addServlet("echo", new EchoServlet()).addMapping("/");
    };
    server = container().start(CONTEXT, app);
    http = new Http(server.base());
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  // ---- token endpoint ----------------------------------------------------------------------

  @Test
  void tokenWhenFormAndClientSecretBasicThenIssuedAndNotCached() throws Exception {
    HttpResponse<String> r = http.form("/api/v3/auth/token", "grant_type=client_credentials",
        "Authorization", basic(CoreFixture.CLIENT_A, CoreFixture.SECRET_A));
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
    assertEquals("no-cache", r.headers().firstValue("Pragma").orElse(null));
    Map<String, Object> b = Http.body(r);
    assertEquals("Bearer", b.get("token_type"));
    assertEquals(3600L, b.get("expires_in"));
    assertTrue(b.get("access_token") instanceof String s && s.split("\\.").length == 3);
    assertTrue(b.get("refresh_token") instanceof String s && s.length() >= 43);
    assertEquals("api-keys:manage users:read users:write", b.get("scope"));
  }

  @Test
  void tokenWhenJsonAndClientSecretPostThenIssuedWithRequestedScope() throws Exception {
    HttpResponse<String> r = http.json("/api/v3/auth/token", Json.write(Map.of(
        "grant_type", "client_credentials", "client_id", CoreFixture.CLIENT_A,
        "client_secret", CoreFixture.SECRET_A, "scope", "users:read")));
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("users:read", Http.body(r).get("scope"));
  }

  @Test
  void tokenWhenBasicCredentialsAreFormEncodedThenDecoded() throws Exception {
    HttpResponse<String> r = http.form("/api/v3/auth/token", "grant_type=client_credentials",
        "Authorization", basic(enc(CoreFixture.CLIENT_ODD), enc(CoreFixture.SECRET_ODD)));
    assertEquals(200, r.statusCode(), r.body());
  }

  @Test
  void tokenWhenScopeNotAllowedThenInvalidScope() throws Exception {
    HttpResponse<String> r = token(CoreFixture.CLIENT_B, CoreFixture.SECRET_B,
        "grant_type=client_credentials&scope=users%3Awrite");
    assertError(r, 400, "invalid_scope", "AUTH_SCOPE_INVALID");
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
  }

  @Test
  void tokenWhenGrantTypeMissingThenInvalidRequest() throws Exception {
    assertError(token(CoreFixture.CLIENT_A, CoreFixture.SECRET_A, "scope=users%3Aread"),
        400, "invalid_request", "AUTH_REQUEST_INVALID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"password", "authorization_code", "urn:ietf:params:oauth:grant-type:jwt-bearer"})
  void tokenWhenGrantUnsupportedThenUnsupportedGrantType(String grant) throws Exception {
    assertError(token(CoreFixture.CLIENT_A, CoreFixture.SECRET_A, "grant_type=" + enc(grant)),
        400, "unsupported_grant_type", "AUTH_GRANT_UNSUPPORTED");
  }

  @Test
  void tokenWhenSecretWrongOrClientUnknownThenSameInvalidClientWithBasicChallenge() throws Exception {
    HttpResponse<String> wrong = token(CoreFixture.CLIENT_A, "wrong", "grant_type=client_credentials");
    HttpResponse<String> unknown = token("nobody", "wrong", "grant_type=client_credentials");
    assertError(wrong, 401, "invalid_client", "AUTH_CLIENT_INVALID");
    assertError(unknown, 401, "invalid_client", "AUTH_CLIENT_INVALID");
    assertEquals(wrong.body(), unknown.body());
    assertEquals(List.of("Basic realm=\"admin\""), wrong.headers().allValues("WWW-Authenticate"));
    assertEquals(List.of("Basic realm=\"admin\""), unknown.headers().allValues("WWW-Authenticate"));
  }

  @Test
  void tokenWhenNoClientAuthenticationThenInvalidClient() throws Exception {
    assertError(http.form("/api/v3/auth/token", "grant_type=client_credentials"),
        401, "invalid_client", "AUTH_CLIENT_INVALID");
  }

  @Test
  void tokenWhenClientCredentialsOnlyInQueryStringThenNotRead() throws Exception {
    HttpResponse<String> r = http.form("/api/v3/auth/token?client_id=" + CoreFixture.CLIENT_A
        + "&client_secret=" + enc(CoreFixture.SECRET_A), "grant_type=client_credentials");
    assertError(r, 401, "invalid_client", "AUTH_CLIENT_INVALID");
  }

  @Test
  void tokenWhenBasicAndPostNameDifferentClientsThenInvalidRequest() throws Exception {
    HttpResponse<String> r = http.form("/api/v3/auth/token", "grant_type=client_credentials"
        + "&client_id=" + CoreFixture.CLIENT_B + "&client_secret=" + enc(CoreFixture.SECRET_B),
        "Authorization", basic(CoreFixture.CLIENT_A, CoreFixture.SECRET_A));
    assertError(r, 400, "invalid_request", "AUTH_REQUEST_INVALID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/xml", "multipart/form-data; boundary=x", ""})
  void tokenWhenContentTypeUnsupportedThenInvalidRequest(String type) throws Exception {
    HttpResponse<String> r = http.send("POST", "/api/v3/auth/token", type.isEmpty() ? null : type,
        "grant_type=client_credentials", "Authorization", basic(CoreFixture.CLIENT_A, CoreFixture.SECRET_A));
    assertError(r, 400, "invalid_request", "AUTH_REQUEST_INVALID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "[]", "\"x\"", "{\"grant_type\":1}", "{\"grant_type\":[\"client_credentials\"]}",
      "{\"grant_type\":\"client_credentials\",\"grant_type\":\"refresh_token\"}"})
  void tokenWhenJsonMalformedThenInvalidRequest(String body) throws Exception {
    HttpResponse<String> r = http.json("/api/v3/auth/token", body,
        "Authorization", basic(CoreFixture.CLIENT_A, CoreFixture.SECRET_A));
    assertError(r, 400, "invalid_request", "AUTH_REQUEST_INVALID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"grant_type=client_credentials&grant_type=client_credentials",
      "grant_type=client%ZZcredentials", "grant_type=client_credentials&scope=%"})
  void tokenWhenFormMalformedOrRepeatedThenInvalidRequest(String body) throws Exception {
    assertError(token(CoreFixture.CLIENT_A, CoreFixture.SECRET_A, body),
        400, "invalid_request", "AUTH_REQUEST_INVALID");
  }

  @Test
  void tokenWhenBodyTooLargeThenInvalidRequest() throws Exception {
    String body = "grant_type=client_credentials&pad=" + "a".repeat(20_000);
    assertError(token(CoreFixture.CLIENT_A, CoreFixture.SECRET_A, body),
        400, "invalid_request", "AUTH_REQUEST_INVALID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Basic", "Basic !!!", "Basic bm9jb2xvbg==", "Basic OnNlY3JldA==",
      "Basic /w==", "Digest x", "Bearer abc"})
  void tokenWhenAuthorizationHeaderMalformedThenInvalidClient(String header) throws Exception {
    HttpResponse<String> r = http.form("/api/v3/auth/token", "grant_type=client_credentials",
        "Authorization", header);
    assertError(r, 401, "invalid_client", "AUTH_CLIENT_INVALID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"client-a\u0000:x", "client-a:secret\r\nX: y", "client-a\u007f:x",
      "client-a\u0085:x", ":secret-a-0123456789abcdef", "client-a"})
  void tokenWhenBasicCredentialsBreakTheBasicRulesThenInvalidClient(String raw) throws Exception {
    String header = "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    assertError(http.form("/api/v3/auth/token", "grant_type=client_credentials",
        "Authorization", header), 401, "invalid_client", "AUTH_CLIENT_INVALID");
  }

  @Test
  void tokenWhenBasicCredentialsOverTheSchemesBoundThenInvalidClientThoughTheBodyWorks()
      throws Exception {
    String header = basic(enc(CoreFixture.CLIENT_LONG), enc(CoreFixture.SECRET_LONG));
    assertTrue(header.length() - "Basic ".length() > BasicScheme.MAX_CREDENTIALS_CHARS);

    assertError(http.form("/api/v3/auth/token", "grant_type=client_credentials",
        "Authorization", header), 401, "invalid_client", "AUTH_CLIENT_INVALID");
    HttpResponse<String> post = http.form("/api/v3/auth/token", "grant_type=client_credentials"
        + "&client_id=" + CoreFixture.CLIENT_LONG + "&client_secret=" + enc(CoreFixture.SECRET_LONG));
    assertEquals(200, post.statusCode(), post.body());
  }

  @Test
  void clientAuthenticationWhenRawControlCharacterInBasicThenRefusedButFormEncodedAccepted()
      throws Exception {
    String raw = basic(CoreFixture.CLIENT_CTRL, CoreFixture.SECRET_CTRL);
    String encoded = basic(CoreFixture.CLIENT_CTRL, enc(CoreFixture.SECRET_CTRL));

    assertError(http.form("/api/v3/auth/token", "grant_type=client_credentials",
        "Authorization", raw), 401, "invalid_client", "AUTH_CLIENT_INVALID");
    assertError(http.form("/api/v3/auth/revoke", "token=x", "Authorization", raw),
        401, "invalid_client", "AUTH_CLIENT_INVALID");
    assertError(http.form("/api/v3/auth/introspect", "token=x", "Authorization", raw),
        401, "invalid_client", "AUTH_CLIENT_INVALID");
    HttpResponse<String> ok = http.form("/api/v3/auth/token", "grant_type=client_credentials",
        "Authorization", encoded);
    assertEquals(200, ok.statusCode(), ok.body());
  }

  @Test
  void tokenWhenTwoAuthorizationHeadersThenInvalidRequest() throws Exception {
    HttpResponse<String> r = http.form("/api/v3/auth/token", "grant_type=client_credentials",
        "Authorization", basic(CoreFixture.CLIENT_A, CoreFixture.SECRET_A),
        "Authorization", basic(CoreFixture.CLIENT_A, CoreFixture.SECRET_A));
    assertError(r, 400, "invalid_request", "AUTH_REQUEST_INVALID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"%00", "a%22b", "users%3Aread%0D%0AX-Injected%3A+1", "%E2%82%AC", "\\"})
  void tokenWhenScopeHostileThenContractErrorNeverServerError(String scope) throws Exception {
    HttpResponse<String> r = token(CoreFixture.CLIENT_A, CoreFixture.SECRET_A,
        "grant_type=client_credentials&scope=" + scope);
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(List.of("invalid_scope", "invalid_request").contains(Http.body(r).get("error")));
    assertTrue(r.headers().allValues("X-Injected").isEmpty());
  }

  @Test
  void tokenWhenScopeVeryLongThenInvalidScope() throws Exception {
    HttpResponse<String> r = token(CoreFixture.CLIENT_A, CoreFixture.SECRET_A,
        "grant_type=client_credentials&scope=" + "x".repeat(10_000));
    assertError(r, 400, "invalid_scope", "AUTH_SCOPE_INVALID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"%00", "a.b.c", "eyJhbGciOiJub25lIn0.e30.", "%FF%FE"})
  void refreshWhenTokenHostileThenInvalidGrant(String refreshToken) throws Exception {
    HttpResponse<String> r = token(CoreFixture.CLIENT_A, CoreFixture.SECRET_A,
        "grant_type=refresh_token&refresh_token=" + refreshToken);
    assertError(r, 400, "invalid_grant", "AUTH_REFRESH_TOKEN_INVALID");
  }

  @Test
  void tokenWhenGetThenMethodNotAllowedAsContractJson() throws Exception {
    HttpResponse<String> r = http.get("/api/v3/auth/token");
    assertEquals(405, r.statusCode());
    assertEquals("AUTH_REQUEST_INVALID", Http.body(r).get("code"));
    assertEquals("POST", r.headers().firstValue("Allow").orElse(null));
  }

  // ---- refresh ------------------------------------------------------------------------------

  @Test
  void refreshWhenUsedThenRotatesAndReuseRevokesTheFamily() throws Exception {
    Map<String, Object> first = Http.body(clientCredentials(CoreFixture.CLIENT_A, CoreFixture.SECRET_A, null));
    String rt1 = (String) first.get("refresh_token");
    HttpResponse<String> second = refresh(rt1, null);
    assertEquals(200, second.statusCode(), second.body());
    String rt2 = (String) Http.body(second).get("refresh_token");
    String at2 = (String) Http.body(second).get("access_token");
    assertNotEquals(rt1, rt2);
    assertEquals(200, http.get("/api/v3/users", "Authorization", "Bearer " + at2).statusCode());

    assertError(refresh(rt1, null), 400, "invalid_grant", "AUTH_REFRESH_TOKEN_REUSED");

    HttpResponse<String> afterReuse = refresh(rt2, null);
    assertEquals(400, afterReuse.statusCode());
    assertEquals("invalid_grant", Http.body(afterReuse).get("error"));
    HttpResponse<String> revoked = http.get("/api/v3/users", "Authorization", "Bearer " + at2);
    assertError(revoked, 401, "invalid_token", "AUTH_TOKEN_REVOKED");
  }

  @Test
  void refreshWhenScopeNarrowedThenNarrowAndWhenWidenedThenInvalidScope() throws Exception {
    String rt = (String) Http.body(clientCredentials(CoreFixture.CLIENT_A, CoreFixture.SECRET_A,
        "users:read users:write")).get("refresh_token");
    HttpResponse<String> narrowed = refresh(rt, "users:read");
    assertEquals("users:read", Http.body(narrowed).get("scope"));
    String rt2 = (String) Http.body(narrowed).get("refresh_token");
    assertError(refresh(rt2, "users:read api-keys:manage"), 400, "invalid_scope", "AUTH_SCOPE_INVALID");
  }

  @Test
  void refreshWhenSameTokenUsedConcurrentlyThenExactlyOneWins() throws Exception {
    String rt = (String) Http.body(clientCredentials(CoreFixture.CLIENT_A, CoreFixture.SECRET_A, null))
        .get("refresh_token");
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<HttpResponse<String>>> calls = new java.util.ArrayList<>();
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      for (int i = 0; i < 8; i++) {
        calls.add(pool.submit(() -> {
          go.await();
          return refresh(rt, null);
        }));
      }
      go.countDown();
      int ok = 0;
      for (java.util.concurrent.Future<HttpResponse<String>> c : calls) {
        HttpResponse<String> r = c.get(30, java.util.concurrent.TimeUnit.SECONDS);
        if (r.statusCode() == 200) {
          ok++;
        } else {
          assertEquals("invalid_grant", Http.body(r).get("error"), r.body());
        }
      }
      assertEquals(1, ok);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void clientWithoutRefreshGrantWhenClientCredentialsThenNoRefreshTokenAndRefreshRefused()
      throws Exception {
    Map<String, Object> b = Http.body(clientCredentials(CoreFixture.CLIENT_CC, CoreFixture.SECRET_CC, null));
    assertFalse(b.containsKey("refresh_token"));
    HttpResponse<String> r = token(CoreFixture.CLIENT_CC, CoreFixture.SECRET_CC,
        "grant_type=refresh_token&refresh_token=" + "x".repeat(43));
    assertError(r, 400, "unsupported_grant_type", "AUTH_GRANT_UNSUPPORTED");
  }

  @Test
  void tokenWhenBasicAndPostNameTheSameClientThenAccepted() throws Exception {
    HttpResponse<String> r = http.form("/api/v3/auth/token", "grant_type=client_credentials"
        + "&client_id=" + CoreFixture.CLIENT_A + "&client_secret=" + enc(CoreFixture.SECRET_A),
        "Authorization", basic(CoreFixture.CLIENT_A, CoreFixture.SECRET_A));
    assertEquals(200, r.statusCode(), r.body());
  }

  @Test
  void refreshWhenTokenUnknownThenInvalidGrant() throws Exception {
    assertError(refresh("x".repeat(43), null), 400, "invalid_grant", "AUTH_REFRESH_TOKEN_INVALID");
  }

  @Test
  void refreshWhenTokenMissingThenInvalidRequest() throws Exception {
    assertError(token(CoreFixture.CLIENT_A, CoreFixture.SECRET_A, "grant_type=refresh_token"),
        400, "invalid_request", "AUTH_REQUEST_INVALID");
  }

  @Test
  void refreshWhenExpiredThenInvalidGrantExpired() throws Exception {
    String rt = (String) Http.body(clientCredentials(CoreFixture.CLIENT_SHORT,
        CoreFixture.SECRET_SHORT, null)).get("refresh_token");
    core.advance(Duration.ofMinutes(6));
    HttpResponse<String> r = token(CoreFixture.CLIENT_SHORT, CoreFixture.SECRET_SHORT,
        "grant_type=refresh_token&refresh_token=" + enc(rt));
    assertError(r, 400, "invalid_grant", "AUTH_REFRESH_TOKEN_EXPIRED");
  }

  @Test
  void refreshWhenPresentedByAnotherClientThenInvalidGrant() throws Exception {
    String rt = (String) Http.body(clientCredentials(CoreFixture.CLIENT_A, CoreFixture.SECRET_A, null))
        .get("refresh_token");
    HttpResponse<String> r = token(CoreFixture.CLIENT_B, CoreFixture.SECRET_B,
        "grant_type=refresh_token&refresh_token=" + enc(rt));
    assertError(r, 400, "invalid_grant", "AUTH_REFRESH_TOKEN_INVALID");
  }

  // ---- the filter with real tokens -----------------------------------------------------------

  @Test
  void bearerWhenIssuedTokenThenPrincipalIsTheClient() throws Exception {
    String at = accessToken(CoreFixture.CLIENT_A, CoreFixture.SECRET_A, "users:read");
    HttpResponse<String> r = http.get("/api/v3/users", "Authorization", "Bearer " + at);
    assertEquals(200, r.statusCode(), r.body());
    Map<String, Object> b = Http.body(r);
    assertEquals(CoreFixture.CLIENT_A, b.get("attr_client_id"));
    assertEquals(b.get("attr_subject"), b.get("remote_user"));
    assertEquals("BEARER", b.get("auth_type"));
    assertEquals(true, b.get("in_role_users_read"));
    assertEquals("users:read", b.get("attr_scopes"));
  }

  @Test
  void bearerWhenExpiredThenExpiredCodeWithIssuedAndExpiredDetails() throws Exception {
    java.time.Instant issued = core.now();
    String at = accessToken(CoreFixture.CLIENT_A, CoreFixture.SECRET_A, "users:read");
    core.advance(Duration.ofSeconds(3600 + 31));
    HttpResponse<String> r = http.get("/api/v3/users", "Authorization", "Bearer " + at);
    assertError(r, 401, "invalid_token", "AUTH_TOKEN_EXPIRED");
    Map<?, ?> details = (Map<?, ?>) Http.body(r).get("details");
    assertEquals(issued.toString(), details.get("issued_at"));
    assertEquals(issued.plusSeconds(3600).toString(), details.get("expired_at"));
    String challenge = r.headers().firstValue("WWW-Authenticate").orElseThrow();
    assertTrue(challenge.startsWith("Bearer realm=\"admin\", error=\"invalid_token\", error_description=\""),
        challenge);
  }

  @Test
  void bearerWhenNotYetValidThenNotYetValidCode() throws Exception {
    String at = accessToken(CoreFixture.CLIENT_A, CoreFixture.SECRET_A, "users:read");
    core.advance(Duration.ofSeconds(-120));
    try {
      assertError(http.get("/api/v3/users", "Authorization", "Bearer " + at),
          401, "invalid_token", "AUTH_TOKEN_NOT_YET_VALID");
    } finally {
      core.advance(Duration.ofSeconds(120));
    }
  }

  @Test
  void bearerWhenSignatureTamperedThenInvalidToken() throws Exception {
    String at = accessToken(CoreFixture.CLIENT_A, CoreFixture.SECRET_A, "users:read");
    String[] parts = at.split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("users:read", "users:write");
    String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    assertError(http.send("POST", "/api/v3/users", null, null, "Authorization", "Bearer " + forged),
        401, "invalid_token", "AUTH_TOKEN_INVALID");
  }

  @Test
  void bearerWhenSignedByAnotherIssuerThenInvalidToken() throws Exception {
    CoreFixture other = new CoreFixture("https://other.example.test");
    io.admin.auth.core.issue.TokenResult issued = other.tokens().clientCredentials(
        ((io.admin.auth.core.issue.ClientAuthentication.Succeeded) other.tokens()
            .authenticateClient(CoreFixture.CLIENT_A, CoreFixture.SECRET_A)).client(),
        java.util.Optional.of("users:read"));
    String foreign = ((io.admin.auth.core.issue.TokenResult.Issued) issued).response().accessToken();
    assertError(http.get("/api/v3/users", "Authorization", "Bearer " + foreign),
        401, "invalid_token", "AUTH_TOKEN_INVALID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"eyJhbGciOiJub25lIiwidHlwIjoiYXQrand0In0.eyJzdWIiOiJ4Iiwic2NvcGUiOiJ1c2VyczpyZWFkIn0.",
      "a.b.c", "x", "eyJhbGciOiJIUzI1NiJ9.e30.c2ln"})
  void bearerWhenTokenHostileThenInvalidToken(String token) throws Exception {
    assertError(http.get("/api/v3/users", "Authorization", "Bearer " + token),
        401, "invalid_token", "AUTH_TOKEN_INVALID");
  }

  @Test
  void bearerWhenScopeMissingThenForbidden() throws Exception {
    String at = accessToken(CoreFixture.CLIENT_A, CoreFixture.SECRET_A, "users:read");
    HttpResponse<String> r = http.send("POST", "/api/v3/users", null, null, "Authorization", "Bearer " + at);
    assertError(r, 403, "insufficient_scope", "AUTH_INSUFFICIENT_SCOPE");
    assertTrue(r.headers().firstValue("WWW-Authenticate").orElseThrow().endsWith("scope=\"users:write\""));
  }

  @Test
  void bearerWhenNoCredentialsThenOneBearerChallenge() throws Exception {
    HttpResponse<String> r = http.get("/api/v3/me");
    assertError(r, 401, "unauthorized", "AUTH_CREDENTIALS_MISSING");
    assertEquals(List.of("Bearer realm=\"admin\""), r.headers().allValues("WWW-Authenticate"));
  }

  @Test
  void pathWhenAmbiguousInNonRootContextThenBadRequest() throws Exception {
    String at = accessToken(CoreFixture.CLIENT_A, CoreFixture.SECRET_A, "users:read");
    for (String p : List.of("/api/v3/users;x=y", "/api/v3/./users", "/api/./v3/users", "/api/v3//users")) {
      HttpResponse<String> r = http.get(p, "Authorization", "Bearer " + at);
      assertEquals(400, r.statusCode(), p);
      assertFalse(r.body().contains(EchoServlet.MARKER), p);
    }
  }

  // ---- revocation ---------------------------------------------------------------------------

  @Test
  void revokeWhenOwnAccessTokenThenFilterRejectsItAsRevoked() throws Exception {
    String at = accessToken(CoreFixture.CLIENT_A, CoreFixture.SECRET_A, "users:read");
    HttpResponse<String> r = http.form("/api/v3/auth/revoke", "token=" + enc(at)
        + "&token_type_hint=access_token", "Authorization", basic(CoreFixture.CLIENT_A, CoreFixture.SECRET_A));
    assertEquals(200, r.statusCode(), r.body());
    assertError(http.get("/api/v3/users", "Authorization", "Bearer " + at),
        401, "invalid_token", "AUTH_TOKEN_REVOKED");
  }

  @Test
  void revokeWhenOwnRefreshTokenThenRefreshFails() throws Exception {
    String rt = (String) Http.body(clientCredentials(CoreFixture.CLIENT_A, CoreFixture.SECRET_A, null))
        .get("refresh_token");
    assertEquals(200, http.json("/api/v3/auth/revoke", Json.write(Map.of("token", rt,
        "client_id", CoreFixture.CLIENT_A, "client_secret", CoreFixture.SECRET_A))).statusCode());
    assertEquals("invalid_grant", Http.body(refresh(rt, null)).get("error"));
  }

  @Test
  void revokeWhenTokenUnknownOrForeignThen200AndForeignTokenStillWorks() throws Exception {
    HttpResponse<String> unknown = http.form("/api/v3/auth/revoke", "token=garbage",
        "Authorization", basic(CoreFixture.CLIENT_B, CoreFixture.SECRET_B));
    assertEquals(200, unknown.statusCode());
    String at = accessToken(CoreFixture.CLIENT_A, CoreFixture.SECRET_A, "users:read");
    HttpResponse<String> foreign = http.form("/api/v3/auth/revoke", "token=" + enc(at),
        "Authorization", basic(CoreFixture.CLIENT_B, CoreFixture.SECRET_B));
    assertEquals(200, foreign.statusCode());
    assertEquals(200, http.get("/api/v3/users", "Authorization", "Bearer " + at).statusCode());
  }

  @Test
  void revokeWhenNotAuthenticatedOrTokenMissingThenContractErrors() throws Exception {
    assertError(http.form("/api/v3/auth/revoke", "token=x"), 401, "invalid_client", "AUTH_CLIENT_INVALID");
    assertError(http.form("/api/v3/auth/revoke", "", "Authorization",
        basic(CoreFixture.CLIENT_A, CoreFixture.SECRET_A)), 400, "invalid_request", "AUTH_REQUEST_INVALID");
  }

  // ---- introspection ------------------------------------------------------------------------

  @Test
  void introspectWhenActiveThenClaims() throws Exception {
    java.time.Instant issued = core.now();
    String at = accessToken(CoreFixture.CLIENT_A, CoreFixture.SECRET_A, "users:read");
    HttpResponse<String> r = http.form("/api/v3/auth/introspect", "token=" + enc(at),
        "Authorization", basic(CoreFixture.CLIENT_A, CoreFixture.SECRET_A));
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
    Map<String, Object> b = Http.body(r);
    assertEquals(true, b.get("active"));
    assertEquals("users:read", b.get("scope"));
    assertEquals(CoreFixture.CLIENT_A, b.get("client_id"));
    assertEquals(CoreFixture.ISSUER, b.get("iss"));
    assertEquals(issued.plusSeconds(3600).getEpochSecond(), b.get("exp"));
    assertNotNull(b.get("sub"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."})
  void introspectWhenNotValidThenOnlyActiveFalse(String token) throws Exception {
    HttpResponse<String> r = http.form("/api/v3/auth/introspect", "token=" + enc(token),
        "Authorization", basic(CoreFixture.CLIENT_A, CoreFixture.SECRET_A));
    assertEquals(200, r.statusCode());
    assertEquals(Map.of("active", false), Http.body(r));
  }

  @Test
  void introspectWhenExpiredThenActiveFalse() throws Exception {
    String at = accessToken(CoreFixture.CLIENT_A, CoreFixture.SECRET_A, "users:read");
    core.advance(Duration.ofHours(2));
    HttpResponse<String> r = http.form("/api/v3/auth/introspect", "token=" + enc(at),
        "Authorization", basic(CoreFixture.CLIENT_A, CoreFixture.SECRET_A));
    assertEquals(Map.of("active", false), Http.body(r));
  }

  @Test
  void introspectWhenCallerNotAuthenticatedThenInvalidClient() throws Exception {
    String at = accessToken(CoreFixture.CLIENT_A, CoreFixture.SECRET_A, "users:read");
    assertError(http.form("/api/v3/auth/introspect", "token=" + enc(at)),
        401, "invalid_client", "AUTH_CLIENT_INVALID");
    assertError(http.form("/api/v3/auth/introspect", "token=" + enc(at), "Authorization", "Bearer " + at),
        401, "invalid_client", "AUTH_CLIENT_INVALID");
  }

  // ---- JWKS and metadata --------------------------------------------------------------------

  @Test
  void jwksWhenFetchedThenPublicKeysCacheable() throws Exception {
    HttpResponse<String> r = http.get("/.well-known/jwks.json");
    assertEquals(200, r.statusCode());
    assertEquals("public, max-age=300", r.headers().firstValue("Cache-Control").orElse(null));
    List<?> keys = (List<?>) Http.body(r).get("keys");
    assertFalse(keys.isEmpty());
    for (Object k : keys) {
      Map<?, ?> key = (Map<?, ?>) k;
      assertNotNull(key.get("kid"));
      assertFalse(key.containsKey("d"), "no private part");
      assertFalse(key.containsKey("k"), "no symmetric key");
    }
  }

  @Test
  void metadataWhenFetchedAtBothPathsThenSameCompleteDocument() throws Exception {
    HttpResponse<String> oauth = http.get("/.well-known/oauth-authorization-server");
    HttpResponse<String> oidc = http.get("/.well-known/openid-configuration");
    assertEquals(200, oauth.statusCode());
    assertEquals(200, oidc.statusCode());
    assertEquals(Http.body(oauth), Http.body(oidc));
    Map<String, Object> m = Http.body(oauth);
    String base = CoreFixture.ISSUER + CONTEXT;
    assertEquals(CoreFixture.ISSUER, m.get("issuer"));
    assertEquals(base + "/api/v3/auth/token", m.get("token_endpoint"));
    assertEquals(base + "/api/v3/auth/revoke", m.get("revocation_endpoint"));
    assertEquals(base + "/api/v3/auth/introspect", m.get("introspection_endpoint"));
    assertEquals(base + "/.well-known/jwks.json", m.get("jwks_uri"));
    assertEquals(List.of("client_credentials", "refresh_token"), m.get("grant_types_supported"));
    List<String> methods = List.of("client_secret_basic", "client_secret_post");
    assertEquals(methods, m.get("token_endpoint_auth_methods_supported"));
    assertEquals(methods, m.get("revocation_endpoint_auth_methods_supported"));
    assertEquals(methods, m.get("introspection_endpoint_auth_methods_supported"));
    assertEquals(core.tokens().signingAlgorithms(), m.get("access_token_signing_alg_values_supported"));
    assertEquals(List.of("users:read", "users:write"), m.get("scopes_supported"));
  }

  @Test
  void wellKnownWhenPostedThenMethodNotAllowed() throws Exception {
    assertEquals(405, http.form("/.well-known/jwks.json", "").statusCode());
    assertEquals(405, http.form("/.well-known/openid-configuration", "").statusCode());
  }

  // ---- helpers ------------------------------------------------------------------------------

  private HttpResponse<String> token(String id, String secret, String form) throws Exception {
    return http.form("/api/v3/auth/token", form, "Authorization", basic(id, secret));
  }

  private HttpResponse<String> clientCredentials(String id, String secret, String scope) throws Exception {
    HttpResponse<String> r = token(id, secret, "grant_type=client_credentials"
        + (scope == null ? "" : "&scope=" + enc(scope)));
    assertEquals(200, r.statusCode(), r.body());
    return r;
  }

  private String accessToken(String id, String secret, String scope) throws Exception {
    return (String) Http.body(clientCredentials(id, secret, scope)).get("access_token");
  }

  private HttpResponse<String> refresh(String refreshToken, String scope) throws Exception {
    return token(CoreFixture.CLIENT_A, CoreFixture.SECRET_A, "grant_type=refresh_token&refresh_token="
        + enc(refreshToken) + (scope == null ? "" : "&scope=" + enc(scope)));
  }

  static String basic(String id, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret)
        .getBytes(StandardCharsets.UTF_8));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
