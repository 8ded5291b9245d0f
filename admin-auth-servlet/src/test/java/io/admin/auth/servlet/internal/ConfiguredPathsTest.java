package io.admin.auth.servlet.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.servlet.endpoint.EndpointPaths;
import io.admin.auth.servlet.session.BrowserSessionPaths;
import io.admin.auth.servlet.signin.SignInPaths;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The one check of configured endpoint paths, and that each paths record applies it: a path the
 * filter's canonical paths could never equal would leave an endpoint unreachable or, worse, a
 * public path that matches more than the endpoint.
 */
class ConfiguredPathsTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "a/b", "/a/", "//a", "/a//b", "/a/./b", "/a/../b", "/a/.",
      "/a/..", "/a b", "/a%2Fb", "/a?x", "/a#x", "/ä"})
  void requireExactDistinctWhenNotAnExactPathThenRefusedNamingIt(String path) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RequestPaths.requireExactDistinct("sign-in", List.of("/ok", path)));
    assertTrue(e.getMessage().startsWith("sign-in path must be an exact path"), e.getMessage());
  }

  @Test
  void requireExactDistinctWhenTwoAreTheSameThenRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RequestPaths.requireExactDistinct("endpoint", List.of("/a", "/b", "/a")));
    assertTrue(e.getMessage().startsWith("endpoint paths must be distinct"), e.getMessage());
  }

  @Test
  void requireExactDistinctWhenExactAndDistinctThenAccepted() {
    assertDoesNotThrow(() -> RequestPaths.requireExactDistinct("endpoint",
        List.of("/.well-known/jwks.json", "/api/v3/auth/token", "/a~b_c-d")));
  }

  @Test
  void eachPathsRecordWhenABadOrRepeatedPathThenRefused() {
    assertDoesNotThrow(EndpointPaths::defaults);
    assertDoesNotThrow(SignInPaths::defaults);
    assertDoesNotThrow(BrowserSessionPaths::defaults);
    assertThrows(IllegalArgumentException.class, () -> new EndpointPaths("/t", "/r", "/i",
        "/j", "/m/../x", "/o"));
    assertThrows(IllegalArgumentException.class, () -> new EndpointPaths("/t", "/t", "/i",
        "/j", "/m", "/o"));
    assertThrows(IllegalArgumentException.class, () -> new SignInPaths("/a", "/l", "/c",
        "/u", "/a"));
    assertThrows(IllegalArgumentException.class, () -> new SignInPaths("/a", "/l//x", "/c",
        "/u", "/o"));
    assertThrows(IllegalArgumentException.class, () -> new BrowserSessionPaths("/s", "/s/l",
        "/s/c", "/s/r", "/s/r"));
  }
}
