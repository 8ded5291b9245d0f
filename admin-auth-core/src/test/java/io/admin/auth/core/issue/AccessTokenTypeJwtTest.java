package io.admin.auth.core.issue;

import static io.admin.auth.core.issue.ServiceFixture.ISSUER;
import static io.admin.auth.core.issue.ServiceFixture.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admin.auth.core.AccessTokenType;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.store.memory.InMemorySigningKeyStore;
import io.admin.auth.core.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The issuer's opt-in {@code typ: JWT}: tokens carry it, the issuer's own verifier accepts them
 * only in that mode, and in that mode still refuses this issuer's ID tokens, told apart by claims.
 */
class AccessTokenTypeJwtTest {

  private final MutableClock clock = MutableClock.atGuideExample();
  private final InMemorySigningKeyStore keyStore = new InMemorySigningKeyStore();
  private final List<AuditEvent> events = new ArrayList<>();

  private DefaultTokenService service(AccessTokenType type) {
    return ServiceFixture.builder(clock).keyStore(keyStore).accessTokenType(type)
        .auditListener(events::add).build();
  }

  private static String token(DefaultTokenService service) {
    OAuthClient client = service.registerClient(
        ClientRegistration.of("client-a", SECRET, Set.of("users:read")));
    return ServiceFixture.issued(service.clientCredentials(client, Optional.empty()))
        .accessToken();
  }

  private String lastReason() {
    return ((AuditEvent.VerificationFailed) events.get(events.size() - 1)).reason();
  }

  /** A token signed with the service's own key, with exactly these header and claims. */
  private String signed(Map<String, Object> header, Map<String, Object> claims) {
    SigningKey key = keyStore.findAll().get(0);
    header.put("alg", key.algorithm().jwsName());
    header.put("kid", key.kid());
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String input = b64.encodeToString(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
    return input + "." + b64.encodeToString(
        JwsCrypto.jdk().sign(key, input.getBytes(StandardCharsets.US_ASCII)));
  }

  /** The ID token this issuer will issue (docs/http-contract.md, "ID tokens"). */
  private Map<String, Object> idTokenClaims(String audience) {
    long now = clock.instant().getEpochSecond();
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("iss", ISSUER);
    c.put("sub", "alice");
    c.put("aud", audience);
    c.put("exp", now + 300);
    c.put("iat", now);
    c.put("auth_time", now);
    c.put("azp", audience);
    c.put("jti", "id-1");
    return c;
  }

  private static Map<String, Object> typ(String typ) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("typ", typ);
    return h;
  }

  @Test
  void issueWhenTypJwtThenHeaderSaysJwtAndOwnVerifierAccepts() {
    DefaultTokenService service = service(AccessTokenType.JWT);
    String token = token(service);

    assertEquals("JWT", ServiceFixture.header(token).get("typ"));
    assertInstanceOf(AuthOutcome.Authenticated.class, service.verify(token));
  }

  @Test
  void issueWhenDefaultThenHeaderSaysAtJwt() {
    assertEquals("at+jwt", ServiceFixture.header(token(service(AccessTokenType.AT_JWT)))
        .get("typ"));
  }

  @Test
  void verifyWhenTypJwtTokenReachesAnIssuerInDefaultModeThenWrongTyp() {
    String token = token(service(AccessTokenType.JWT));
    DefaultTokenService strict = service(AccessTokenType.AT_JWT);

    AuthOutcome outcome = strict.verify(token);

    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID,
        assertInstanceOf(AuthOutcome.Rejected.class, outcome).error().code());
    assertEquals("wrong typ", lastReason());
  }

  @Test
  void verifyWhenJwtModeAndAtJwtTokenIssuedBeforeTheSwitchThenStillAccepted() {
    String before = token(service(AccessTokenType.AT_JWT));

    assertInstanceOf(AuthOutcome.Authenticated.class,
        service(AccessTokenType.JWT).verify(before));
  }

  @Test
  void verifyWhenJwtModeAndIdTokenForAClientThenRefused() {
    DefaultTokenService service = service(AccessTokenType.JWT);

    AuthOutcome outcome = service.verify(signed(typ("JWT"), idTokenClaims("client-a")));

    assertInstanceOf(AuthOutcome.Rejected.class, outcome);
    assertEquals("missing or malformed claims", lastReason(), "client_id is required");
  }

  @Test
  void verifyWhenJwtModeAndIdTokenWhoseAudienceIsTheApiThenStillRefused() {
    // The worst case: a client whose id equals the API's audience, so aud alone would pass.
    DefaultTokenService service = service(AccessTokenType.JWT);

    AuthOutcome outcome = service.verify(signed(typ("JWT"), idTokenClaims(ISSUER)));

    assertInstanceOf(AuthOutcome.Rejected.class, outcome);
    assertEquals("missing or malformed claims", lastReason(), "client_id is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"nonce", "at_hash", "c_hash", "azp"})
  void verifyWhenJwtModeAndIdTokenClaimNextToClientIdThenRefusedByThatClaim(String claim) {
    DefaultTokenService service = service(AccessTokenType.JWT);
    Map<String, Object> claims = idTokenClaims(ISSUER);
    claims.remove("azp");
    claims.put("client_id", "client-a");
    claims.put(claim, "x");

    AuthOutcome outcome = service.verify(signed(typ("JWT"), claims));

    assertInstanceOf(AuthOutcome.Rejected.class, outcome);
    assertEquals("ID token claim " + claim, lastReason());
  }

  @Test
  void verifyWhenJwtModeAndNoTypAtAllThenRefused() {
    DefaultTokenService service = service(AccessTokenType.JWT);
    Map<String, Object> claims = idTokenClaims(ISSUER);
    claims.remove("azp");
    claims.put("client_id", "client-a");

    service.verify(signed(new LinkedHashMap<>(), claims));

    assertEquals("wrong typ", lastReason());
  }

  @Test
  void accessTokenTypeWhenParsedThenCaseInsensitiveAndStrict() {
    assertEquals(AccessTokenType.JWT, AccessTokenType.parse("jwt"));
    assertEquals(AccessTokenType.AT_JWT, AccessTokenType.parse("AT+JWT"));
    assertThrows(IllegalArgumentException.class, () -> AccessTokenType.parse("application/jwt"));
    assertThrows(IllegalArgumentException.class, () -> AccessTokenType.parse(null));
  }
}
