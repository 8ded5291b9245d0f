package io.admin.auth.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FederatedTokenVerifierTest {

  private static final Instant T0 = Instant.parse("2025-03-15T10:00:00Z");
  private static TestKey rsa;
  private static TestKey ec;
  private static TestKey ed;
  private static TestKey ps;
  private static TestKey unpublished;
  private static FakeProvider provider;

  private final MutableClock clock = new MutableClock(T0);

  @BeforeAll
  static void start() throws Exception {
    rsa = TestKey.rsa("rsa-1");
    ec = TestKey.ec("ec-1");
    ed = TestKey.ed25519("ed-1");
    ps = TestKey.rsa("ps-1", "PS256");
    unpublished = TestKey.rsa("rsa-1"); // same kid as a published key, other key material
    provider = FakeProvider.start("/realms/acme", rsa, ec, ed, ps);
  }

  @AfterAll
  static void stop() {
    provider.close();
  }

  private TrustedIssuer.Builder config() {
    return TrustedIssuer.builder(provider.issuer()).audience("api").allowInsecureLoopback(true);
  }

  private FederatedTokenVerifier verifier(TrustedIssuer issuer) {
    return FederatedTokenVerifier.create(issuer, clock);
  }

  private FederatedTokenVerifier verifier() {
    return verifier(config().build());
  }

  private TestToken token() {
    return TestToken.of(provider.issuer(), T0);
  }

  private static AuthErrorCode code(AuthOutcome outcome) {
    return assertInstanceOf(AuthOutcome.Rejected.class, outcome).error().code();
  }

  @ParameterizedTest
  @ValueSource(strings = {"rsa", "ec", "ed", "ps"})
  void verifyWhenSignedByPublishedKeyThenAuthenticatedAsBearerWithMappedClaims(String which) {
    TestKey key = switch (which) {
      case "rsa" -> rsa;
      case "ec" -> ec;
      case "ed" -> ed;
      default -> ps;
    };

    AuthOutcome outcome = verifier().verify(token().sign(key));

    AuthPrincipal p = assertInstanceOf(AuthOutcome.Authenticated.class, outcome).principal();
    assertEquals("alice", p.subject());
    assertEquals("reporting-app", p.clientId());
    assertEquals(Set.of("users:read", "users:write"), p.scopes());
    assertEquals(provider.issuer(), p.issuer());
    assertEquals(AuthMethod.BEARER, p.method());
    assertEquals(T0.plus(Duration.ofMinutes(5)), p.expiresAt());
    assertEquals("id-" + T0.toEpochMilli(), p.claims().get("jti"));
  }

  @Test
  void verifyWhenExpiredBeyondSkewThenRejectedWithExpiredCodeAndDetails() {
    String token = token().sign(rsa);
    clock.advance(Duration.ofMinutes(5).plusSeconds(31));

    AuthOutcome.Rejected rejected = assertInstanceOf(AuthOutcome.Rejected.class, verifier().verify(token));

    assertEquals(AuthErrorCode.AUTH_TOKEN_EXPIRED, rejected.error().code());
    assertEquals(Map.of("issued_at", "2025-03-15T10:00:00Z", "expired_at", "2025-03-15T10:05:00Z"),
        rejected.error().details());
  }

  @Test
  void verifyWhenExpiredWithinSkewThenAuthenticated() {
    String token = token().sign(rsa);
    clock.advance(Duration.ofMinutes(5).plusSeconds(29));

    assertInstanceOf(AuthOutcome.Authenticated.class, verifier().verify(token));
  }

  @Test
  void verifyWhenExactlyAtExpiryPlusSkewThenRejectedWithExpiredCode() {
    String token = token().sign(rsa);
    clock.advance(Duration.ofMinutes(5).plusSeconds(30));

    assertEquals(AuthErrorCode.AUTH_TOKEN_EXPIRED, code(verifier().verify(token)));
  }

  @Test
  void verifyWhenIssuedInFutureBeyondSkewThenRejectedWithNotYetValidCode() {
    String future = token().claim("iat", T0.plusSeconds(31).getEpochSecond())
        .claim("exp", T0.plusSeconds(600).getEpochSecond()).sign(rsa);
    String withinSkew = token().claim("iat", T0.plusSeconds(30).getEpochSecond())
        .claim("exp", T0.plusSeconds(600).getEpochSecond()).sign(rsa);

    assertEquals(AuthErrorCode.AUTH_TOKEN_NOT_YET_VALID, code(verifier().verify(future)));
    assertInstanceOf(AuthOutcome.Authenticated.class, verifier().verify(withinSkew));
  }

  @Test
  void verifyWhenNotBeforeInFutureBeyondSkewThenRejectedWithNotYetValidCode() {
    String token = token().claim("nbf", T0.plusSeconds(60).getEpochSecond()).sign(rsa);

    assertEquals(AuthErrorCode.AUTH_TOKEN_NOT_YET_VALID, code(verifier().verify(token)));
  }

  @Test
  void verifyWhenTypJwtAndNotAcceptedThenRejectedAndWhenAcceptedThenAuthenticated() {
    String jwtTyp = token().header("typ", "JWT").sign(rsa);
    String noTyp = token().header("typ", null).sign(rsa);

    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(verifier().verify(jwtTyp)));
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(verifier().verify(noTyp)));
    FederatedTokenVerifier lenient = verifier(config().acceptJwtTyp(true).build());
    assertInstanceOf(AuthOutcome.Authenticated.class, lenient.verify(jwtTyp));
    assertInstanceOf(AuthOutcome.Authenticated.class, lenient.verify(noTyp));
    assertInstanceOf(AuthOutcome.Authenticated.class,
        lenient.verify(token().header("typ", "application/at+jwt").sign(rsa)));
  }

  static Stream<Arguments> hostileTokens() {
    return Stream.of(
        Arguments.of("jwk header", (UnaryOperator<TestToken>) t -> t.header("jwk", Map.of("kty", "RSA"))),
        Arguments.of("jku header", (UnaryOperator<TestToken>) t -> t.header("jku", "https://evil.example/keys")),
        Arguments.of("x5u header", (UnaryOperator<TestToken>) t -> t.header("x5u", "https://evil.example/cert")),
        Arguments.of("x5c header", (UnaryOperator<TestToken>) t -> t.header("x5c", List.of("MIIB"))),
        Arguments.of("crit header", (UnaryOperator<TestToken>) t -> t.header("crit", List.of("exp")).header("exp", 1)),
        Arguments.of("id token typ", (UnaryOperator<TestToken>) t -> t.header("typ", "id+jwt")),
        Arguments.of("wrong audience", (UnaryOperator<TestToken>) t -> t.audience("other-api")),
        Arguments.of("no audience", (UnaryOperator<TestToken>) t -> t.without("aud")),
        Arguments.of("other issuer", (UnaryOperator<TestToken>) t -> t.claim("iss", "https://evil.example")),
        Arguments.of("issuer with trailing slash", (UnaryOperator<TestToken>) t -> t.claim("iss", provider.issuer() + "/")),
        Arguments.of("no expiry", (UnaryOperator<TestToken>) t -> t.without("exp")),
        Arguments.of("no subject", (UnaryOperator<TestToken>) t -> t.without("sub")),
        Arguments.of("unknown kid", (UnaryOperator<TestToken>) t -> t.header("kid", "nobody")),
        Arguments.of("no kid, several keys", (UnaryOperator<TestToken>) t -> t.header("kid", null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileTokens")
  void verifyWhenTokenHostileThenRejectedAsInvalid(String name, UnaryOperator<TestToken> change) {
    String token = change.apply(token()).sign(rsa);

    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(verifier().verify(token)));
  }

  // Parsing, signature and subject mapping are this verifier's own steps with their own wording
  // (the jwk case's half-made key already fails Nimbus's parsing); every other case is a shared rule.
  static Stream<Arguments> sharedRuleTokens() {
    Set<String> ownSteps = Set.of("jwk header", "no subject", "unknown kid", "no kid, several keys");
    return hostileTokens().filter(a -> !ownSteps.contains((String) a.get()[0]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sharedRuleTokens")
  void verifyWhenRuleSharedWithOwnTokensFailsThenOwnTokensWording(String name,
      UnaryOperator<TestToken> change) {
    String token = change.apply(token()).sign(rsa);

    AuthOutcome.Rejected rejected = assertInstanceOf(AuthOutcome.Rejected.class, verifier().verify(token));

    assertEquals("The access token is malformed or invalid.", rejected.error().message(), name);
  }

  @Test
  void verifyWhenExpiredAndForAnotherAudienceThenExpiredAsBefore() {
    String token = token().audience("other-api").sign(rsa);
    clock.advance(Duration.ofHours(1));

    assertEquals(AuthErrorCode.AUTH_TOKEN_EXPIRED, code(verifier().verify(token)));
  }

  @Test
  void verifyWhenAudienceListContainsAcceptedOneThenAuthenticated() {
    assertInstanceOf(AuthOutcome.Authenticated.class,
        verifier().verify(token().audience("account", "api").sign(rsa)));
  }

  @Test
  void verifyWhenAlgNoneThenRejectedAsInvalid() {
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(verifier().verify(token().unsecured())));
  }

  @Test
  void verifyWhenHs256SignedWithPublicKeyBytesThenRejectedAsInvalid() throws Exception {
    // The classic confusion: HMAC keyed with the published RSA key. HS* can never be configured.
    byte[] secret = rsa.publicJwk().toRSAKey().toPublicKey().getEncoded();
    String header = com.nimbusds.jose.util.Base64URL.encode("{\"alg\":\"HS256\",\"kid\":\"rsa-1\",\"typ\":\"at+jwt\"}").toString();
    String payload = token().sign(rsa).split("\\.")[1];
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
    String sig = com.nimbusds.jose.util.Base64URL.encode(
        mac.doFinal((header + "." + payload).getBytes(java.nio.charset.StandardCharsets.US_ASCII))).toString();

    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(verifier().verify(header + "." + payload + "." + sig)));
  }

  @Test
  void verifyWhenAlgNotAllowedForIssuerThenRejectedAsInvalid() {
    FederatedTokenVerifier rsOnly = verifier(config().algorithms("RS256").build());

    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(rsOnly.verify(token().sign(ec))));
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(rsOnly.verify(token().sign(rsa.withAlg("RS384")))));
  }

  @Test
  void verifyWhenRsaKeyUsedUnderPssHeaderOfAnotherKeyThenRejected() {
    // ps-1 is published as an RSA key; a token signed PKCS#1 but labelled PS256 must not verify.
    String token = token().header("kid", "ps-1").header("alg", "PS256").sign(ps.withAlg("RS256"));

    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(verifier().verify(token)));
  }

  @Test
  void verifyWhenSignedByUnpublishedKeyWithKnownKidThenRejected() {
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(verifier().verify(token().sign(unpublished))));
  }

  @Test
  void verifyWhenPayloadTamperedThenRejected() {
    String[] parts = token().sign(rsa).split("\\.");
    String forged = TestToken.of(provider.issuer(), T0).claim("scope", "admin").sign(rsa).split("\\.")[1];

    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID,
        code(verifier().verify(parts[0] + "." + forged + "." + parts[2])));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "a.b", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30.", "....."})
  void verifyWhenMalformedThenRejectedAsInvalid(String token) {
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(verifier().verify(token)));
  }

  @Test
  void verifyWhenNullOrOversizedThenRejectedAsInvalid() {
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(verifier().verify(null)));
    String huge = token().claim("pad", "x".repeat(FederatedTokenVerifier.MAX_TOKEN_CHARS)).sign(rsa);
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(verifier().verify(huge)));
  }

  @Test
  void verifyWhenOnlyOneKeyAndNoKidThenThatKeyIsUsed() throws Exception {
    try (FakeProvider single = FakeProvider.start("", ec)) {
      FederatedTokenVerifier v = verifier(TrustedIssuer.builder(single.issuer()).audience("api")
          .allowInsecureLoopback(true).build());

      String token = TestToken.of(single.issuer(), T0).header("kid", null).sign(ec);

      assertInstanceOf(AuthOutcome.Authenticated.class, v.verify(token));
    }
  }

  @Test
  void verifyWhenKeycloakStyleMappingThenRolesBecomeScopesAndAzpTheClient() {
    FederatedTokenVerifier v = verifier(config()
        .claims(ClaimMapping.defaults().withScopeClaims("scope", "realm_access.roles"))
        .build());
    String token = token().without("client_id").claim("azp", "admin-ui")
        .claim("scope", "profile email")
        .claim("realm_access", Map.of("roles", List.of("users:read", "offline_access")))
        .sign(rsa);

    AuthPrincipal p = assertInstanceOf(AuthOutcome.Authenticated.class, v.verify(token)).principal();

    assertEquals(Set.of("profile", "email", "users:read", "offline_access"), p.scopes());
    assertEquals("admin-ui", p.clientId());
  }

  @Test
  void verifyWhenProviderUnreachableAndNothingCachedThenThrowsUnavailable() throws Exception {
    FakeProvider gone = FakeProvider.start("", rsa);
    String issuer = gone.issuer();
    gone.close();
    FederatedTokenVerifier v = verifier(TrustedIssuer.builder(issuer).audience("api")
        .allowInsecureLoopback(true).build());

    assertThrows(AuthUnavailableException.class, () -> v.verify(TestToken.of(issuer, T0).sign(rsa)));
  }

  @Test
  void verifyWhenIssuerMismatchedThenNoNetworkTraffic() throws Exception {
    try (FakeProvider quiet = FakeProvider.start("", rsa)) {
      FederatedTokenVerifier v = verifier(TrustedIssuer.builder(quiet.issuer()).audience("api")
          .allowInsecureLoopback(true).build());

      v.verify(TestToken.of("https://evil.example", T0).sign(rsa));
      v.verify(TestToken.of(quiet.issuer(), T0).header("jku", "http://127.0.0.1/x").sign(rsa));

      assertEquals(0, quiet.jwksHits());
      assertEquals(0, quiet.hits("/.well-known/openid-configuration"));
    }
  }

  @Test
  void verifyWhenSignedByPublishedTestKeyThenRefusedUnlessTestKeysAccepted() throws Exception {
    // A provider publishing the testkit's keys (kid "test-...") is a test server wired into
    // production: its signatures are genuine, so only the kid can refuse them.
    TestKey testKey = TestKey.rsa(io.admin.auth.core.verify.AccessTokenVerifier.TEST_KEY_ID_PREFIX + "rsa");
    try (FakeProvider testServer = FakeProvider.start("", testKey)) {
      TrustedIssuer.Builder issuer = TrustedIssuer.builder(testServer.issuer()).audience("api")
          .allowInsecureLoopback(true);
      String token = TestToken.of(testServer.issuer(), T0).sign(testKey);

      AuthOutcome.Rejected refused = assertInstanceOf(AuthOutcome.Rejected.class,
          verifier(issuer.build()).verify(token));

      assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, refused.error().code());
      assertEquals("The access token is signed with a test key (kid starting with test-), which this"
          + " verifier does not accept.", refused.error().message());
      assertInstanceOf(AuthOutcome.Authenticated.class,
          verifier(issuer.acceptTestKeys(true).build()).verify(token));
    }
  }

  @Test
  void verifyWhenKidOnlyContainsTestPrefixThenAuthenticated() throws Exception {
    // Only the prefix marks a test key; a production kid may contain the word.
    TestKey key = TestKey.ec("prod-test-1");
    try (FakeProvider server = FakeProvider.start("", key)) {
      FederatedTokenVerifier v = verifier(TrustedIssuer.builder(server.issuer()).audience("api")
          .allowInsecureLoopback(true).build());

      assertInstanceOf(AuthOutcome.Authenticated.class, v.verify(TestToken.of(server.issuer(), T0).sign(key)));
    }
  }
}
