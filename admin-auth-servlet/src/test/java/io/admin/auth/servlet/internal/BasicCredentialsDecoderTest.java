package io.admin.auth.servlet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.servlet.internal.BasicCredentialsDecoder.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 7617 decoding shared by the Basic scheme and client authentication; their HTTP behaviour is
 * in the HTTP suites.
 */
class BasicCredentialsDecoderTest {

  @Test
  void decodeWhenPasswordHasColonsThenUserEndsAtTheFirst() {
    Credentials c = BasicCredentialsDecoder.decode(b64("alice:a:b::c")).orElseThrow();
    assertEquals("alice", c.user());
    assertEquals("a:b::c", c.password());
  }

  @Test
  void decodeWhenUtf8ThenDecodedAsUtf8() {
    Credentials c = BasicCredentialsDecoder.decode(b64("josé:€uro")).orElseThrow();
    assertEquals("josé", c.user());
    assertEquals("€uro", c.password());
  }

  @Test
  void decodeWhenPasswordEmptyThenStillCredentials() {
    assertEquals("", BasicCredentialsDecoder.decode(b64("alice:")).orElseThrow().password());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "!!!", "bm9jb2xvbg==", "OnB3", "/w==", "YWxpY2UAOnB3", "YWxpY2U6cHcK",
      "YWxp Y2U6cHc=", "===="})
  void decodeWhenMalformedThenEmpty(String token68) {
    assertTrue(BasicCredentialsDecoder.decode(token68).isEmpty());
  }

  @Test
  void decodeWhenLongerThanBoundThenEmptyWithoutDecoding() {
    String tooLong = "QUFB".repeat(BasicCredentialsDecoder.MAX_CREDENTIALS_CHARS / 4 + 1);
    assertTrue(BasicCredentialsDecoder.decode(tooLong).isEmpty());
  }

  @Test
  void decodeWhenExactlyAtTheBoundThenDecoded() {
    String token68 = b64("a:" + "b".repeat(3070));
    assertEquals(BasicCredentialsDecoder.MAX_CREDENTIALS_CHARS, token68.length());
    assertEquals(3070, BasicCredentialsDecoder.decode(token68).orElseThrow().password().length());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Basic YWxpY2U6cHc=", "basic YWxpY2U6cHc=", "BASIC   YWxpY2U6cHc=  "})
  void fromHeaderWhenBasicInAnyCaseThenDecoded(String header) {
    assertEquals("alice", BasicCredentialsDecoder.fromHeader(header).orElseThrow().user());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Basic", "Basic ", "Bearer YWxpY2U6cHc=", "Digest x", "BasicYWxpY2U6cHc=",
      "Basic YWxpY2UAOnB3", "Basic bm9jb2xvbg=="})
  void fromHeaderWhenNotBasicOrMalformedThenEmpty(String header) {
    assertTrue(BasicCredentialsDecoder.fromHeader(header).isEmpty());
    assertTrue(BasicCredentialsDecoder.fromHeader(null).isEmpty());
  }

  @Test
  void credentialsToStringMasksThePassword() {
    String s = new Credentials("alice", "hunter2").toString();
    assertFalse(s.contains("hunter2"), s);
    assertTrue(s.contains("**********"), s);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
