package io.admin.auth.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.nimbusds.jwt.SignedJWT;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.testing.MutableClock;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interop with an OIDC provider this project did not write: NAV's mock-oauth2-server, started in
 * this JVM on loopback. Its tokens carry {@code typ JWT}, an RS256 signature and a {@code kid}
 * per issuer id; discovery and JWKS are fetched from it over real HTTP.
 */
class MockOAuth2ServerInteropTest {

  private static final String AUDIENCE = "api://admin";
  private static MockOAuth2Server server;

  private MutableClock clock;

  @BeforeAll
  static void start() {
    server = new MockOAuth2Server();
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterAll
  static void stop() {
    server.shutdown();
  }

  private static String issuer(String id) {
    return server.issuerUrl(id).toString();
  }

  private MultiIssuerVerifier router(TrustedIssuer... trusted) {
    MultiIssuerVerifier.Builder b = MultiIssuerVerifier.builder().clock(clock)
        .ownIssuer("https://auth.example.com", t -> AuthOutcome.rejected(AuthErrorCode.AUTH_TOKEN_INVALID, "own"));
    for (TrustedIssuer t : trusted) {
      b.trust(t);
    }
    return b.build();
  }

  private static TrustedIssuer.Builder trusted(String id) {
    // Generous timeouts: the mock server shares a loaded CI machine, and these tests are about
    // claims and types, not about slow providers (RemoteJwkSetCache tests cover timeouts).
    return TrustedIssuer.builder(issuer(id)).audience(AUDIENCE).acceptJwtTyp(true).allowInsecureLoopback(true)
        .jwksCache(JwksCachePolicy.defaults().withLimits(
            Duration.ofSeconds(30), Duration.ofSeconds(30), 512 * 1024));
  }

  /** Issues a token and sets the verifier's clock to its issue time. */
  private String issue(String id, String typ, String audience, Map<String, Object> claims, long expirySeconds)
      throws Exception {
    SignedJWT jwt = server.issueToken(id, "client-1",
        new DefaultOAuth2TokenCallback(id, "alice", typ, List.of(audience), claims, expirySeconds));
    clock = new MutableClock(jwt.getJWTClaimsSet().getIssueTime().toInstant());
    return jwt.serialize();
  }

  private static AuthErrorCode code(AuthOutcome outcome) {
    return assertInstanceOf(AuthOutcome.Rejected.class, outcome).error().code();
  }

  @Test
  void verifyWhenIssuerTrustedThenItsAccessTokenAcceptedWithScopesMapped() throws Exception {
    String token = issue("idp-a", "JWT", AUDIENCE,
        Map.of("scope", "users:read users:write", "client_id", "reporting"), 3600);

    AuthOutcome outcome = router(trusted("idp-a").build()).verify(token);

    AuthPrincipal p = assertInstanceOf(AuthOutcome.Authenticated.class, outcome).principal();
    assertEquals("alice", p.subject());
    assertEquals("reporting", p.clientId());
    assertEquals(Set.of("users:read", "users:write"), p.scopes());
    assertEquals(issuer("idp-a"), p.issuer());
    assertEquals(AuthMethod.BEARER, p.method());
  }

  @Test
  void verifyWhenKeycloakStyleRolesThenMappedToScopes() throws Exception {
    String token = issue("idp-a", "JWT", AUDIENCE,
        Map.of("realm_access", Map.of("roles", List.of("users:read", "api-keys:manage"))), 3600);
    TrustedIssuer keycloakLike = trusted("idp-a")
        .claims(ClaimMapping.defaults().withScopeClaims("scope", "realm_access.roles")
            // The library's own scope counts only because this mapping grants it explicitly.
            .withLibraryScopes("api-keys:manage")).build();

    AuthPrincipal p = assertInstanceOf(AuthOutcome.Authenticated.class,
        router(keycloakLike).verify(token)).principal();

    assertEquals(Set.of("users:read", "api-keys:manage"), p.scopes());
  }

  @Test
  void verifyWhenTypJwtAndOnlyAtJwtAcceptedThenRejectedButAtJwtAccepted() throws Exception {
    TrustedIssuer strict = trusted("idp-a").acceptJwtTyp(false).build();

    String jwtTyp = issue("idp-a", "JWT", AUDIENCE, Map.of(), 3600);
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(router(strict).verify(jwtTyp)));

    String atJwt = issue("idp-a", "at+jwt", AUDIENCE, Map.of(), 3600);
    assertInstanceOf(AuthOutcome.Authenticated.class, router(strict).verify(atJwt));
  }

  @Test
  void verifyWhenIssuerNotTrustedThenRejectedAsInvalid() throws Exception {
    String token = issue("idp-untrusted", "JWT", AUDIENCE, Map.of("scope", "users:read"), 3600);

    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(router(trusted("idp-a").build()).verify(token)));
  }

  @Test
  void verifyWhenAudienceWrongThenRejectedAsInvalid() throws Exception {
    String token = issue("idp-a", "JWT", "api://someone-else", Map.of("scope", "users:read"), 3600);

    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(router(trusted("idp-a").build()).verify(token)));
  }

  @Test
  void verifyWhenExpiredThenRejectedWithExpiredCode() throws Exception {
    String token = issue("idp-a", "JWT", AUDIENCE, Map.of("scope", "users:read"), 60);
    MultiIssuerVerifier router = router(trusted("idp-a").build());
    clock.advance(Duration.ofSeconds(60 + 31));

    AuthOutcome.Rejected rejected = assertInstanceOf(AuthOutcome.Rejected.class, router.verify(token));

    assertEquals(AuthErrorCode.AUTH_TOKEN_EXPIRED, rejected.error().code());
    Instant iat = Instant.parse((String) rejected.error().details().get("issued_at"));
    assertEquals(iat.plusSeconds(60).toString(), rejected.error().details().get("expired_at"));
  }

  @Test
  void verifyWhenTwoMockIssuersTrustedThenEachAcceptedAndKidsNotInterchangeable() throws Exception {
    MultiIssuerVerifier both;
    String fromA = issue("idp-a", "JWT", AUDIENCE, Map.of("scope", "a"), 3600);
    String fromB = issue("idp-b", "JWT", AUDIENCE, Map.of("scope", "b"), 3600);
    both = router(trusted("idp-a").build(), trusted("idp-b").build());

    assertEquals(Set.of("a"), assertInstanceOf(AuthOutcome.Authenticated.class, both.verify(fromA)).principal().scopes());
    assertEquals(Set.of("b"), assertInstanceOf(AuthOutcome.Authenticated.class, both.verify(fromB)).principal().scopes());
    // The mock's header kid is its issuer id: splice A's signed header and signature onto a B payload.
    String[] a = fromA.split("\\.");
    String[] b = fromB.split("\\.");
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(both.verify(a[0] + "." + b[1] + "." + a[2])));
  }

  @Test
  void verifyWhenTokenFromClientCredentialsGrantOverHttpThenAccepted() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.tokenEndpointUrl("idp-a").toString()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(
            "grant_type=client_credentials&client_id=reporting&client_secret=s3cret&scope=" + AUDIENCE))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    String token = (String) Json.parseObject(response.body()).orElseThrow().get("access_token");
    clock = new MutableClock(SignedJWT.parse(token).getJWTClaimsSet().getIssueTime().toInstant());

    AuthPrincipal p = assertInstanceOf(AuthOutcome.Authenticated.class,
        router(trusted("idp-a").build()).verify(token)).principal();

    // The mock puts the client in sub for client_credentials and sends no client_id/azp claim.
    assertEquals("reporting", p.subject());
    assertEquals(issuer("idp-a"), p.issuer());
  }
}
