package io.admin.auth.core.validation;

import static io.admin.auth.core.validation.Views.assertInvalid;
import static io.admin.auth.core.validation.Views.assertValid;
import static io.admin.auth.core.validation.Views.header;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ForbiddenHeaderValidatorTest {

  private final ForbiddenHeaderValidator validator = new ForbiddenHeaderValidator(
      ForbiddenHeaderValidator.KEY_PARAMETERS, TokenKind.OWN_ACCESS_TOKEN);

  static Stream<Arguments> keyNamingHeaders() {
    return Stream.of(
        Arguments.of("jwk", Map.of("kty", "oct", "k", "c2VjcmV0")),
        Arguments.of("jwk", Map.of()),
        Arguments.of("jku", "https://evil.example/jwks.json"),
        Arguments.of("jku", ""),
        Arguments.of("x5u", "https://evil.example/cert.pem"),
        Arguments.of("x5c", List.of("MIIB")),
        Arguments.of("x5c", List.of()),
        Arguments.of("jwk", null),
        Arguments.of("x5u", 0));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("keyNamingHeaders")
  void validateWhenHeaderNamesOrCarriesKeyThenRejectedWhateverItsValue(String name, Object value) {
    assertInvalid(validator.validate(header("alg", "RS256", name, value)), "forbidden header " + name);
  }

  @Test
  void validateWhenOnlyOrdinaryHeadersThenValid() {
    assertValid(validator.validate(header("alg", "RS256", "typ", "at+jwt", "kid", "k1",
        "x5t", "thumbprint", "cty", "JWT")));
  }

  @Test
  void validateWhenSeveralForbiddenThenFirstInListOrderNamed() {
    assertInvalid(validator.validate(header("x5c", List.of("MIIB"), "jku", "https://e.example")),
        "forbidden header jku");
  }

  @Test
  void validateWhenNameDiffersInCaseThenNotTheForbiddenParameter() {
    // JOSE member names are case-sensitive: "JWK" is an unknown, ignored parameter.
    assertValid(validator.validate(header("JWK", Map.of("kty", "oct"))));
  }
}
