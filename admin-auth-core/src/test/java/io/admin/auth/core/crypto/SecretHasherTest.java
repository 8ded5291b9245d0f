package io.admin.auth.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretHasherTest {

  private static byte[] pepper(int value) {
    byte[] p = new byte[32];
    Arrays.fill(p, (byte) value);
    return p;
  }

  private final SecretHasher hasher = SecretHasher.withPepper(pepper(7));

  @Test
  void hashWhenSameSecretThenSameHashAndMatches() {
    String h = hasher.hash("s3cret");
    assertEquals(h, hasher.hash("s3cret"));
    assertTrue(h.startsWith(SecretHasher.PREFIX));
    assertTrue(hasher.matches("s3cret", h));
  }

  @Test
  void matchesWhenWrongSecretThenFalse() {
    assertFalse(hasher.matches("s3cres", hasher.hash("s3cret")));
  }

  @Test
  void hashWhenOtherPepperThenDifferentHashAndNoMatch() {
    SecretHasher other = SecretHasher.withPepper(pepper(8));
    assertNotEquals(hasher.hash("x"), other.hash("x"));
    assertFalse(other.matches("x", hasher.hash("x")));
  }

  @Test
  void hashDoesNotContainTheSecret() {
    assertFalse(hasher.hash("plain-secret-value").contains("plain-secret-value"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "sha256:abc", "hmac-sha256:***not-base64***", "hmac-sha256:"})
  void matchesWhenStoredHashMalformedThenFalse(String stored) {
    assertFalse(hasher.matches("x", stored));
  }

  @Test
  void withPepperWhenTooShortThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> SecretHasher.withPepper(new byte[31]));
  }

  @Test
  void hashWhenClonedPrototypeThenSameBytesAsFreshMac() throws Exception {
    // The clone path must give exactly the bytes of a freshly keyed JDK Mac.
    javax.crypto.Mac fresh = javax.crypto.Mac.getInstance("HmacSHA256");
    fresh.init(new javax.crypto.spec.SecretKeySpec(pepper(7), "HmacSHA256"));
    String expected = SecretHasher.PREFIX + java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(fresh.doFinal("what do ya want for nothing?".getBytes(
            java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals(expected, hasher.hash("what do ya want for nothing?"));
  }

  @Test
  void hashWhenCalledFromManyThreadsThenAlwaysTheSame() throws Exception {
    String expected = hasher.hash("concurrent");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
      for (int i = 0; i < 64; i++) {
        futures.add(pool.submit(() -> {
          for (int j = 0; j < 500; j++) {
            if (!expected.equals(hasher.hash("concurrent"))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (var f : futures) {
        assertTrue(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void toStringMasksPepper() {
    assertEquals("SecretHasher[pepper=**********]", hasher.toString());
  }

  @Test
  void randomSecretHas256BitsAndIsUrlSafe() {
    RandomTokens tokens = new RandomTokens(new SecureRandom());
    String s = tokens.secret();
    assertEquals(43, s.length());
    assertTrue(s.matches("[A-Za-z0-9_-]+"));
    assertNotEquals(s, tokens.secret());
  }
}
