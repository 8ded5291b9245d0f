package io.admin.auth.core.key;

import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.SigningKey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRingTest {

  private static final Instant T0 = Instant.parse("2025-03-15T10:00:00Z");
  private final SigningKeys gen = new SigningKeys(new SecureRandom());

  @Test
  void activeWhenTwoActiveThenNewestActivation() {
    SigningKey older = gen.generate(SigningAlgorithm.HS256, KeyState.ACTIVE, T0);
    SigningKey newer = gen.generate(SigningAlgorithm.HS256, KeyState.ACTIVE, T0.plusSeconds(5));
    assertEquals(newer.kid(), KeyRing.of(List.of(older, newer)).active().kid());
    assertEquals(newer.kid(), KeyRing.of(List.of(newer, older)).active().kid());
  }

  @Test
  void findWhenAnyStateThenFoundUnknownThenEmpty() {
    SigningKey next = gen.generate(SigningAlgorithm.HS256, KeyState.NEXT, T0);
    SigningKey active = gen.generate(SigningAlgorithm.HS256, KeyState.ACTIVE, T0);
    SigningKey retired = gen.generate(SigningAlgorithm.HS256, KeyState.RETIRED, T0);
    KeyRing ring = KeyRing.of(List.of(next, active, retired));
    assertTrue(ring.find(next.kid()).isPresent());
    assertTrue(ring.find(retired.kid()).isPresent());
    assertTrue(ring.find("unknown").isEmpty());
    assertTrue(ring.find(null).isEmpty());
  }

  @Test
  void ofWhenNoActiveKeyThenRejected() {
    SigningKey next = gen.generate(SigningAlgorithm.HS256, KeyState.NEXT, T0);
    assertThrows(IllegalArgumentException.class, () -> KeyRing.of(List.of(next)));
  }

  @Test
  void ofWhenDuplicateKidThenRejected() {
    SigningKey a = gen.generate(SigningAlgorithm.HS256, KeyState.ACTIVE, T0);
    assertThrows(IllegalArgumentException.class, () -> KeyRing.of(List.of(a, a)));
  }

  @Test
  void activeWhenPrimaryGivenThenNewestOfThatAlgorithmEvenIfAnotherIsNewer() {
    SigningKey es = gen.generate(SigningAlgorithm.ES256, KeyState.ACTIVE, T0);
    SigningKey rs = gen.generate(SigningAlgorithm.RS256, KeyState.ACTIVE, T0.plusSeconds(5));
    KeyRing ring = KeyRing.of(List.of(es, rs), SigningAlgorithm.ES256);
    assertEquals(es.kid(), ring.active().kid());
    assertEquals(rs.kid(), KeyRing.of(List.of(es, rs)).active().kid());
  }

  @Test
  void activeWhenPrimaryHasNoActiveKeyThenNewestOfAnyAlgorithm() {
    SigningKey rs = gen.generate(SigningAlgorithm.RS256, KeyState.ACTIVE, T0);
    SigningKey next = gen.generate(SigningAlgorithm.ES256, KeyState.NEXT, T0.plusSeconds(5));
    assertEquals(rs.kid(), KeyRing.of(List.of(rs, next), SigningAlgorithm.ES256).active().kid());
  }

  @Test
  void activeOfAlgorithmWhenSeveralThenNewestActiveOfItElseEmpty() {
    SigningKey older = gen.generate(SigningAlgorithm.RS256, KeyState.ACTIVE, T0);
    SigningKey newer = gen.generate(SigningAlgorithm.RS256, KeyState.ACTIVE, T0.plusSeconds(5));
    SigningKey next = gen.generate(SigningAlgorithm.RS256, KeyState.NEXT, T0.plusSeconds(9));
    SigningKey es = gen.generate(SigningAlgorithm.ES256, KeyState.ACTIVE, T0.plusSeconds(9));
    KeyRing ring = KeyRing.of(List.of(older, newer, next, es), SigningAlgorithm.ES256);
    assertEquals(newer.kid(), ring.active(SigningAlgorithm.RS256).orElseThrow().kid());
    assertTrue(ring.active(SigningAlgorithm.PS256).isEmpty());
  }

  @Test
  void keysWhenGivenInAnyOrderThenOldestFirstAndPublishedToo() {
    SigningKey newer = gen.generate(SigningAlgorithm.ES256, KeyState.ACTIVE, T0.plusSeconds(5));
    SigningKey older = gen.generate(SigningAlgorithm.ES256, KeyState.RETIRED, T0);

    KeyRing ring = KeyRing.of(List.of(newer, older));

    assertEquals(List.of(older, newer), ring.keys());
    assertEquals(List.of(older, newer), ring.published());
  }

  @Test
  void toStringWhenPrintedThenKidsOnlyNoKeyMaterial() {
    SigningKey hs = gen.generate(SigningAlgorithm.HS256, KeyState.ACTIVE, T0);
    String secret = java.util.Base64.getEncoder().encodeToString(hs.signingKey().getEncoded());

    String text = KeyRing.of(List.of(hs)).toString();

    assertEquals("KeyRing[active=" + hs.kid() + ", kids=[" + hs.kid() + "]]", text);
    assertFalse(text.contains(secret));
  }

  @Test
  void signedByWhenTheChosenKeyIsActiveThenItSignsElseRefused() {
    SigningKey older = gen.generate(SigningAlgorithm.RS256, KeyState.ACTIVE, T0);
    SigningKey newer = gen.generate(SigningAlgorithm.ES256, KeyState.ACTIVE, T0.plusSeconds(5));
    SigningKey next = gen.generate(SigningAlgorithm.ES256, KeyState.NEXT, T0.plusSeconds(6));
    List<SigningKey> keys = List.of(older, newer, next);

    assertEquals(older.kid(), KeyRing.signedBy(keys, older).active().kid());
    assertThrows(IllegalArgumentException.class, () -> KeyRing.signedBy(keys, next));
    assertThrows(IllegalArgumentException.class, () -> KeyRing.signedBy(keys, null));
  }
}
