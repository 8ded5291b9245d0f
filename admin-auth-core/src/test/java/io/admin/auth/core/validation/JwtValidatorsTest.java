package io.admin.auth.core.validation;

import static io.admin.auth.core.validation.Views.T0;
import static io.admin.auth.core.validation.Views.assertInvalid;
import static io.admin.auth.core.validation.Views.assertRejected;
import static io.admin.auth.core.validation.Views.assertValid;
import static io.admin.auth.core.validation.Views.header;
import static io.admin.auth.core.validation.Views.map;
import static io.admin.auth.core.validation.Views.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.testing.MutableClock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JwtValidatorsTest {

  private static final String ISSUER = "https://auth.example.test";
  private static final Duration SKEW = Duration.ofSeconds(30);

  private final MutableClock clock = new MutableClock(T0);

  private final JwtValidation own =
      JwtValidators.ownAccessToken(ISSUER, "api", SKEW, clock);
  private final JwtValidation strictThirdParty = JwtValidators.thirdPartyAccessToken(ISSUER,
      Set.of("api", "api2"), Set.of("RS256", "ES256"), false, SKEW, clock);
  private final JwtValidation lenientThirdParty = JwtValidators.thirdPartyAccessToken(ISSUER,
      Set.of("api"), Set.of("RS256"), true, SKEW, clock);
  private final JwtValidation hint = JwtValidators.idTokenHint(ISSUER, "client-1",
      Set.of("RS256"), SKEW, true, clock);

  private static JwtHeader atHeader() {
    return header("alg", "RS256", "typ", "at+jwt", "kid", "k1");
  }

  private static Map<String, Object> accessClaims() {
    long t0 = seconds(T0);
    return new LinkedHashMap<>(map("iss", ISSUER, "sub", "alice", "aud", "api", "exp", t0 + 300,
        "iat", t0, "jti", "j-1", "client_id", "app", "scope", "users:read"));
  }

  private static JwtClaims with(Map<String, Object> json, Consumer<Map<String, Object>> change) {
    change.accept(json);
    return JwtClaims.of(json);
  }

  @Test
  void ownAccessTokenWhenWellFormedThenValid() {
    assertValid(own.validate(atHeader(), JwtClaims.of(accessClaims())));
  }

  static Stream<Arguments> hostileOwnTokens() {
    return Stream.of(
        Arguments.of("alg none", header("alg", "none", "typ", "at+jwt"), null, "unsupported alg"),
        Arguments.of("alg RS384", header("alg", "RS384", "typ", "at+jwt"), null, "unsupported alg"),
        Arguments.of("typ JWT", header("alg", "RS256", "typ", "JWT"), null, "wrong typ"),
        Arguments.of("no typ", header("alg", "RS256"), null, "wrong typ"),
        Arguments.of("jku", header("alg", "RS256", "typ", "at+jwt", "jku", "https://e.example"), null,
            "forbidden header jku"),
        Arguments.of("crit", header("alg", "RS256", "typ", "at+jwt", "crit", List.of("x")), null,
            "unsupported crit"),
        Arguments.of("no client_id", null, (Consumer<Map<String, Object>>) c -> c.remove("client_id"),
            "missing claim client_id"),
        Arguments.of("no jti", null, (Consumer<Map<String, Object>>) c -> c.remove("jti"),
            "missing claim jti"),
        Arguments.of("other issuer", null, (Consumer<Map<String, Object>>) c -> c.put("iss", "https://e.example"),
            "wrong iss"),
        Arguments.of("other audience", null, (Consumer<Map<String, Object>>) c -> c.put("aud", "api2"),
            "wrong aud"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileOwnTokens")
  void ownAccessTokenWhenHostileThenRejectedAsInvalid(String name, JwtHeader header,
      Consumer<Map<String, Object>> change, String reason) {
    JwtClaims claims = change == null ? JwtClaims.of(accessClaims()) : with(accessClaims(), change);

    assertInvalid(own.validate(header == null ? atHeader() : header, claims), reason);
  }

  @Test
  void ownAccessTokenWhenExpiredThenRejectedWithExpiredCodeAndDetails() {
    clock.advance(Duration.ofSeconds(330));

    AuthError error = assertRejected(own.validate(atHeader(), JwtClaims.of(accessClaims())),
        AuthErrorCode.AUTH_TOKEN_EXPIRED, "time");

    assertEquals(Map.of("issued_at", "2025-03-15T10:00:00Z", "expired_at", "2025-03-15T10:05:00Z"),
        error.details());
  }

  @Test
  void thirdPartyAccessTokenWhenJwtTypThenOnlyAcceptedWhenConfigured() {
    JwtHeader jwt = header("alg", "RS256", "typ", "JWT");
    JwtHeader none = header("alg", "RS256");

    assertInvalid(strictThirdParty.header().validate(jwt), "wrong typ");
    assertInvalid(strictThirdParty.header().validate(none), "wrong typ");
    assertValid(lenientThirdParty.header().validate(jwt));
    assertValid(lenientThirdParty.header().validate(none));
    assertValid(lenientThirdParty.header().validate(atHeader()));
  }

  @Test
  void thirdPartyAccessTokenWhenAlgNotConfiguredThenRejected() {
    assertInvalid(lenientThirdParty.header().validate(header("alg", "ES256", "typ", "at+jwt")),
        "unsupported alg");
    assertValid(strictThirdParty.header().validate(header("alg", "ES256", "typ", "at+jwt")));
  }

  @Test
  void thirdPartyAccessTokenWhenAnyConfiguredAudienceAndNoClientIdThenValid() {
    JwtClaims claims = with(accessClaims(), c -> {
      c.put("aud", List.of("account", "api2"));
      c.remove("client_id");
      c.remove("jti");
    });

    assertValid(strictThirdParty.validate(atHeader(), claims));
  }

  @Test
  void thirdPartyAccessTokenWhenNoExpiryThenRejectedAsInvalid() {
    assertInvalid(strictThirdParty.validate(atHeader(), with(accessClaims(), c -> c.remove("exp"))),
        "missing exp");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"nonce", "at_hash", "c_hash"})
  void thirdPartyAccessTokenWhenJwtTypedOrUntypedAndIdTokenClaimThenRejected(String claim) {
    JwtClaims claims = with(accessClaims(), c -> c.put(claim, "x-value"));

    assertInvalid(lenientThirdParty.validate(header("alg", "RS256", "typ", "JWT"), claims),
        "ID token claim " + claim);
    assertInvalid(lenientThirdParty.validate(header("alg", "RS256"), claims),
        "ID token claim " + claim);
    assertInvalid(strictThirdParty.validate(header("alg", "RS256", "typ", "JWT"), claims),
        "wrong typ");
  }

  @Test
  void thirdPartyAccessTokenWhenJwtTypedWithoutIdTokenClaimsThenValid() {
    assertValid(lenientThirdParty.validate(header("alg", "RS256", "typ", "JWT"),
        JwtClaims.of(accessClaims())));
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"nonce", "at_hash", "c_hash"})
  void ownAccessTokenWhenIdTokenPresentedThenRefusedByItsTyp(String claim) {
    // Our own set needs no claim rule: typ at+jwt is required, and an ID token is typed JWT.
    assertInvalid(own.validate(header("alg", "RS256", "typ", "JWT", "kid", "k1"),
        with(accessClaims(), c -> c.put(claim, "x-value"))), "wrong typ");
  }

  private static Map<String, Object> idTokenClaims() {
    long t0 = seconds(T0);
    return new LinkedHashMap<>(map("iss", ISSUER, "sub", "alice", "aud", "client-1",
        "exp", t0 + 300, "iat", t0));
  }

  @Test
  void idTokenHintWhenWellFormedThenValid() {
    assertValid(hint.validate(header("alg", "RS256", "typ", "JWT"), JwtClaims.of(idTokenClaims())));
  }

  @Test
  void idTokenHintWhenAccessTokenPresentedThenRejectedByTypWithHintWording() {
    AuthError error = assertRejected(hint.validate(atHeader(), JwtClaims.of(idTokenClaims())),
        AuthErrorCode.AUTH_TOKEN_INVALID, "wrong typ");

    assertEquals("The ID token hint is malformed or invalid.", error.message());
  }

  @Test
  void idTokenHintWhenForAnotherClientThenRejected() {
    assertRejected(hint.validate(header("alg", "RS256", "typ", "JWT"),
        with(idTokenClaims(), c -> c.put("aud", "client-2"))), AuthErrorCode.AUTH_TOKEN_INVALID,
        "wrong aud");
  }

  @Test
  void idTokenHintWhenExpiredThenValidOnlyIfExpiredAccepted() {
    JwtValidation strictHint = JwtValidators.idTokenHint(ISSUER, "client-1", Set.of("RS256"),
        SKEW, false, clock);
    clock.advance(Duration.ofDays(2));
    JwtHeader header = header("alg", "RS256", "typ", "JWT");

    assertValid(hint.validate(header, JwtClaims.of(idTokenClaims())));
    assertRejected(strictHint.validate(header, JwtClaims.of(idTokenClaims())),
        AuthErrorCode.AUTH_TOKEN_EXPIRED, "time");
  }

  @Test
  void idTokenHintWhenExpMissingThenRejectedEvenIfExpiredAccepted() {
    assertRejected(hint.validate(header("alg", "RS256", "typ", "JWT"),
        with(idTokenClaims(), c -> c.remove("exp"))), AuthErrorCode.AUTH_TOKEN_INVALID,
        "missing claim exp");
  }
}
