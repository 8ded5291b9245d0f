package io.admin.auth.core.internal.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.validation.JwtValidators;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ParsedClaims as the validators' claims view: {@code has} for the claims it keeps. */
class ParsedClaimsTest {

  private static ParsedClaims parse(Map<String, Object> extra) {
    Map<String, Object> json = new LinkedHashMap<>(Map.of("iss", "https://i.test", "sub", "alice",
        "aud", "api", "exp", 1_742_033_100L, "iat", 1_742_032_800L, "jti", "j", "client_id", "c"));
    json.putAll(extra);
    ParsedClaims parsed = ParsedClaims.parse(json);
    assertNotNull(parsed);
    return parsed;
  }

  static Stream<Arguments> claims() {
    return Stream.of(
        Arguments.of("nbf", Map.of(), false),
        Arguments.of("nbf", Map.of("nbf", 1_742_032_800L), true),
        Arguments.of("fid", Map.of(), false),
        Arguments.of("fid", Map.of("fid", "f"), true),
        Arguments.of("scope", Map.of(), false),
        Arguments.of("scope", Map.of("scope", ""), false),
        Arguments.of("scope", Map.of("scope", "a b"), true),
        // Not kept by ParsedClaims: never reported, whatever the token carried.
        Arguments.of("email", Map.of("email", "a@b.test"), false));
  }

  @ParameterizedTest(name = "{0} in {1}: {2}")
  @MethodSource("claims")
  void hasWhenOptionalOrUnkeptClaimThenPresenceOfWhatIsKept(String name, Map<String, Object> extra,
      boolean expected) {
    assertEquals(expected, parse(extra).has(name));
  }

  @ParameterizedTest
  @MethodSource("requiredNames")
  void hasWhenParsedThenEveryRequiredAccessTokenClaimPresent(String name) {
    assertTrue(parse(Map.of()).has(name));
  }

  @ParameterizedTest
  @MethodSource("requiredNames")
  void hasWhenNameIsAnEqualButOtherStringThenSameAnswer(String name) {
    // The identity fast path must not be the only way in.
    assertTrue(parse(Map.of()).has(new String(name)));
  }

  static Stream<String> requiredNames() {
    return JwtValidators.ACCESS_TOKEN_CLAIMS.stream();
  }
}
