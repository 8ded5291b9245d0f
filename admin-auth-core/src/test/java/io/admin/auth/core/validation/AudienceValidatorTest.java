package io.admin.auth.core.validation;

import static io.admin.auth.core.validation.Views.assertInvalid;
import static io.admin.auth.core.validation.Views.assertValid;
import static io.admin.auth.core.validation.Views.claims;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AudienceValidatorTest {

  private final AudienceValidator validator =
      new AudienceValidator(Set.of("api", "https://api.example.test"), TokenKind.OWN_ACCESS_TOKEN);

  static Stream<Arguments> acceptedAudiences() {
    return Stream.of(
        Arguments.of("single string", "api"),
        Arguments.of("other accepted string", "https://api.example.test"),
        Arguments.of("list of one", List.of("api")),
        Arguments.of("accepted among others", List.of("account", "api")),
        Arguments.of("both accepted", List.of("https://api.example.test", "api")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedAudiences")
  void validateWhenAudienceContainsAcceptedOneThenValid(String name, Object aud) {
    assertValid(validator.validate(claims("aud", aud)));
  }

  static Stream<Arguments> hostileAudiences() {
    return Stream.of(
        Arguments.of("other audience", "other-api"),
        Arguments.of("list of others", List.of("account", "other-api")),
        Arguments.of("upper case", "API"),
        Arguments.of("prefix", "ap"),
        Arguments.of("trailing slash", "https://api.example.test/"),
        Arguments.of("space separated", "account api"),
        Arguments.of("empty string", ""),
        Arguments.of("empty list", List.of()),
        Arguments.of("list with a non-string", Arrays.asList("api", 1)),
        Arguments.of("nested list", List.of(List.of("api"))),
        Arguments.of("number", 7),
        Arguments.of("object", Map.of("aud", "api")),
        Arguments.of("JSON null", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileAudiences")
  void validateWhenNoAcceptedAudienceThenRejectedAsInvalid(String name, Object aud) {
    assertInvalid(validator.validate(claims("aud", aud)), "wrong aud");
  }

  @Test
  void validateWhenAudienceMissingThenRejectedAsInvalid() {
    assertInvalid(validator.validate(claims("iss", "x")), "wrong aud");
  }

  @Test
  void constructWhenNoAudienceThenThrows() {
    assertThrows(IllegalArgumentException.class,
        () -> new AudienceValidator(Set.of(), TokenKind.OWN_ACCESS_TOKEN));
  }
}
