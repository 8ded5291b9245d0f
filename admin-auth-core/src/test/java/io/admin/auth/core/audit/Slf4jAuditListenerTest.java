package io.admin.auth.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Slf4jAuditListenerTest {

  private static final Instant T0 = Instant.parse("2025-03-15T10:00:00Z");
  private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl";

  /** slf4j-simple (the test binding) writes to the current System.err. */
  private static String captureStderr(Runnable r) {
    PrintStream original = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void onEventWhenReuseDetectedThenWarnWithFamilyAndClient() {
    String log = captureStderr(() -> new Slf4jAuditListener()
        .onEvent(new AuditEvent.RefreshTokenReuseDetected(T0, "client-a", "fam-1")));
    assertTrue(log.contains("WARN"), log);
    assertTrue(log.contains("client_id=client-a"), log);
    assertTrue(log.contains("family=fam-1"), log);
  }

  @Test
  void onEventWhenCodeReplayedThenWarnWithGrantAndClient() {
    String log = captureStderr(() -> new Slf4jAuditListener()
        .onEvent(new AuditEvent.AuthorizationCodeReplayDetected(T0, "spa", "grant-1")));
    assertTrue(log.contains("WARN"), log);
    assertTrue(log.contains("authorization code replay"), log);
    assertTrue(log.contains("client_id=spa"), log);
    assertTrue(log.contains("grant=grant-1"), log);
  }

  @Test
  void onEventWhenIssuedThenJtiLoggedNotToken() {
    String log = captureStderr(() -> new Slf4jAuditListener().onEvent(new AuditEvent.TokenIssued(
        T0, "client_credentials", "client-a", "client-a", "jti-7", Set.of("users:read"), null)));
    assertTrue(log.contains("jti=jti-7"), log);
    assertFalse(log.contains("eyJ"), log);
  }

  @Test
  void fingerprintWhenTokenThenTwelveHexCharsAndStable() {
    String f = AuditEvent.fingerprint(TOKEN);
    assertEquals(12, f.length());
    assertTrue(f.matches("[0-9a-f]{12}"));
    assertEquals(f, AuditEvent.fingerprint(TOKEN));
    assertFalse(TOKEN.contains(f));
    assertEquals("null", AuditEvent.fingerprint(null));
  }

  @Test
  void verificationFailedWhenPrintedThenNoTokenContent() {
    AuditEvent.VerificationFailed e = new AuditEvent.VerificationFailed(T0,
        AuthErrorCode.AUTH_TOKEN_INVALID, "bad signature", AuditEvent.fingerprint(TOKEN), null);
    assertFalse(e.toString().contains("eyJ"));
  }
}
