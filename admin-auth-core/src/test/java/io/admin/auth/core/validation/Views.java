package io.admin.auth.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Header and claims views from name/value pairs (null values allowed), and result assertions. */
final class Views {

  static final Instant T0 = Instant.parse("2025-03-15T10:00:00Z");

  private Views() {}

  static JwtHeader header(Object... namesAndValues) {
    return JwtHeader.of(map(namesAndValues));
  }

  static JwtClaims claims(Object... namesAndValues) {
    return JwtClaims.of(map(namesAndValues));
  }

  static Map<String, Object> map(Object... namesAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return m;
  }

  static long seconds(Instant instant) {
    return instant.getEpochSecond();
  }

  static void assertValid(ValidationResult result) {
    assertSame(ValidationResult.valid(), result);
  }

  static AuthError assertRejected(ValidationResult result, AuthErrorCode code, String reason) {
    ValidationResult.Rejected rejected = assertInstanceOf(ValidationResult.Rejected.class, result);
    assertEquals(code, rejected.error().code());
    assertEquals(reason, rejected.reason());
    return rejected.error();
  }

  static AuthError assertInvalid(ValidationResult result, String reason) {
    AuthError error = assertRejected(result, AuthErrorCode.AUTH_TOKEN_INVALID, reason);
    assertEquals("The access token is malformed or invalid.", error.message());
    return error;
  }
}
