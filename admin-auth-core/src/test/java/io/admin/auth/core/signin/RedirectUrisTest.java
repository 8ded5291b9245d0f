package io.admin.auth.core.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUrisTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "https://app.example.com/callback",
      "https://app.example.com:8443/cb?x=1",
      "http://127.0.0.1/callback",
      "http://127.0.0.1:9999/callback",
      "http://[::1]:8080/cb",
      "http://localhost:8080/demo/callback",
      "com.example.app:/oauth2redirect",
      "com.example.app:cb"})
  void problemWhenRegistrableThenNone(String uri) {
    assertEquals(Optional.empty(), RedirectUris.problem(uri));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "/callback",
      "app.example.com/callback",
      "https://app.example.com/cb#frag",
      "https://app.example.com/cb#",
      "http://app.example.com/callback",
      "http://127.0.0.2/callback",
      "http://localhost.evil.example/cb",
      "javascript:alert(1)",
      "data:text/html,hi",
      "myapp:/cb",
      "https://user:pw@app.example.com/cb",
      "https:///no-host",
      "https://app.example.com/a b"})
  void problemWhenNotRegistrableThenSaysWhy(String uri) {
    assertTrue(RedirectUris.problem(uri).isPresent(), uri);
  }

  @Test
  void problemWhenNullOrTooLongThenRefused() {
    assertTrue(RedirectUris.problem(null).isPresent());
    String longUri = "https://app.example.com/" + "a".repeat(RedirectUris.MAX_LENGTH);
    assertTrue(RedirectUris.problem(longUri).isPresent());
  }

  @Test
  void requireRegistrableWhenOneRefusedThenMessageNamesItAndTheReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RedirectUris.requireRegistrable(
            List.of("https://ok.example/cb", "http://evil.example/cb"), "redirect URI"));
    assertEquals("redirect URI http://evil.example/cb uses http on a host that is not loopback",
        e.getMessage());
  }
}
