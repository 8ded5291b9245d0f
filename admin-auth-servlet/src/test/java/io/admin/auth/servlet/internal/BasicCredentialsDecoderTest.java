package io.admin.auth.servlet.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 7617 decoding of {@link BasicScheme}; the scheme's HTTP behaviour is in the HTTP suites. */
class BasicSchemeTest {

  @Test
  void decodeWhenPasswordHasColonsThenUserEndsAtTheFirst() {
    BasicScheme.Credentials c = BasicScheme.decode(b64("alice:a:b::c")).orElseThrow();
    assertEquals("alice", c.user());
    assertEquals("a:b::c", c.password());
  }

  @Test
  void decodeWhenUtf8ThenDecodedAsUtf8() {
    BasicScheme.Credentials c = BasicScheme.decode(b64("josé:€uro")).orElseThrow();
    assertEquals("josé", c.user());
    assertEquals("€uro", c.password());
  }

  @Test
  void decodeWhenPasswordEmptyThenStillCredentials() {
    assertEquals("", BasicScheme.decode(b64("alice:")).orElseThrow().password());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "!!!", "bm9jb2xvbg==", "OnB3", "/w==", "YWxpY2UAOnB3", "YWxpY2U6cHcK",
      "YWxp Y2U6cHc=", "===="})
  void decodeWhenMalformedThenEmpty(String token68) {
    assertTrue(BasicScheme.decode(token68).isEmpty());
  }

  @Test
  void decodeWhenLongerThanBoundThenEmptyWithoutDecoding() {
    assertTrue(BasicScheme.decode("QUFB".repeat(BasicScheme.MAX_CREDENTIALS_CHARS / 4 + 1)).isEmpty());
  }

  @Test
  void credentialsToStringMasksThePassword() {
    String s = new BasicScheme.Credentials("alice", "hunter2").toString();
    assertFalse(s.contains("hunter2"), s);
    assertTrue(s.contains("**********"), s);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
