package io.admin.auth.core.validation;

import static io.admin.auth.core.validation.Views.assertInvalid;
import static io.admin.auth.core.validation.Views.assertValid;
import static io.admin.auth.core.validation.Views.claims;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IssuerValidatorTest {

  private static final String ISSUER = "https://auth.example.test/realms/acme";
  private final IssuerValidator validator = new IssuerValidator(ISSUER, TokenKind.OWN_ACCESS_TOKEN);

  @Test
  void validateWhenIssuerEqualThenValid() {
    assertValid(validator.validate(claims("iss", ISSUER)));
  }

  static Stream<Arguments> hostileIssuers() {
    return Stream.of(
        Arguments.of("other issuer", "https://evil.example"),
        Arguments.of("trailing slash", ISSUER + "/"),
        Arguments.of("upper case", ISSUER.toUpperCase()),
        Arguments.of("http instead of https", ISSUER.replace("https", "http")),
        Arguments.of("prefix of ours", "https://auth.example.test"),
        Arguments.of("ours as prefix", ISSUER + ".evil.example"),
        Arguments.of("surrounding space", " " + ISSUER + " "),
        Arguments.of("empty", ""),
        Arguments.of("JSON null", null),
        Arguments.of("array", List.of(ISSUER)),
        Arguments.of("number", 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileIssuers")
  void validateWhenIssuerNotExactlyOursThenRejectedAsInvalid(String name, Object iss) {
    assertInvalid(validator.validate(claims("iss", iss)), "wrong iss");
  }

  @Test
  void validateWhenIssuerMissingThenRejectedAsInvalid() {
    assertInvalid(validator.validate(claims("sub", "alice")), "wrong iss");
  }
}
