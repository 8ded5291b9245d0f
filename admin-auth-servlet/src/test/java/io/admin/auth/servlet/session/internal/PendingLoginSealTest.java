package io.admin.auth.servlet.session.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.servlet.session.BrowserSessions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The sealed pending-login cookie: opens on any node with the same settings, and only there. */
class PendingLoginSealTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final PendingLogin LOGIN = new PendingLogin("state-1", "verifier-1",
      "/app/?a=1#b", NOW.plusSeconds(600));

  private static PendingLoginSeal seal(String clientSecret) {
    return new PendingLoginSeal(SessionKeys.of(BrowserSessions.builder("bff", clientSecret)
        .build()).seal(), new SecureRandom());
  }

  @Test
  void sealedOnOneNodeThenOpenedOnAnotherWithTheSameSettings() {
    String value = seal("secret-0123456789abcdef").seal(LOGIN);
    assertEquals(LOGIN, seal("secret-0123456789abcdef").open(value, NOW).orElseThrow());
    assertFalse(value.contains("state-1") || value.contains("verifier-1"));
    assertFalse(new String(Base64.getUrlDecoder().decode(value)).contains("verifier-1"));
  }

  @Test
  void otherKeyTamperingGarbageAndExpiryAreRefused() {
    PendingLoginSeal s = seal("secret-0123456789abcdef");
    String value = s.seal(LOGIN);
    assertTrue(seal("other-secret-0123456789").open(value, NOW).isEmpty());
    char c = value.charAt(30);
    String tampered = value.substring(0, 30) + (c == 'A' ? 'B' : 'A') + value.substring(31);
    assertTrue(s.open(tampered, NOW).isEmpty());
    assertTrue(s.open("not base64!", NOW).isEmpty());
    assertTrue(s.open("", NOW).isEmpty());
    assertTrue(s.open("A".repeat(5000), NOW).isEmpty());
    assertTrue(s.open(value, NOW.plusSeconds(600)).isEmpty());
    assertTrue(s.open(value, NOW.plusSeconds(599)).isPresent());
  }

  @Test
  void twoSealsOfTheSameLoginDiffer() {
    PendingLoginSeal s = seal("secret-0123456789abcdef");
    assertNotEquals(s.seal(LOGIN), s.seal(LOGIN));
  }

  @Test
  void aConfiguredSecretReplacesTheDerivedOne() {
    byte[] secret = new byte[32];
    PendingLoginSeal a = new PendingLoginSeal(SessionKeys.of(BrowserSessions.builder("bff",
        "secret-0123456789abcdef").secret(secret).build()).seal(), new SecureRandom());
    PendingLoginSeal b = new PendingLoginSeal(SessionKeys.of(BrowserSessions.builder("bff",
        "another-secret-0123456789").secret(secret).build()).seal(), new SecureRandom());
    assertEquals(LOGIN, b.open(a.seal(LOGIN), NOW).orElseThrow());
    assertTrue(seal("secret-0123456789abcdef").open(a.seal(LOGIN), NOW).isEmpty());
  }
}
