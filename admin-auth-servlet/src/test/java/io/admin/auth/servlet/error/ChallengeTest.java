package io.admin.auth.servlet.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChallengeTest {

  @Test
  void toHeaderValueWhenParametersThenQuotedInOrder() {
    assertEquals("Bearer realm=\"admin\", error=\"invalid_token\", scope=\"a b\"",
        Challenge.of("Bearer", "admin").with("error", "invalid_token").with("scope", "a b")
            .toHeaderValue());
  }

  @Test
  void toHeaderValueWhenQuotesBackslashesAndControlsThenEscapedOrReplaced() {
    assertEquals("Basic realm=\"a\\\"b\\\\c??d?\"",
        Challenge.of("Basic", "a\"b\\c\r\nd\u00e9").toHeaderValue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Bea rer", "Bearer\r\n", "B\"x"})
  void schemeWhenNotATokenThenRejected(String scheme) {
    assertThrows(IllegalArgumentException.class, () -> new Challenge(scheme, Map.of()));
  }

  @Test
  void parameterNameWhenNotATokenThenRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new Challenge("Bearer", Map.of("re alm", "x")));
  }
}
