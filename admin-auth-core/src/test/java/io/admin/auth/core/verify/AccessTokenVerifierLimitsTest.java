package io.admin.auth.core.verify;

import static io.admin.auth.core.verify.TestJws.AUDIENCE;
import static io.admin.auth.core.verify.TestJws.ISSUER;
import static io.admin.auth.core.verify.TestJws.KEYS;
import static io.admin.auth.core.verify.TestJws.T0;
import static io.admin.auth.core.verify.TestJws.claims;
import static io.admin.auth.core.verify.TestJws.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The verifier's limits and switches: the size bound on each side, test keys, headers only the
 * full JSON parser reads, a key resolver that fails unexpectedly, and every builder bound.
 */
class AccessTokenVerifierLimitsTest {

  private static final SigningKey HS = KEYS.get(SigningAlgorithm.HS256);

  private final List<AuditEvent> events = new ArrayList<>();

  private AccessTokenVerifierBuilder builder(AccessTokenVerifier.KeyResolver keys) {
    return AccessTokenVerifier.builder().issuer(ISSUER).audience(AUDIENCE)
        .clock(new MutableClock(T0)).keys(keys).revocationStore(new InMemoryRevocationStore())
        .auditListener(events::add);
  }

  private AccessTokenVerifier verifier() {
    return builder(TestJws.RING::find).build();
  }

  private String lastReason() {
    return ((AuditEvent.VerificationFailed) events.get(events.size() - 1)).reason();
  }

  /** The same key under another kid. */
  private static SigningKey withKid(SigningKey k, String kid) {
    return new SigningKey(kid, k.algorithm(), k.state(), k.createdAt(), k.activatedAt(),
        k.retiredAt(), k.signingKey(), k.verificationKey());
  }

  @Test
  void verifyWhenExactlyMaxCharactersThenParsedAndOneMoreThenTooLarge() {
    AccessTokenVerifier v = verifier();
    String atMax = "a".repeat(AccessTokenVerifier.MAX_TOKEN_CHARS);

    assertInstanceOf(AuthOutcome.Rejected.class, v.verify(atMax));
    assertEquals("not a compact JWS", lastReason());
    assertInstanceOf(AuthOutcome.Rejected.class, v.verify(atMax + "a"));
    assertEquals("too large", lastReason());
  }

  @Test
  void verifyWhenKidMarksATestKeyThenRefusedUnlessTestKeysAccepted() {
    SigningKey testKey = withKid(HS, AccessTokenVerifier.TEST_KEY_ID_PREFIX + "hs");
    AccessTokenVerifier.KeyResolver keys =
        kid -> kid.equals(testKey.kid()) ? Optional.of(testKey) : Optional.empty();
    String token = TestJws.token(header(testKey), claims(T0), testKey);

    AuthOutcome.Rejected refused = assertInstanceOf(AuthOutcome.Rejected.class,
        builder(keys).build().verify(token));

    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, refused.error().code());
    assertEquals("test key", lastReason());
    assertInstanceOf(AuthOutcome.Authenticated.class,
        builder(keys).acceptTestKeys(true).build().verify(token));
  }

  @Test
  void verifyWhenKidOnlyContainsTheTestPrefixThenAuthenticated() {
    SigningKey key = withKid(HS, "prod-test-1");
    String token = TestJws.token(header(key), claims(T0), key);

    assertInstanceOf(AuthOutcome.Authenticated.class,
        builder(kid -> Optional.of(key)).build().verify(token));
  }

  @Test
  void verifyWhenHeaderNeedsTheFullJsonParserThenAuthenticated() {
    // Non-ASCII text is left by the strict fast path to the full parser; the answer is the same.
    Map<String, Object> header = header(HS);
    header.put("x-note", "cl\u00e9");
    String token = TestJws.compact(Json.write(header), Json.write(claims(T0)), HS);

    assertInstanceOf(AuthOutcome.Authenticated.class, verifier().verify(token));
  }

  @Test
  void verifyWhenKeyResolverFailsUnexpectedlyThenRejectedNotThrown() {
    AccessTokenVerifier v = builder(kid -> {
      throw new IllegalStateException("resolver bug");
    }).build();

    AuthOutcome.Rejected rejected = assertInstanceOf(AuthOutcome.Rejected.class,
        v.verify(TestJws.token(SigningAlgorithm.HS256, claims(T0))));

    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, rejected.error().code());
    assertEquals("unexpected failure", lastReason());
  }

  @Test
  void buildWhenIssuerAudienceOrSkewOutOfRangeThenIllegalArgumentAndAtTheBoundsBuilt() {
    assertThrows(IllegalArgumentException.class, () -> builder(TestJws.RING::find).issuer(" ").build());
    assertThrows(IllegalArgumentException.class,
        () -> builder(TestJws.RING::find).audience(" ").build());
    assertThrows(IllegalArgumentException.class,
        () -> builder(TestJws.RING::find).clockSkew(Duration.ofNanos(-1)).build());
    assertThrows(IllegalArgumentException.class, () -> builder(TestJws.RING::find)
        .clockSkew(AccessTokenVerifierBuilder.MAX_SKEW.plusNanos(1)).build());
    assertThrows(NullPointerException.class,
        () -> builder(TestJws.RING::find).clockSkew(null).build());

    String token = TestJws.token(SigningAlgorithm.HS256, claims(T0));
    assertInstanceOf(AuthOutcome.Authenticated.class, builder(TestJws.RING::find)
        .clockSkew(AccessTokenVerifierBuilder.MAX_SKEW).build().verify(token));
    assertInstanceOf(AuthOutcome.Authenticated.class, builder(TestJws.RING::find)
        .clockSkew(Duration.ZERO).build().verify(token));
    // Without an audience, the issuer is the audience.
    Map<String, Object> forIssuer = claims(T0);
    forIssuer.put("aud", ISSUER);
    assertInstanceOf(AuthOutcome.Authenticated.class, AccessTokenVerifier.builder().issuer(ISSUER)
        .clock(new MutableClock(T0)).keys(TestJws.RING::find)
        .revocationStore(new InMemoryRevocationStore()).build()
        .verify(TestJws.token(SigningAlgorithm.HS256, forIssuer)));
  }

  @Test
  void verifyWhenPayloadNeedsTheFullJsonParserThenAuthenticated() {
    Map<String, Object> c = claims(T0);
    c.put("name", "Jos\u00e9");

    AuthOutcome.Authenticated ok = assertInstanceOf(AuthOutcome.Authenticated.class,
        verifier().verify(TestJws.token(SigningAlgorithm.HS256, c)));

    assertEquals("Jos\u00e9", ok.principal().claims().get("name"));
  }

  @Test
  void buildWhenSmallestCacheAndOwnCryptoThenWorks() {
    AccessTokenVerifier smallest = builder(TestJws.RING::find).cacheMaxEntries(1)
        .cacheMaxBytes(AccessTokenVerifierBuilder.MIN_CACHE_BYTES)
        .crypto(io.admin.auth.core.key.JwsCrypto.jdk()).build();
    String token = TestJws.token(SigningAlgorithm.ES256, claims(T0));

    assertInstanceOf(AuthOutcome.Authenticated.class, smallest.verify(token));
    assertEquals(1, smallest.cachedTokens());
  }
}

