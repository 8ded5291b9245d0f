package io.admin.auth.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.testing.MutableClock;
import io.admin.auth.core.verify.BearerTokenVerifier;
import io.admin.auth.core.issue.ClientAuthentication;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.issue.TokenResult;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultiIssuerVerifierTest {

  private static final Instant T0 = Instant.parse("2025-03-15T10:00:00Z");
  private static final String OWN_ISSUER = "https://auth.example.com";

  private static TestKey keyA;
  private static TestKey keyB;
  private static FakeProvider idpA;
  private static FakeProvider idpB;

  private final MutableClock clock = new MutableClock(T0);
  private final List<String> ownCalls = new ArrayList<>();
  private DefaultTokenService ownTokens;
  private MultiIssuerVerifier router;

  @BeforeAll
  static void start() throws Exception {
    keyA = TestKey.rsa("key-a");
    keyB = TestKey.ec("key-b");
    idpA = FakeProvider.start("/realms/a", keyA);
    idpB = FakeProvider.start("/tenant-b/v2.0", keyB);
  }

  @AfterAll
  static void stop() {
    idpA.close();
    idpB.close();
  }

  @BeforeEach
  void router() {
    // Our own issuer is the real core token service, wrapped only to record what reached it.
    ownTokens = DefaultTokenService.builder().issuer(OWN_ISSUER).clock(clock)
        .random(new SecureRandom()).build();
    ownTokens.registerClient(ClientRegistration.of("svc", "svc-secret-0123456789abcdef",
        Set.of("api-keys:manage")));
    BearerTokenVerifier own = token -> {
      ownCalls.add(token);
      return ownTokens.verify(token);
    };
    router = MultiIssuerVerifier.builder()
        .clock(clock)
        .ownIssuer(OWN_ISSUER, own)
        .trust(TrustedIssuer.builder(idpA.issuer()).audience("api").allowInsecureLoopback(true)
            .claims(ClaimMapping.defaults().withScopeClaims("realm_access.roles"))
            .build())
        .trust(TrustedIssuer.builder(idpB.issuer()).audience("api").acceptJwtTyp(true)
            .allowInsecureLoopback(true).build())
        .build();
  }

  private String ownAccessToken() {
    ClientAuthentication auth = ownTokens.authenticateClient("svc", "svc-secret-0123456789abcdef");
    OAuthClient client = assertInstanceOf(ClientAuthentication.Succeeded.class, auth).client();
    TokenResult issued = ownTokens.clientCredentials(client, Optional.empty());
    return assertInstanceOf(TokenResult.Issued.class, issued).response().accessToken();
  }

  private static AuthPrincipal principal(AuthOutcome outcome) {
    return assertInstanceOf(AuthOutcome.Authenticated.class, outcome).principal();
  }

  private static AuthErrorCode code(AuthOutcome outcome) {
    return assertInstanceOf(AuthOutcome.Rejected.class, outcome).error().code();
  }

  @Test
  void verifyWhenTwoTrustedIssuersAndOwnThenEachRoutedToItsOwnKeysAndMapping() {
    String fromA = TestToken.of(idpA.issuer(), T0)
        .claim("realm_access", java.util.Map.of("roles", List.of("users:read"))).sign(keyA);
    String fromB = TestToken.of(idpB.issuer(), T0).header("typ", "JWT").claim("scope", "reports").sign(keyB);
    String own = ownAccessToken();

    AuthPrincipal a = principal(router.verify(fromA));
    AuthPrincipal b = principal(router.verify(fromB));
    AuthPrincipal o = principal(router.verify(own));

    assertEquals(idpA.issuer(), a.issuer());
    assertEquals(Set.of("users:read"), a.scopes());
    assertEquals(idpB.issuer(), b.issuer());
    assertEquals(Set.of("reports"), b.scopes());
    assertEquals(OWN_ISSUER, o.issuer());
    assertEquals("svc", o.subject());
    assertEquals(Set.of("api-keys:manage"), o.scopes());
    assertEquals(List.of(own), ownCalls);
    assertEquals(List.of(OWN_ISSUER, idpA.issuer(), idpB.issuer()), List.copyOf(router.issuers()));
  }

  @Test
  void verifyWhenKidOfIssuerAButIssIsBThenRejected() {
    // Signed with A's key under A's kid, but claiming B: B's key set is the only one consulted.
    String confused = TestToken.of(idpB.issuer(), T0).sign(keyA);

    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(router.verify(confused)));
  }

  @Test
  void verifyWhenSignedWithBsKeyButClaimingAThenRejectedEvenWithAsKid() {
    String confused = TestToken.of(idpA.issuer(), T0).header("kid", "key-a").sign(keyB);

    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(router.verify(confused)));
  }

  @Test
  void verifyWhenOwnIssuerButSignedWithProviderKeyThenRejectedByOwnService() {
    String forged = TestToken.of(OWN_ISSUER, T0).audience(OWN_ISSUER).sign(keyA);

    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(router.verify(forged)));
    assertEquals(List.of(forged), ownCalls);
  }

  @Test
  void verifyWhenIssuerUnknownThenInvalidWithoutContactingAnyProvider() {
    int before = idpA.jwksHits() + idpB.jwksHits();

    AuthOutcome outcome = router.verify(TestToken.of("https://unknown.example", T0).sign(keyA));

    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(outcome));
    assertEquals(before, idpA.jwksHits() + idpB.jwksHits());
    assertEquals(List.of(), ownCalls);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "garbage", "a.b.c"})
  void verifyWhenMalformedThenInvalid(String token) {
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, code(router.verify(token)));
  }

  @Test
  void verifyWhenNoIssClaimThenInvalid() {
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID,
        code(router.verify(TestToken.of(OWN_ISSUER, T0).without("iss").sign(keyA))));
    assertEquals(List.of(), ownCalls);
  }

  @Test
  void buildWhenIssuerGivenTwiceOrNoneThenRefused() {
    assertThrows(IllegalStateException.class, () -> MultiIssuerVerifier.builder().build());
    assertThrows(IllegalStateException.class, () -> MultiIssuerVerifier.builder()
        .ownIssuer(idpA.issuer(), t -> AuthOutcome.notApplicable())
        .trust(TrustedIssuer.builder(idpA.issuer()).audience("api").allowInsecureLoopback(true).build())
        .build());
  }
}
