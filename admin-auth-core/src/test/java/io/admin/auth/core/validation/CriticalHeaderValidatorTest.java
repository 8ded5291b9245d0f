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

class CriticalHeaderValidatorTest {

  private final CriticalHeaderValidator validator =
      new CriticalHeaderValidator(TokenKind.OWN_ACCESS_TOKEN);

  static Stream<Arguments> critValues() {
    return Stream.of(
        Arguments.of("unknown extension", List.of("foo")),
        Arguments.of("registered claim name", List.of("exp")),
        Arguments.of("b64 extension", List.of("b64")),
        Arguments.of("empty list", List.of()),
        Arguments.of("string", "foo"),
        Arguments.of("JSON null", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("critValues")
  void validateWhenCritPresentThenRejectedAsInvalid(String name, Object crit) {
    assertInvalid(validator.validate(header("alg", "RS256", "crit", crit, "foo", 1)),
        "unsupported crit");
  }

  @Test
  void validateWhenNoCritThenValid() {
    assertValid(validator.validate(header("alg", "RS256", "foo", 1)));
  }
}
