package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivateKeyCipherTest {

  private static final byte[] SECRET = "-----private key bytes-----".getBytes(StandardCharsets.UTF_8);
  private static final byte[] K1 = PrivateKeyCipher.aad("k1", "ES256");
  private static final byte[] K2 = PrivateKeyCipher.aad("k2", "ES256");
  private final SecureRandom random = new SecureRandom();
  private final PrivateKeyCipher cipher =
      new PrivateKeyCipher(KeyEncryptionKey.generate(random), random);

  @Test
  void openWhenSealedForSameKidThenPlaintext() {
    assertArrayEquals(SECRET, cipher.open(K1, cipher.seal(K1, SECRET)).orElseThrow());
  }

  @Test
  void sealWhenCalledTwiceThenFreshNonceAndNoPlaintextInOutput() {
    byte[] a = cipher.seal(K1, SECRET);
    byte[] b = cipher.seal(K1, SECRET);
    assertFalse(Arrays.equals(Arrays.copyOfRange(a, 1, 13), Arrays.copyOfRange(b, 1, 13)));
    assertEquals(1 + 12 + SECRET.length + 16, a.length);
    assertFalse(new String(a, StandardCharsets.ISO_8859_1).contains("private key"));
  }

  @Test
  void openWhenOtherKidThenEmpty() {
    assertTrue(cipher.open(K2, cipher.seal(K1, SECRET)).isEmpty());
  }

  @Test
  void aadWhenPartsShiftBetweenFieldsThenDiffers() {
    assertFalse(Arrays.equals(PrivateKeyCipher.aad("ab", "c"), PrivateKeyCipher.aad("a", "bc")));
    assertTrue(cipher.open(PrivateKeyCipher.aad("a", "bc"),
        cipher.seal(PrivateKeyCipher.aad("ab", "c"), SECRET)).isEmpty());
  }

  @Test
  void openWhenOtherKekThenEmpty() {
    PrivateKeyCipher other = new PrivateKeyCipher(KeyEncryptionKey.generate(random), random);
    assertTrue(other.open(K1, cipher.seal(K1, SECRET)).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 5, 13, 20, 40})
  void openWhenAnyByteFlippedThenEmpty(int index) {
    byte[] sealed = cipher.seal(K1, SECRET);
    sealed[index] ^= 0x01;
    assertTrue(cipher.open(K1, sealed).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 12, 28})
  void openWhenTruncatedThenEmpty(int length) {
    assertTrue(cipher.open(K1, Arrays.copyOf(cipher.seal(K1, SECRET), length)).isEmpty());
  }

  @Test
  void openWhenNullThenEmpty() {
    assertTrue(cipher.open(K1, null).isEmpty());
  }
}
