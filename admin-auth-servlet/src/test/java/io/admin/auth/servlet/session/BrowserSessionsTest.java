package io.admin.auth.servlet.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.signin.SignIn;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings of browser sessions refuse what the contract's cookie rules do not allow. */
class BrowserSessionsTest {

  private static BrowserSessions.Builder builder() {
    return BrowserSessions.builder("bff", "secret-0123456789abcdef");
  }

  @Test
  void defaultsAreTheContractsAndTheSecretIsNeverPrinted() {
    BrowserSessions s = builder().build();
    assertEquals(BrowserSessionPaths.defaults(), s.paths());
    assertEquals("/api/v3/auth/session", s.paths().session());
    assertEquals(BrowserSessions.SameSite.LAX, s.sameSite());
    assertEquals(List.of(), s.cookiePaths());
    assertFalse(s.toString().contains("secret-0123456789abcdef"));
  }

  @Test
  void badValuesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> BrowserSessions.builder("bff", "short"));
    assertThrows(IllegalArgumentException.class, () -> builder().cookieNameStem("__Host-x"));
    assertThrows(IllegalArgumentException.class, () -> builder().cookieNameStem("a;b"));
    assertThrows(IllegalArgumentException.class, () -> builder().secret(new byte[31]));
    assertThrows(IllegalArgumentException.class,
        () -> builder().refreshLeeway(Duration.ofMinutes(2)));
    assertThrows(IllegalArgumentException.class, () -> builder().redirectUri("/relative"));
    assertThrows(IllegalArgumentException.class, () -> builder().trustedOrigin("null"));
    assertThrows(IllegalArgumentException.class, () -> builder().scopes(List.of()));
    // The refresh cookie's path must reach refresh and logout.
    assertThrows(IllegalArgumentException.class, () -> new BrowserSessionPaths("/s", "/s/login",
        "/s/callback", "/elsewhere/refresh", "/s/logout"));
  }

  @Test
  void adminAuthNeedsSignInAndDistinctPaths() {
    DefaultTokenService tokens = DefaultTokenService.builder().issuer("https://a.example").build();
    assertThrows(IllegalStateException.class,
        () -> AdminAuth.builder(tokens).browserSessions(builder().build()).build());
    BrowserSessionPaths clash = new BrowserSessionPaths("/api/v3/auth", "/api/v3/auth/login",
        "/api/v3/auth/cb", "/api/v3/auth/refresh", "/api/v3/auth/out");
    assertThrows(IllegalArgumentException.class, () -> AdminAuth.builder(tokens)
        .signIn(SignIn.builder().build()).browserSessions(builder().paths(clash).build()).build());
    assertEquals(true, AdminAuth.builder(tokens).signIn(SignIn.builder().build())
        .browserSessions(builder().build()).build().servlets()
        .containsKey("/api/v3/auth/session/refresh"));
  }
}
