package io.admin.auth.core.verify;

import static io.admin.auth.core.verify.TestJws.AUDIENCE;
import static io.admin.auth.core.verify.TestJws.ISSUER;
import static io.admin.auth.core.verify.TestJws.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.internal.jose.ParsedClaims;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole-payload view a {@code typ} {@code JWT} verifier's claim rules see: the typed claims as
 * parsed, and every other member present, whatever its value.
 */
class PayloadClaimsTest {

  private static Map<String, Object> payload() {
    Map<String, Object> c = TestJws.claims(T0);
    c.put("nbf", T0.minusSeconds(5).getEpochSecond());
    return c;
  }

  @Test
  void accessorsWhenTypedClaimsParsedThenTheirValues() {
    Map<String, Object> payload = payload();
    ParsedClaims typed = ParsedClaims.parse(payload);
    assertNotNull(typed);

    PayloadClaims view = new PayloadClaims(typed, payload);

    assertEquals(ISSUER, view.issuer());
    assertEquals("client-a", view.subject());
    assertEquals(List.of(AUDIENCE), view.audience());
    assertEquals(T0.plusSeconds(3600), view.expiresAt());
    assertEquals(T0.minusSeconds(5), view.notBefore());
    assertEquals(T0, view.issuedAt());
  }

  @Test
  void hasWhenMemberTypedOrOnlyInThePayloadThenTrueElseFalse() {
    Map<String, Object> payload = payload();
    payload.put("nonce", "n-1");
    payload.put("azp", null);
    ParsedClaims typed = ParsedClaims.parse(payload);
    PayloadClaims view = new PayloadClaims(typed, payload);

    assertFalse(typed.has("nonce"), "the typed claims do not keep it");
    assertTrue(view.has("nonce"));
    assertTrue(view.has("azp"), "present with a null value still counts");
    assertTrue(view.has("sub"));
    assertFalse(view.has("at_hash"));
  }
}
