package io.admin.auth.core.issue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenShapeTest {

  @ParameterizedTest
  @ValueSource(strings = {"a.b.c", "h.p.", "a..", "a.b.c.d"})
  void isJwtWhenTwoDotsAfterAFirstCharacterThenTrue(String token) {
    assertTrue(TokenShape.isJwt(token));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "opaque-refresh-token", "a.b", ".a.b", "..", "abc."})
  void isJwtWhenFewerDotsOrLeadingDotThenFalse(String token) {
    assertFalse(TokenShape.isJwt(token));
  }
}
