package io.admin.auth.servlet.session.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code return_to}: local paths only, every open-redirect trick refused (values as decoded once). */
class ReturnToTest {

  @ParameterizedTest
  @ValueSource(strings = {"/", "/app/", "/app/?tab=1#top", "/a/b.c/~d;e=f", "/a%41b", "/a?x=..",
      "/a...b", "/a?next=%3Fx%3D1"})
  void localPathsAreKept(String value) {
    assertEquals(Optional.of(value), ReturnTo.check(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "app", "https://evil.example/", "http:/evil.example", "//evil.example",
      "/\\evil.example", "\\\\evil.example", "/a\\b", "///evil.example", "/%2F%2Fevil.example",
      "/%2fevil", "/%5Cevil.example", "/%5cevil", "/%09/evil.example", "/\t/evil.example",
      "/\n/evil", "/\r\nSet-Cookie: x=y", "javascript:alert(1)", "/..//evil.example",
      "/a/../../b", "/./", "/%2e%2e/", "/%", "/%z1", "/%1", "/é", "/a b", "/%00", "/%7F",
      "/%25", " /a",
      // Strict on purpose: no escape of a space, non-ASCII or a slash anywhere, query included.
      "/a%20b", "/%C3%A9t%C3%A9", "/search?q=%2F%2Fnot-a-host"})
  void tricksAreRefused(String value) {
    assertTrue(ReturnTo.check(value).isEmpty(), value);
  }

  @ParameterizedTest
  @ValueSource(ints = {1024, 1025})
  void lengthIsBounded(int length) {
    String v = "/" + "a".repeat(length - 1);
    assertEquals(length <= ReturnTo.MAX_CHARS, ReturnTo.check(v).isPresent());
  }
}
