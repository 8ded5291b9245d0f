package io.admin.auth.servlet.session.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The form check every access-token cookie passes before verification: the characters of a compact
 * JWS (base64url, base64 and {@code .}) plus {@code ~}, at most 8192 of them. It runs on every
 * cookie-authenticated request, so it is a character loop; this pins it to exactly the character
 * class it replaced, {@code [A-Za-z0-9._~+/=-]+}.
 */
class CookieTokenFormTest {

  private static final String ALLOWED = "[A-Za-z0-9._~+/=-]+";

  @Test
  void wellFormedWhenAnyOneCharacterThenAgreesWithTheCharacterClass() {
    for (char c = 0; c < 0x180; c++) {
      String token = "eyJhbGciOiJSUzI1NiJ9." + c + ".sig";

      assertEquals(token.matches(ALLOWED), SessionSupport.wellFormedToken(token), "char " + (int) c);
    }
  }

  @Test
  void wellFormedWhenLengthAtOrBeyondTheBoundThenAcceptsUpTo8192() {
    assertTrue(SessionSupport.wellFormedToken("a".repeat(8192)));
    assertFalse(SessionSupport.wellFormedToken("a".repeat(8193)));
    assertFalse(SessionSupport.wellFormedToken(""));
  }

  @Test
  void wellFormedWhenARealTokenShapeThenAccepted() {
    assertTrue(SessionSupport.wellFormedToken("eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJ1In0."
        + "c2lnbmF0dXJl-_~+/="));
  }
}
