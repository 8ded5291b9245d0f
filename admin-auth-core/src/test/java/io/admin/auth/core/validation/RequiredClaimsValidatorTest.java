package io.admin.auth.core.validation;

import static io.admin.auth.core.validation.Views.assertInvalid;
import static io.admin.auth.core.validation.Views.assertValid;
import static io.admin.auth.core.validation.Views.claims;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequiredClaimsValidatorTest {

  private final RequiredClaimsValidator validator = new RequiredClaimsValidator(
      JwtValidators.ACCESS_TOKEN_CLAIMS, TokenKind.OWN_ACCESS_TOKEN);

  private static Map<String, Object> complete() {
    return new LinkedHashMap<>(Views.map("iss", "https://auth.example.test", "sub", "alice",
        "aud", "api", "exp", 1_742_036_400L, "iat", 1_742_032_800L, "jti", "j-1",
        "client_id", "app"));
  }

  @Test
  void validateWhenEveryRequiredClaimPresentThenValid() {
    assertValid(validator.validate(JwtClaims.of(complete())));
  }

  static Stream<Arguments> hostileClaims() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (String name : JwtValidators.ACCESS_TOKEN_CLAIMS) {
      cases.add(Arguments.of(name, "missing", null, true));
      cases.add(Arguments.of(name, "JSON null", null, false));
    }
    cases.add(Arguments.of("sub", "empty string", "", false));
    cases.add(Arguments.of("jti", "empty string", "", false));
    cases.add(Arguments.of("client_id", "empty string", "", false));
    return cases.build();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("hostileClaims")
  void validateWhenRequiredClaimMissingNullOrEmptyThenRejectedNamingIt(String name, String what,
      Object value, boolean remove) {
    Map<String, Object> json = complete();
    if (remove) {
      json.remove(name);
    } else {
      json.put(name, value);
    }

    assertInvalid(validator.validate(JwtClaims.of(json)), "missing claim " + name);
  }

  @Test
  void validateWhenSeveralMissingThenFirstInListOrderNamed() {
    assertInvalid(validator.validate(claims("client_id", "app")), "missing claim iss");
  }

  @Test
  void validateWhenNothingRequiredThenValidEvenForEmptyClaims() {
    RequiredClaimsValidator none = new RequiredClaimsValidator(java.util.List.of(),
        TokenKind.OWN_ACCESS_TOKEN);

    assertValid(none.validate(claims()));
  }
}
