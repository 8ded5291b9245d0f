package io.admin.auth.core.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PkceTest {

  // RFC 7636 appendix B.
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

  @Test
  void s256WhenRfcExampleThenRfcChallenge() {
    assertEquals(CHALLENGE, Pkce.s256(VERIFIER));
  }

  @Test
  void matchesWhenVerifierHashesToChallengeThenTrueOtherwiseFalse() {
    assertTrue(Pkce.matches(VERIFIER, CHALLENGE));
    assertFalse(Pkce.matches(VERIFIER.replace('d', 'e'), CHALLENGE));
    assertFalse(Pkce.matches(VERIFIER, CHALLENGE.replace('E', 'F')));
    assertFalse(Pkce.matches(VERIFIER, null));
    assertFalse(Pkce.matches(null, CHALLENGE));
  }

  @Test
  void matchesWhenPlainMethodWouldMatchThenFalse() {
    // A challenge equal to the verifier itself is what "plain" sends; S256 never accepts it.
    String verifier = "a".repeat(43);
    assertFalse(Pkce.matches(verifier, verifier));
  }

  @Test
  void isValidVerifierWhenLengthBoundsThenOnlyFrom43To128() {
    assertFalse(Pkce.isValidVerifier("a".repeat(42)));
    assertTrue(Pkce.isValidVerifier("a".repeat(43)));
    assertTrue(Pkce.isValidVerifier("a".repeat(128)));
    assertFalse(Pkce.isValidVerifier("a".repeat(129)));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "+", "/", "=", "%", "\u00e9", "\n"})
  void isValidVerifierWhenCharacterOutsideUnreservedThenFalse(String bad) {
    String verifier = bad == null || bad.isEmpty() ? bad : "a".repeat(43) + bad;
    assertFalse(Pkce.isValidVerifier(verifier));
    assertFalse(Pkce.matches(verifier, CHALLENGE));
  }

  @Test
  void isValidVerifierWhenEveryUnreservedCharacterThenTrue() {
    assertTrue(Pkce.isValidVerifier("ABCXYZabcxyz0123456789-._~" + "a".repeat(20)));
  }

  @Test
  void isS256ChallengeWhenBase64urlOf32BytesThenTrueElseFalse() {
    assertTrue(Pkce.isS256Challenge(CHALLENGE));
    assertFalse(Pkce.isS256Challenge(CHALLENGE + "A"));
    assertFalse(Pkce.isS256Challenge(CHALLENGE.substring(1)));
    assertFalse(Pkce.isS256Challenge(CHALLENGE.substring(1) + "="));
    assertFalse(Pkce.isS256Challenge(CHALLENGE.substring(1) + "+"));
    assertFalse(Pkce.isS256Challenge(null));
  }

  @Test
  void s256WhenVerifierInvalidThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> Pkce.s256("short"));
  }
}
