package io.admin.auth.servlet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "/api/v3/users;x=y", "/api/v3;/users", "/api/v3/users;", "/api/v3/./users", "/api/v3/../users",
      "/api/v3/users/.", "/api/v3/users/..", "/.", "/..", "//", "/api//users", "//api", "/api/v3/users//",
      "/api/v3%2fusers", "/api/v3%2Fusers", "/api/v3%5cusers", "/api/v3%5Cusers", "/api/v3\\users",
      "/api/%2e/users", "/api/%2E%2E/users", "/api/.%2e/users", "/api/v3/users%3b", "/api/v3/users%3B",
      "/api/v3/users%25", "/api/v3/%252e%252e/x", "/api/v3/users%00", "/api/v3/users%0a", "/api/v3/users%7f",
      "/api/v3/us%zzers", "/api/v3/users%", "/api/v3/users%2", "/api/v3/users%c0%ae", "/api/v3/%ff",
      "/api/v3/users x", "/api/v3/usérs", "api/v3/users", ""})
  void canonicalizeWhenAmbiguousThenEmpty(String raw) {
    assertEquals(Optional.empty(), RequestPaths.canonicalize(raw), raw);
  }

  /**
   * Raw characters outside printable ASCII are refused wherever they stand, also as the digits of
   * an escape: {@code Character.digit} reads fullwidth digits (U+FF10..) as hex digits, so without
   * this {@code %４１} decoded to {@code A} while the application's framework saw something else.
   */
  @ParameterizedTest
  @ValueSource(strings = {"/api/v3/%\uFF14\uFF11", "/api/v3/%4\uFF11", "/api/v3/%\u0664\u0661"})
  void canonicalizeWhenEscapeDigitsNotAsciiThenEmpty(String raw) {
    assertEquals(Optional.empty(), RequestPaths.canonicalize(raw), raw);
  }

  @ParameterizedTest
  @CsvSource({
      "/api/v3/users, /api/v3/users",
      "/API/v3/users, /API/v3/users",
      "/, /",
      "/api/v3/users/, /api/v3/users/",
      "/api/v3/%75sers, /api/v3/users",
      "/api/v3/caf%C3%A9, /api/v3/café",
      "/api/v3/a+b, /api/v3/a+b",
      "/api/v3/.well-known, /api/v3/.well-known",
      "/api/v3/...x, /api/v3/...x"})
  void canonicalizeWhenUnambiguousThenDecodedWithCaseKept(String raw, String expected) {
    assertEquals(Optional.of(expected), RequestPaths.canonicalize(raw));
  }

  /**
   * Over printable ASCII (everything a container hands on that is not refused outright) the fast
   * path without a decoder answers what decoding every path answers.
   */
  @Test
  void canonicalizeWhenRandomAsciiPathsThenSameAsDecodingEveryPath() {
    String alphabet = "/./..%2e%2F%41%c3%a9%zz;ab\\ ~";
    Random random = new Random(17);
    for (int n = 0; n < 50_000; n++) {
      StringBuilder b = new StringBuilder("/");
      for (int i = random.nextInt(12); i > 0; i--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String raw = b.toString();
      assertEquals(reference(raw), RequestPaths.canonicalize(raw), raw);
    }
  }

  /** The previous implementation (percent-decode every path, then split on '/'), for ASCII input. */
  private static Optional<String> reference(String rawPath) {
    if (!rawPath.startsWith("/") || rawPath.contains("//")) {
      return Optional.empty();
    }
    ByteBuffer bytes = ByteBuffer.allocate(rawPath.length());
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == ';' || c == '\\') {
        return Optional.empty();
      }
      if (c == '%') {
        int b = i + 2 < rawPath.length()
            ? hexDigit(rawPath.charAt(i + 1)) << 4 | hexDigit(rawPath.charAt(i + 2)) : -1;
        if (b < 0 || b == '/' || b == '\\' || b == '.' || b == ';' || b == '%' || b < 0x20 || b == 0x7f) {
          return Optional.empty();
        }
        bytes.put((byte) b);
        i += 2;
      } else {
        bytes.put((byte) c);
      }
    }
    bytes.flip();
    String decoded;
    try {
      decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
    for (String segment : decoded.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return Optional.empty();
      }
    }
    return Optional.of(decoded);
  }

  private static int hexDigit(char c) {
    int d = Character.digit(c, 16);
    return d < 0 ? -1 << 8 : d;
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v3/users", "/x"})
  void canonicalizeIsIdempotentOnCanonicalPaths(String path) {
    Optional<String> once = RequestPaths.canonicalize(path);
    assertTrue(once.isPresent());
    assertEquals(once, RequestPaths.canonicalize(once.get()));
  }
}
