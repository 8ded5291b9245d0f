package io.admin.auth.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthError;
import org.junit.jupiter.api.Test;

class ValidationResultTest {

  @Test
  void validWhenCalledTwiceThenSameSharedInstance() {
    assertSame(ValidationResult.valid(), ValidationResult.valid());
    assertTrue(ValidationResult.valid().isValid());
  }

  @Test
  void rejectedWhenCreatedThenNotValidAndCarriesErrorAndReason() {
    AuthError error = TokenKind.OWN_ACCESS_TOKEN.invalid();

    ValidationResult.Rejected rejected = ValidationResult.rejected(error, "wrong iss");

    assertFalse(rejected.isValid());
    assertSame(error, rejected.error());
    assertEquals("wrong iss", rejected.reason());
  }

  @Test
  void rejectedWhenErrorOrReasonMissingThenThrows() {
    assertThrows(NullPointerException.class, () -> ValidationResult.rejected(null, "r"));
    assertThrows(NullPointerException.class,
        () -> ValidationResult.rejected(TokenKind.OWN_ACCESS_TOKEN.invalid(), null));
  }
}
