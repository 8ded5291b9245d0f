package io.admin.auth.servlet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
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

  @ParameterizedTest
  @ValueSource(strings = {"/api/v3/users", "/x"})
  void canonicalizeIsIdempotentOnCanonicalPaths(String path) {
    Optional<String> once = RequestPaths.canonicalize(path);
    assertTrue(once.isPresent());
    assertEquals(once, RequestPaths.canonicalize(once.get()));
  }
}
