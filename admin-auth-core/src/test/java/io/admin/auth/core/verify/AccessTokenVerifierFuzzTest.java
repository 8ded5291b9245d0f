package io.admin.auth.core.verify;

import static io.admin.auth.core.verify.TestJws.AUDIENCE;
import static io.admin.auth.core.verify.TestJws.ISSUER;
import static io.admin.auth.core.verify.TestJws.KEYS;
import static io.admin.auth.core.verify.TestJws.T0;
import static io.admin.auth.core.verify.TestJws.b64;
import static io.admin.auth.core.verify.TestJws.claims;
import static io.admin.auth.core.verify.TestJws.compact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.testing.MutableClock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the whole compact-JWS verification path ({@link AccessTokenVerifier#verify}): base64url,
 * the strict JSON parser and its fallback, the header policy, key choice, signature and claims.
 * Properties: it never throws for any input (its only documented exception, {@code
 * AuthUnavailableException}, needs an unreachable store, and these stores are in memory); no
 * parser corner ends in the "unexpected failure" safety net; it never accepts a token that differs
 * from the validly signed one it was mutated from; and a token it accepts under a fuzzed header
 * names the key's own {@code alg} and {@code kid}, the {@code at+jwt} type and no key-injection
 * header. A plain {@code mvn verify} replays the committed inputs; {@code JAZZER_FUZZ=1} fuzzes.
 */
class AccessTokenVerifierFuzzTest {

  private static final SigningAlgorithm[] ALGORITHMS = SigningAlgorithm.values();
  private static final String EDITS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \t\n\0\u00e9\ud83d\ude00";

  // One valid token per algorithm, signed once: signing per input would halve the fuzzing speed.
  private static final Map<SigningAlgorithm, String> VALID = new EnumMap<>(SigningAlgorithm.class);

  static {
    for (SigningAlgorithm a : ALGORITHMS) {
      VALID.put(a, TestJws.token(a, claims(T0)));
    }
  }

  private final List<AuditEvent> events = new ArrayList<>();
  private final AccessTokenVerifier verifier = AccessTokenVerifier.builder().issuer(ISSUER)
      .audience(AUDIENCE).clock(new MutableClock(T0.plusSeconds(60))).keys(TestJws.RING::find)
      .revocationStore(new InMemoryRevocationStore()).auditListener(events::add).build();

  /**
   * One target (fuzzing runs one per JVM) with three kinds of input, chosen by the fuzzer:
   * arbitrary text, a mutated valid token, a validly signed token with a fuzzed header.
   */
  @FuzzTest(maxDuration = "10m")
  void verifyNeverThrowsOrAcceptsForgeries(FuzzedDataProvider data) {
    switch (data.consumeInt(0, 2)) {
      case 0 -> verifyArbitraryText(data);
      case 1 -> verifyMutatedToken(data);
      default -> verifyFuzzedHeader(data);
    }
  }

  /** Arbitrary text is never accepted and never throws. */
  private void verifyArbitraryText(FuzzedDataProvider data) {
    String token = data.consumeRemainingAsString();
    AuthOutcome outcome = verifier.verify(token);
    assertFalse(outcome instanceof AuthOutcome.Authenticated, token);
    assertNoSafetyNet(token);
  }

  /** A validly signed token with characters or signature bits changed is rejected. */
  private void verifyMutatedToken(FuzzedDataProvider data) {
    String original = VALID.get(ALGORITHMS[data.consumeInt(0, ALGORITHMS.length - 1)]);
    assertTrue(verifier.verify(original) instanceof AuthOutcome.Authenticated, original);
    String token = data.consumeBoolean() ? flipSignatureBit(original, data) : edit(original, data);

    AuthOutcome outcome = verifier.verify(token);
    if (outcome instanceof AuthOutcome.Authenticated) {
      // Canonical base64url means equal bytes need equal text, so acceptance allows no change.
      assertEquals(original, token, "accepted a changed token");
    }
    assertNoSafetyNet(token);
  }

  /** Whatever header is signed with a real key, only the strict header policy is accepted. */
  private void verifyFuzzedHeader(FuzzedDataProvider data) {
    SigningKey key = KEYS.get(ALGORITHMS[data.consumeInt(0, ALGORITHMS.length - 1)]);
    String headerJson = data.consumeRemainingAsString();
    String token = compact(headerJson, Json.write(claims(T0)), key);

    AuthOutcome outcome = verifier.verify(token);
    if (outcome instanceof AuthOutcome.Authenticated) {
      Map<String, Object> header = Json.parseObject(headerJson).orElse(null);
      assertNotNull(header, headerJson);
      assertEquals(key.algorithm().jwsName(), header.get("alg"), headerJson);
      assertEquals(key.kid(), header.get("kid"), headerJson);
      assertTrue(List.of("at+jwt", "application/at+jwt")
          .contains(String.valueOf(header.get("typ")).toLowerCase(java.util.Locale.ROOT)), headerJson);
      for (String injected : List.of("jwk", "jku", "x5u", "x5c")) {
        assertFalse(header.containsKey(injected), headerJson);
      }
    }
    assertNoSafetyNet(token);
  }

  private void assertNoSafetyNet(String token) {
    for (AuditEvent e : events) {
      if (e instanceof AuditEvent.VerificationFailed f) {
        assertFalse("unexpected failure".equals(f.reason()),
            () -> "a RuntimeException reached the verifier's safety net for: " + token);
      }
    }
    events.clear();
  }

  private static String flipSignatureBit(String token, FuzzedDataProvider data) {
    int dot = token.lastIndexOf('.');
    byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    int bit = data.consumeInt(0, signature.length * 8 - 1);
    signature[bit / 8] ^= (byte) (1 << (bit % 8));
    return token.substring(0, dot + 1) + b64(signature);
  }

  // Up to eight replacements, insertions or deletions of characters, anywhere.
  private static String edit(String token, FuzzedDataProvider data) {
    StringBuilder b = new StringBuilder(token);
    int edits = data.consumeInt(1, 8);
    for (int n = 0; n < edits; n++) {
      int at = data.consumeInt(0, b.length());
      char c = EDITS.charAt(data.consumeInt(0, EDITS.length() - 1));
      switch (data.consumeInt(0, 2)) {
        case 0 -> b.insert(at, c);
        case 1 -> {
          if (at < b.length()) {
            b.deleteCharAt(at);
          }
        }
        default -> {
          if (at < b.length()) {
            b.setCharAt(at, c);
          }
        }
      }
    }
    return b.toString();
  }
}
