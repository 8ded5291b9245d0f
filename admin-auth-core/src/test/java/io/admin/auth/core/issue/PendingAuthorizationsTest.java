package io.admin.auth.core.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.internal.jose.Base64Url;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.signin.PendingAuthorization;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The signed handle of a pending authorization request: it round-trips the request and its
 * original time, refuses any change, expires after ten minutes, and never passes as an access
 * token.
 */
class PendingAuthorizationsTest {

  private final SignInFixture f = new SignInFixture();
  private final Instant requestedAt = f.clock.instant().minusSeconds(5);
  private final PendingAuthorization pending = new PendingAuthorization(Map.of(
      "client_id", "spa", "redirect_uri", SignInFixture.SPA_REDIRECT, "scope", "openid",
      "state", "xyz \u00e9", "prompt", "login"), requestedAt);

  @Test
  void signedThenOpenedGivesTheSameRequestAndTheOriginalTime() {
    String handle = f.service.signPendingAuthorization(pending);

    PendingAuthorization opened = f.service.openPendingAuthorization(handle).orElseThrow();

    assertEquals(pending.parameters(), opened.parameters());
    assertEquals(requestedAt.getEpochSecond(), opened.requestedAt().getEpochSecond());
    Map<String, Object> header = part(handle, 0);
    assertEquals("admin-auth-signin+jwt", header.get("typ"));
  }

  @Test
  void changedPayloadThenRefused() {
    String handle = f.service.signPendingAuthorization(pending);
    String[] parts = handle.split("\\.");
    String payload = new String(Base64Url.decodeStrict(parts[1], 0, parts[1].length()),
        StandardCharsets.UTF_8).replace("\"login\"", "\"none\"");
    String forged = parts[0] + "." + Base64Url.encode(payload.getBytes(StandardCharsets.UTF_8))
        + "." + parts[2];

    assertEquals(Optional.empty(), f.service.openPendingAuthorization(forged));
  }

  @Test
  void tenMinutesAfterTheRequestThenRefused() {
    String handle = f.service.signPendingAuthorization(pending);
    f.clock.advance(Duration.ofMinutes(10).minusSeconds(10));
    assertTrue(f.service.openPendingAuthorization(handle).isPresent());

    f.clock.advance(Duration.ofSeconds(10));

    assertEquals(Optional.empty(), f.service.openPendingAuthorization(handle));
  }

  @Test
  void handleOfAnotherServiceOrGarbageThenRefused() {
    String foreign = new SignInFixture().service.signPendingAuthorization(pending);

    assertEquals(Optional.empty(), f.service.openPendingAuthorization(foreign));
    for (String bad : new String[] {null, "", "a.b", "a.b.c", "..", "a.b.c.d", "x".repeat(20_000)}) {
      assertFalse(f.service.openPendingAuthorization(bad).isPresent(), String.valueOf(bad));
    }
  }

  @Test
  void presentedAsAnAccessTokenThenRejected() {
    String handle = f.service.signPendingAuthorization(pending);

    assertInstanceOf(AuthOutcome.Rejected.class, f.service.verify(handle));
  }

  @Test
  void unknownParameterIsNotCarriedOverAndRepeatedOneIsDropped() {
    PendingAuthorization p = PendingAuthorization.of(Map.of("client_id", new String[] {"spa"},
        "evil", new String[] {"x"}, "state", new String[] {"a", "b"}), requestedAt);

    assertEquals(Map.of("client_id", "spa"), p.parameters());
    assertFalse(p.toString().contains("spa"), p.toString());
  }

  private static Map<String, Object> part(String jwt, int i) {
    String s = jwt.split("\\.")[i];
    return Json.parseObject(new String(Base64Url.decodeStrict(s, 0, s.length()),
        StandardCharsets.UTF_8)).orElseThrow();
  }
}
