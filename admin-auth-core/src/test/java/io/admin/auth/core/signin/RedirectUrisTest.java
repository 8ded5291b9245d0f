package io.admin.auth.core.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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


  private static final List<String> WEB = List.of("https://app.example.com/cb");

  @Test
  void matchWhenExactStringThenMatches() {
    assertEquals(Optional.of("https://app.example.com/cb"),
        RedirectUris.match(WEB, "https://app.example.com/cb"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://app.example.com/cb/extra", // extra path segment
      "https://app.example.com/cb/", // trailing slash
      "https://app.example.com:8443/cb", // other port on a non-loopback host
      "http://app.example.com/cb", // other scheme
      "https://app.example.com/cb#frag", // fragment
      "https://app.example.com/cb#", // empty fragment
      "https://user@app.example.com/cb", // user-info
      "https://evil.com@app.example.com/cb", // user-info naming another host
      "https://APP.example.com/cb", // case difference in the host
      "HTTPS://app.example.com/cb", // case difference in the scheme
      "https://app.example.com/%63b", // percent-encoding difference
      "https://app.example.com/cb?x=1", // added query
      "https://app.example.com/cb ", // trailing space
      "https://app.example.com/CB", // case difference in the path
      "https://app.example.com.evil.com/cb", // suffix on the host
      ""})
  void matchWhenAnyDifferenceFromARegisteredWebUriThenNoMatch(String requested) {
    assertEquals(Optional.empty(), RedirectUris.match(WEB, requested));
  }

  @Test
  void matchWhenNullOrNothingRegisteredThenNoMatch() {
    assertEquals(Optional.empty(), RedirectUris.match(WEB, null));
    assertEquals(Optional.empty(), RedirectUris.match(List.of(), "https://app.example.com/cb"));
  }

  @Test
  void matchWhenRegisteredUriHasAFragmentThenEvenTheSameStringDoesNotMatch() {
    // RFC 6749 3.1.2: a redirection endpoint never has a fragment; a registration that has one is
    // a mistake we refuse to act on.
    assertEquals(Optional.empty(),
        RedirectUris.match(List.of("https://a.example/cb#x"), "https://a.example/cb#x"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://127.0.0.1:51004/cb", "http://127.0.0.1:1/cb", "http://127.0.0.1:65535/cb",
      "http://127.0.0.1/cb", "http://127.0.0.1:8080/cb"})
  void matchWhenIpv4LoopbackDiffersOnlyInPortThenMatches(String requested) {
    assertEquals(Optional.of("http://127.0.0.1:8080/cb"),
        RedirectUris.match(List.of("http://127.0.0.1:8080/cb"), requested));
  }

  @Test
  void matchWhenIpv6LoopbackOrPortlessRegistrationThenAnyPortMatches() {
    assertTrue(RedirectUris.match(List.of("http://[::1]:8080/cb"), "http://[::1]:4242/cb")
        .isPresent());
    assertTrue(RedirectUris.match(List.of("http://127.0.0.1/cb"), "http://127.0.0.1:4242/cb")
        .isPresent());
    assertTrue(RedirectUris.match(List.of("http://127.0.0.1:80"), "http://127.0.0.1:9")
        .isPresent());
    assertTrue(RedirectUris.match(List.of("http://127.0.0.1:80/cb?a=b"),
        "http://127.0.0.1:9/cb?a=b").isPresent());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://127.0.0.1.evil.com:8080/cb", // a host that only starts like the loopback address
      "http://127.0.0.1.evil.com/cb",
      "http://127.0.0.1@evil.com:8080/cb", // user-info
      "http://evil.com@127.0.0.1:8080/cb",
      "http://127.0.0.1:8080@evil.com/cb",
      "http://127.0.0.1:8080/cb/extra", // path differs
      "http://127.0.0.1:8080/cb/",
      "http://127.0.0.1:8080/CB",
      "http://127.0.0.1:8080/cb#f",
      "http://127.0.0.1:8080/cb?x=1",
      "https://127.0.0.1:8080/cb", // scheme differs
      "http://localhost:8080/cb", // localhost is not treated as loopback for this rule
      "http://[::1]:8080/cb", // other loopback address family
      "http://127.0.0.2:8080/cb",
      "http://127.0.0.1:/cb", // empty port
      "http://127.0.0.1:0/cb", // port zero
      "http://127.0.0.1:65536/cb", // port out of range
      "http://127.0.0.1:08080/cb", // leading zero
      "http://127.0.0.1:+8080/cb",
      "http://127.0.0.1:8080:9090/cb",
      "http://127.0.0.1:99999999999999999999/cb",
      "http://127.0.0.1:8080%2fcb"})
  void matchWhenLoopbackRegisteredAndRestDiffersThenNoMatch(String requested) {
    assertEquals(Optional.empty(),
        RedirectUris.match(List.of("http://127.0.0.1:8080/cb"), requested));
  }

  @Test
  void matchWhenLocalhostRegisteredThenOnlyTheExactPortMatches() {
    List<String> registered = List.of("http://localhost:8080/cb");
    assertTrue(RedirectUris.match(registered, "http://localhost:8080/cb").isPresent());
    assertFalse(RedirectUris.match(registered, "http://localhost:8081/cb").isPresent());
  }

  @Test
  void matchWhenPrivateUseSchemeThenExactOnly() {
    List<String> registered = List.of("com.example.app:/cb");
    assertTrue(RedirectUris.match(registered, "com.example.app:/cb").isPresent());
    for (String other : List.of("com.example.app:/cb/", "com.example.App:/cb",
        "com.example.app://cb", "com.example.app:/cb#x", "com.example.apps:/cb")) {
      assertFalse(RedirectUris.match(registered, other).isPresent(), other);
    }
  }

  @Test
  void matchWhenSeveralRegisteredThenTheMatchingOneIsReturned() {
    List<String> registered = List.of("https://a.example/cb", "http://127.0.0.1:1/native");
    assertEquals(Optional.of("http://127.0.0.1:1/native"),
        RedirectUris.match(registered, "http://127.0.0.1:5000/native"));
  }
}
