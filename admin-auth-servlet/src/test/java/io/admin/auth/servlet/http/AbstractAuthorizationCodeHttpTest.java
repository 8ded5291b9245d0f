package io.admin.auth.servlet.http;

import static io.admin.auth.servlet.http.AbstractEndToEndHttpTest.basic;
import static io.admin.auth.servlet.http.AbstractEndToEndHttpTest.enc;
import static io.admin.auth.servlet.http.AbstractFilterHttpTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.signin.ApprovedAuthorization;
import io.admin.auth.core.signin.Pkce;
import io.admin.auth.core.spi.SignInSettings;
import io.admin.auth.core.testing.MutableClock;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import jakarta.servlet.ServletContainerInitializer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The token endpoint's {@code authorization_code} grant on a live container: public clients by
 * {@code client_id} alone, confidential ones by their secret, {@code id_token} in the answer, and
 * the failures in the contract's JSON. Codes are issued through the core token service, as the
 * authorization endpoint will issue them. Run against every container by a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractAuthorizationCodeHttpTest {

  private static final String TOKEN = "/api/v3/auth/token";
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  private static final String SPA_REDIRECT = "http://127.0.0.1:9999/callback";
  private static final String WEB_REDIRECT = "https://web.example/cb";
  private static final String WEB_SECRET = "secret-web-0123456789abcdef";
  private static final Set<String> SCOPES = Set.of("openid", "profile", "offline_access",
      "users:read");

  private DefaultTokenService tokens;
  private TestServer server;
  private Http http;

  abstract TestServer.Factory container();

  @BeforeAll
  void start() throws Exception {
    tokens = DefaultTokenService.builder().issuer(CoreFixture.ISSUER)
        .clock(new MutableClock(CoreFixture.START)).signingAlgorithm(SigningAlgorithm.ES256)
        .keepRs256KeyForIdTokens(true).build();
    tokens.registerClient(ClientRegistration.signingIn("spa", null, SCOPES,
        new SignInSettings(true, List.of(SPA_REDIRECT), List.of(), true, null)));
    tokens.registerClient(ClientRegistration.signingIn("web", WEB_SECRET, SCOPES,
        new SignInSettings(false, List.of(WEB_REDIRECT), List.of(), false, "Web")));
    tokens.registerClient(ClientRegistration.of("machine", WEB_SECRET, Set.of("users:read")));
    AdminAuth auth = AdminAuth.builder(tokens).baseUrl(CoreFixture.ISSUER)
        .accessPolicy(AccessPolicy.builder().protectedPrefix("/api").build()).build();
    ServletContainerInitializer app = (classes, ctx) -> auth.register(ctx);
    server = container().start("", app);
    http = new Http(server.base());
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  private String code(String client, String redirect, Set<String> scopes) {
    return tokens.issueAuthorizationCode(new ApprovedAuthorization(client, redirect,
        Pkce.s256(VERIFIER), "alice", scopes, "nonce-1", CoreFixture.START, null)).code();
  }

  private static String exchangeBody(String client, String code, String redirect) {
    return "grant_type=authorization_code&client_id=" + client + "&code=" + enc(code)
        + "&redirect_uri=" + enc(redirect) + "&code_verifier=" + VERIFIER;
  }

  private static Map<String, Object> claims(String jwt, int part) {
    return Json.parseObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[part]),
        StandardCharsets.UTF_8)).orElseThrow();
  }

  @Test
  void publicClientWhenClientIdAloneAndCodeValidThenTokensWithIdTokenNotCached()
      throws Exception {
    HttpResponse<String> r = http.form(TOKEN,
        exchangeBody("spa", code("spa", SPA_REDIRECT, SCOPES), SPA_REDIRECT));

    assertEquals(200, r.statusCode(), r.body());
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
    assertEquals("no-cache", r.headers().firstValue("Pragma").orElse(null));
    Map<String, Object> b = Http.body(r);
    assertEquals("Bearer", b.get("token_type"));
    assertEquals("offline_access openid profile users:read", b.get("scope"));
    assertTrue(b.get("refresh_token") instanceof String);
    String idToken = (String) b.get("id_token");
    assertEquals("JWT", claims(idToken, 0).get("typ"));
    assertEquals("RS256", claims(idToken, 0).get("alg"));
    assertEquals("spa", claims(idToken, 1).get("aud"));
    assertEquals("nonce-1", claims(idToken, 1).get("nonce"));
    AuthOutcome.Authenticated access = assertInstanceOf(AuthOutcome.Authenticated.class,
        tokens.verify((String) b.get("access_token")));
    assertEquals("alice", access.principal().subject());
    assertEquals("spa", access.principal().clientId());
  }

  @Test
  void publicClientWhenJsonBodyThenSameAnswer() throws Exception {
    HttpResponse<String> r = http.json(TOKEN, Json.write(Map.of(
        "grant_type", "authorization_code", "client_id", "spa",
        "code", code("spa", SPA_REDIRECT, Set.of("openid")), "redirect_uri", SPA_REDIRECT,
        "code_verifier", VERIFIER)));
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(Http.body(r).containsKey("id_token"));
    assertFalse(Http.body(r).containsKey("refresh_token"));
  }

  @Test
  void withoutOpenidThenNoIdTokenMember() throws Exception {
    HttpResponse<String> r = http.form(TOKEN,
        exchangeBody("spa", code("spa", SPA_REDIRECT, Set.of("users:read")), SPA_REDIRECT));
    assertEquals(200, r.statusCode(), r.body());
    assertFalse(Http.body(r).containsKey("id_token"));
  }

  @Test
  void confidentialClientWhenSecretThenTokensAndWhenClientIdAloneThenInvalidClient()
      throws Exception {
    String body = "grant_type=authorization_code&code="
        + enc(code("web", WEB_REDIRECT, Set.of("openid"))) + "&redirect_uri="
        + enc(WEB_REDIRECT) + "&code_verifier=" + VERIFIER;
    HttpResponse<String> alone = http.form(TOKEN, body + "&client_id=web");
    assertError(alone, 401, "invalid_client", "AUTH_CLIENT_INVALID");

    HttpResponse<String> ok = http.form(TOKEN, body, "Authorization", basic("web", WEB_SECRET));
    assertEquals(200, ok.statusCode(), ok.body());
    assertTrue(Http.body(ok).containsKey("id_token"));
  }

  @Test
  void publicClientWhenItSendsASecretThenInvalidClient() throws Exception {
    String body = exchangeBody("spa", code("spa", SPA_REDIRECT, Set.of("openid")), SPA_REDIRECT);
    assertError(http.form(TOKEN, body + "&client_secret=" + enc(WEB_SECRET)),
        401, "invalid_client", "AUTH_CLIENT_INVALID");
    assertError(http.form(TOKEN, body.replace("&client_id=spa", ""),
        "Authorization", basic("spa", "")), 401, "invalid_client", "AUTH_CLIENT_INVALID");
  }

  @Test
  void unknownClientIdAloneThenTheSameInvalidClientAsAConfidentialOne() throws Exception {
    HttpResponse<String> unknown = http.form(TOKEN, "grant_type=authorization_code&client_id=nobody");
    HttpResponse<String> machine = http.form(TOKEN, "grant_type=authorization_code&client_id=machine");
    assertError(unknown, 401, "invalid_client", "AUTH_CLIENT_INVALID");
    assertEquals(unknown.body(), machine.body());
  }

  @Test
  void codeReplayedThenInvalidGrantAndTheFirstAccessTokenIsRevoked() throws Exception {
    String body = exchangeBody("spa", code("spa", SPA_REDIRECT, SCOPES), SPA_REDIRECT);
    HttpResponse<String> first = http.form(TOKEN, body);
    assertEquals(200, first.statusCode(), first.body());

    HttpResponse<String> replay = http.form(TOKEN, body);
    assertError(replay, 400, "invalid_grant", "AUTH_AUTHORIZATION_CODE_INVALID");

    String access = (String) Http.body(first).get("access_token");
    assertInstanceOf(AuthOutcome.Rejected.class, tokens.verify(access));
    HttpResponse<String> refresh = http.form(TOKEN, "grant_type=refresh_token&client_id=spa"
        + "&refresh_token=" + enc((String) Http.body(first).get("refresh_token")));
    assertEquals(400, refresh.statusCode(), refresh.body());
    assertEquals("invalid_grant", Http.body(refresh).get("error"));
  }

  @Test
  void redirectUriWithATrailingSlashThenInvalidGrantWithoutSayingWhy() throws Exception {
    HttpResponse<String> r = http.form(TOKEN,
        exchangeBody("spa", code("spa", SPA_REDIRECT, SCOPES), SPA_REDIRECT + "/"));
    assertError(r, 400, "invalid_grant", "AUTH_AUTHORIZATION_CODE_INVALID");
    assertFalse(r.body().contains("redirect"), r.body());
  }

  @Test
  void missingCodeVerifierThenInvalidRequest() throws Exception {
    String code = code("spa", SPA_REDIRECT, SCOPES);
    HttpResponse<String> r = http.form(TOKEN, "grant_type=authorization_code&client_id=spa&code="
        + enc(code) + "&redirect_uri=" + enc(SPA_REDIRECT));
    assertError(r, 400, "invalid_request", "AUTH_REQUEST_INVALID");
  }

  @Test
  void publicClientRefreshWhenRotatedThenReuseIsDetected() throws Exception {
    HttpResponse<String> first = http.form(TOKEN,
        exchangeBody("spa", code("spa", SPA_REDIRECT, SCOPES), SPA_REDIRECT));
    String refresh = (String) Http.body(first).get("refresh_token");
    String rotate = "grant_type=refresh_token&client_id=spa&refresh_token=" + enc(refresh);

    HttpResponse<String> rotated = http.form(TOKEN, rotate);
    assertEquals(200, rotated.statusCode(), rotated.body());
    assertError(http.form(TOKEN, rotate), 400, "invalid_grant", "AUTH_REFRESH_TOKEN_REUSED");
  }

  @Test
  void machineClientWhenAuthorizationCodeGrantThenStillUnsupported() throws Exception {
    assertError(http.form(TOKEN, "grant_type=authorization_code",
        "Authorization", basic("machine", WEB_SECRET)),
        400, "unsupported_grant_type", "AUTH_GRANT_UNSUPPORTED");
  }

  /**
   * RFC 7009 2.1 asks for client credentials of confidential clients only: a mobile app must be
   * able to end its own refresh family when the person signs out.
   */
  @Test
  void publicClientWhenItRevokesItsRefreshTokenWithClientIdAloneThenTheFamilyEnds()
      throws Exception {
    HttpResponse<String> first = http.form(TOKEN,
        exchangeBody("spa", code("spa", SPA_REDIRECT, SCOPES), SPA_REDIRECT));
    String refresh = (String) Http.body(first).get("refresh_token");

    HttpResponse<String> revoked = http.form("/api/v3/auth/revoke",
        "client_id=spa&token_type_hint=refresh_token&token=" + enc(refresh));

    assertEquals(200, revoked.statusCode(), revoked.body());
    assertError(http.form(TOKEN, "grant_type=refresh_token&client_id=spa&refresh_token="
        + enc(refresh)), 400, "invalid_grant", "AUTH_REFRESH_TOKEN_INVALID");
  }

  @Test
  void publicClientWhenItRevokesAnotherClientsTokenThenNothingHappens() throws Exception {
    HttpResponse<String> web = http.form(TOKEN,
        exchangeBody("web", code("web", WEB_REDIRECT, SCOPES), WEB_REDIRECT)
            + "&client_secret=" + WEB_SECRET);
    assertEquals(200, web.statusCode(), web.body());
    String refresh = (String) Http.body(web).get("refresh_token");

    HttpResponse<String> revoked = http.form("/api/v3/auth/revoke",
        "client_id=spa&token=" + enc(refresh));

    assertEquals(200, revoked.statusCode(), "RFC 7009: the same answer, no probing");
    HttpResponse<String> still = http.form(TOKEN, "grant_type=refresh_token&client_id=web"
        + "&client_secret=" + WEB_SECRET + "&refresh_token=" + enc(refresh));
    assertEquals(200, still.statusCode(), still.body());
  }

  @Test
  void confidentialClientWhenItRevokesWithClientIdAloneThenInvalidClient() throws Exception {
    assertError(http.form("/api/v3/auth/revoke", "token=x&client_id=web"),
        401, "invalid_client", "AUTH_CLIENT_INVALID");
  }

  @Test
  void introspectionWhenClientIdAloneThenStillMissingCredentials() throws Exception {
    assertError(http.form("/api/v3/auth/introspect", "token=x&client_id=spa"),
        401, "invalid_client", "AUTH_CLIENT_INVALID");
  }
}
