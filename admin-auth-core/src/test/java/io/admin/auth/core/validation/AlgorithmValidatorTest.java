package io.admin.auth.core.validation;

import static io.admin.auth.core.validation.Views.assertInvalid;
import static io.admin.auth.core.validation.Views.assertValid;
import static io.admin.auth.core.validation.Views.header;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AlgorithmValidatorTest {

  private final AlgorithmValidator validator =
      new AlgorithmValidator(Set.of("RS256", "ES256", "EdDSA"), TokenKind.OWN_ACCESS_TOKEN);

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256", "EdDSA"})
  void validateWhenAlgAcceptedThenValid(String alg) {
    assertValid(validator.validate(header("alg", alg)));
  }

  static Stream<Arguments> hostileAlgs() {
    return Stream.of(
        Arguments.of("none", "none"),
        Arguments.of("None", "None"),
        Arguments.of("lower case", "rs256"),
        Arguments.of("trailing space", "RS256 "),
        Arguments.of("EdDSA upper case", "EDDSA"),
        Arguments.of("symmetric, not configured", "HS256"),
        Arguments.of("empty", ""),
        Arguments.of("JSON null", null),
        Arguments.of("number", 256),
        Arguments.of("array", List.of("RS256")),
        Arguments.of("object", Map.of("name", "RS256")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileAlgs")
  void validateWhenAlgNotAcceptedThenRejectedAsInvalid(String name, Object alg) {
    assertInvalid(validator.validate(header("alg", alg)), "unsupported alg");
  }

  @Test
  void validateWhenAlgMissingThenRejectedAsInvalid() {
    assertInvalid(validator.validate(header("typ", "at+jwt")), "unsupported alg");
  }

  @Test
  void constructWhenNoAlgorithmThenThrows() {
    assertThrows(IllegalArgumentException.class,
        () -> new AlgorithmValidator(Set.of(), TokenKind.OWN_ACCESS_TOKEN));
  }
}
