package io.admin.auth.core.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JwsCryptoTest {

  private static final Instant T0 = Instant.parse("2025-03-15T10:00:00Z");
  private static final byte[] INPUT = "eyJhbGciOiJFUzI1NiJ9.e30".getBytes(StandardCharsets.US_ASCII);
  private static final Map<SigningAlgorithm, SigningKey> KEYS = new EnumMap<>(SigningAlgorithm.class);
  private final JwsCrypto crypto = JwsCrypto.jdk();

  @BeforeAll
  static void keys() {
    SigningKeys gen = new SigningKeys(new SecureRandom());
    for (SigningAlgorithm a : SigningAlgorithm.values()) {
      KEYS.put(a, gen.generate(a, KeyState.ACTIVE, T0));
    }
  }

  @ParameterizedTest
  @EnumSource(SigningAlgorithm.class)
  void verifyWhenSignedByKeyThenTrue(SigningAlgorithm alg) {
    byte[] sig = crypto.sign(KEYS.get(alg), INPUT);
    assertTrue(crypto.verify(KEYS.get(alg), INPUT, sig));
  }

  @ParameterizedTest
  @EnumSource(SigningAlgorithm.class)
  void verifyWhenInputTamperedThenFalse(SigningAlgorithm alg) {
    byte[] sig = crypto.sign(KEYS.get(alg), INPUT);
    byte[] other = INPUT.clone();
    other[0] ^= 1;
    assertFalse(crypto.verify(KEYS.get(alg), other, sig));
  }

  @ParameterizedTest
  @EnumSource(SigningAlgorithm.class)
  void verifyWhenSignatureGarbageThenFalseWithoutThrowing(SigningAlgorithm alg) {
    assertFalse(crypto.verify(KEYS.get(alg), INPUT, new byte[0]));
    assertFalse(crypto.verify(KEYS.get(alg), INPUT, new byte[] {1, 2, 3}));
    assertFalse(crypto.verify(KEYS.get(alg), INPUT, new byte[300]));
  }

  @Test
  void signWhenEs256ThenRaw64Bytes() {
    assertEquals(64, crypto.sign(KEYS.get(SigningAlgorithm.ES256), INPUT).length);
  }

  @Test
  void verifyWhenEs256AllZeroSignatureThenFalse() {
    // CVE-2022-21449 ("psychic signatures"): r = s = 0 must never verify.
    assertFalse(crypto.verify(KEYS.get(SigningAlgorithm.ES256), INPUT, new byte[64]));
  }

  @Test
  void verifyWhenEs256SignatureHasHighBitsThenStillTranscodedCorrectly() {
    // Many signatures in a row exercise r/s with leading zero bytes and with the high bit set.
    SigningKey key = KEYS.get(SigningAlgorithm.ES256);
    for (int i = 0; i < 200; i++) {
      byte[] input = ("input-" + i).getBytes(StandardCharsets.US_ASCII);
      assertTrue(crypto.verify(key, input, crypto.sign(key, input)), "iteration " + i);
    }
  }

  @Test
  void verifyWhenOtherKeyOfSameAlgorithmThenFalse() {
    SigningKey other = new SigningKeys(new SecureRandom())
        .generate(SigningAlgorithm.RS256, KeyState.ACTIVE, T0);
    byte[] sig = crypto.sign(KEYS.get(SigningAlgorithm.RS256), INPUT);
    assertFalse(crypto.verify(other, INPUT, sig));
  }

  @Test
  void verifyWhenRs256SignatureCheckedAsPs256ThenFalse() {
    SigningKey rs = KEYS.get(SigningAlgorithm.RS256);
    SigningKey asPs = new SigningKey(rs.kid(), SigningAlgorithm.PS256, rs.state(), rs.createdAt(),
        rs.activatedAt(), rs.retiredAt(), rs.signingKey(), rs.verificationKey());
    byte[] sig = crypto.sign(rs, INPUT);
    assertFalse(crypto.verify(asPs, INPUT, Arrays.copyOf(sig, sig.length)));
  }
}
