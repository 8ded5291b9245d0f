package io.admin.auth.core.validation;

import static io.admin.auth.core.validation.Views.assertValid;
import static io.admin.auth.core.validation.Views.claims;
import static io.admin.auth.core.validation.Views.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwtValidationTest {

  private final List<String> calls = new ArrayList<>();
  private final ValidationResult no =
      ValidationResult.rejected(TokenKind.OWN_ACCESS_TOKEN.invalid(), "no");

  private <T> TokenValidator<T> step(String name, ValidationResult answer) {
    return token -> {
      calls.add(name);
      return answer;
    };
  }

  @Test
  void validateWhenAllGroupsPassThenValidAfterHeaderClaimsLifetimeInOrder() {
    JwtValidation v = new JwtValidation(step("header", ValidationResult.valid()),
        step("claims", ValidationResult.valid()), step("lifetime", ValidationResult.valid()));

    assertValid(v.validate(header(), claims()));
    assertEquals(List.of("header", "claims", "lifetime"), calls);
  }

  @Test
  void validateWhenHeaderRejectedThenClaimsAndLifetimeNotRun() {
    JwtValidation v = new JwtValidation(step("header", no),
        step("claims", ValidationResult.valid()), step("lifetime", ValidationResult.valid()));

    assertSame(no, v.validate(header(), claims()));
    assertEquals(List.of("header"), calls);
  }

  @Test
  void validateWhenClaimsRejectedThenLifetimeNotRun() {
    JwtValidation v = new JwtValidation(step("header", ValidationResult.valid()),
        step("claims", no), step("lifetime", ValidationResult.valid()));

    assertSame(no, v.validate(header(), claims()));
    assertEquals(List.of("header", "claims"), calls);
  }

  @Test
  void constructWhenGroupMissingThenThrows() {
    TokenValidator<JwtClaims> any = step("x", ValidationResult.valid());
    assertThrows(NullPointerException.class, () -> new JwtValidation(null, any, any));
    assertThrows(NullPointerException.class, () -> new JwtValidation(step("h", no), null, any));
    assertThrows(NullPointerException.class, () -> new JwtValidation(step("h", no), any, null));
  }
}
