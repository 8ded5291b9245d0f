package io.admin.auth.core.verify;

import static io.admin.auth.core.verify.TestJws.AUDIENCE;
import static io.admin.auth.core.verify.TestJws.ISSUER;
import static io.admin.auth.core.verify.TestJws.KEYS;
import static io.admin.auth.core.verify.TestJws.T0;
import static io.admin.auth.core.verify.TestJws.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.admin.auth.core.AccessTokenType;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A verifier built for an issuer that stamps {@code typ} {@code JWT} ({@link AccessTokenType#JWT}):
 * the header then no longer tells an access token from an ID token of the same issuer, so the
 * ID-token claims must be looked for in the whole payload, which the typed claims do not keep
 * (see {@code docs/http-contract.md}, "ID tokens").
 */
class AccessTokenVerifierJwtTypeTest {

  private final List<AuditEvent> events = new ArrayList<>();

  private AccessTokenVerifier verifier() {
    return AccessTokenVerifier.builder().issuer(ISSUER).audience(AUDIENCE)
        .clock(new MutableClock(T0)).keys(TestJws.RING::find)
        .revocationStore(new InMemoryRevocationStore()).auditListener(events::add)
        .accessTokenType(AccessTokenType.JWT).build();
  }

  private static String jwtTyped(Map<String, Object> claims) {
    SigningKey key = KEYS.get(SigningAlgorithm.HS256);
    Map<String, Object> header = TestJws.header(key);
    header.put("typ", "JWT");
    return TestJws.token(header, claims, key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nonce", "at_hash", "c_hash", "azp"})
  void verifyWhenTypJwtAndAnIdTokenClaimThenRefusedNamingIt(String idTokenClaim) {
    AccessTokenVerifier verifier = verifier();
    Map<String, Object> c = claims(T0);
    assertInstanceOf(AuthOutcome.Authenticated.class, verifier.verify(jwtTyped(c)),
        "the same token without the claim is an access token");
    c.put(idTokenClaim, "client-a");

    AuthOutcome outcome = verifier.verify(jwtTyped(c));

    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID,
        assertInstanceOf(AuthOutcome.Rejected.class, outcome).error().code());
    assertEquals("ID token claim " + idTokenClaim,
        ((AuditEvent.VerificationFailed) events.get(events.size() - 1)).reason());
  }
}
