package io.admin.auth.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TokenKindTest {

  @ParameterizedTest
  @CsvSource({"OWN_ACCESS_TOKEN, access token", "THIRD_PARTY_ACCESS_TOKEN, access token",
      "ID_TOKEN_HINT, ID token hint"})
  void errorsWhenKindGivenThenCodesAndMessagesNameIt(TokenKind kind, String noun) {
    assertEquals(noun, kind.noun());
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, kind.invalid().code());
    assertEquals("The " + noun + " is malformed or invalid.", kind.invalid().message());
    assertEquals(AuthErrorCode.AUTH_TOKEN_NOT_YET_VALID, kind.notYetValid().code());
    assertEquals("The " + noun + " is not valid yet.", kind.notYetValid().message());
    AuthError expired = kind.expired(Instant.EPOCH, Instant.EPOCH.plusSeconds(1));
    assertEquals(AuthErrorCode.AUTH_TOKEN_EXPIRED, expired.code());
    assertEquals("The " + noun + " has expired.", expired.message());
  }

  @ParameterizedTest
  @EnumSource(TokenKind.class)
  void invalidWhenAskedTwiceThenSameConstantWithoutDetails(TokenKind kind) {
    assertSame(kind.invalid(), kind.invalid());
    assertSame(kind.notYetValid(), kind.notYetValid());
    assertEquals(Map.of(), kind.invalid().details());
  }

  @ParameterizedTest
  @EnumSource(TokenKind.class)
  void expiredWhenIssuedAtKnownThenDetailsInContractOrder(TokenKind kind) {
    AuthError expired = kind.expired(Instant.parse("2025-03-15T10:00:00Z"),
        Instant.parse("2025-03-15T10:05:00Z"));

    assertEquals(List.of("issued_at", "expired_at"), List.copyOf(expired.details().keySet()));
    assertEquals("2025-03-15T10:05:00Z", expired.details().get("expired_at"));
    assertEquals(List.of("expired_at"),
        List.copyOf(kind.expired(null, Instant.EPOCH).details().keySet()));
  }
}
