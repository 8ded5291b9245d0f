package io.admin.auth.core.validation;

import static io.admin.auth.core.validation.Views.assertInvalid;
import static io.admin.auth.core.validation.Views.assertValid;
import static io.admin.auth.core.validation.Views.header;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TypeValidatorTest {

  private final TypeValidator strict =
      new TypeValidator(JwtValidators.ACCESS_TOKEN_TYPES, false, TokenKind.OWN_ACCESS_TOKEN);
  private final TypeValidator lenient = new TypeValidator(
      List.of("at+jwt", "application/at+jwt", "JWT"), true, TokenKind.OWN_ACCESS_TOKEN);

  @ParameterizedTest
  @ValueSource(strings = {"at+jwt", "AT+JWT", "At+Jwt", "application/at+jwt", "APPLICATION/AT+JWT"})
  void validateWhenTypAcceptedInAnyCaseThenValid(String typ) {
    assertValid(strict.validate(header("typ", typ)));
  }

  static Stream<Arguments> hostileTypes() {
    return Stream.of(
        Arguments.of("plain JWT", "JWT"),
        Arguments.of("ID token", "id+jwt"),
        Arguments.of("logout token", "logout+jwt"),
        Arguments.of("trailing space", "at+jwt "),
        Arguments.of("leading space", " at+jwt"),
        Arguments.of("prefix only", "application/"),
        Arguments.of("other media type", "application/jwt"),
        Arguments.of("empty", ""),
        Arguments.of("JSON null", null),
        Arguments.of("array", List.of("at+jwt")),
        Arguments.of("number", 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileTypes")
  void validateWhenTypNotAcceptedThenRejectedAsInvalid(String name, Object typ) {
    assertInvalid(strict.validate(header("typ", typ)), "wrong typ");
  }

  @Test
  void validateWhenTypMissingAndRequiredThenRejectedAsInvalid() {
    assertInvalid(strict.validate(header("alg", "RS256")), "wrong typ");
  }

  @Test
  void validateWhenTypMissingAndAbsenceAcceptedThenValid() {
    assertValid(lenient.validate(header("alg", "RS256")));
    assertValid(lenient.validate(header("typ", "jwt")));
  }

  @Test
  void validateWhenAbsenceAcceptedButTypPresentAndWrongOrNotStringThenRejected() {
    assertInvalid(lenient.validate(header("typ", "id+jwt")), "wrong typ");
    assertInvalid(lenient.validate(header("typ", null)), "wrong typ");
    assertInvalid(lenient.validate(header("typ", List.of("JWT"))), "wrong typ");
  }
}
