package io.admin.auth.core.key;

import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.SigningKey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class JwsCryptoTest {

  private static final Instant T0 = Instant.parse("2025-03-15T10:00:00Z");
  private static final byte[] INPUT = "eyJhbGciOiJFUzI1NiJ9.e30".getBytes(StandardCharsets.US_ASCII);
  private static final Map<SigningAlgorithm, SigningKey> KEYS = new EnumMap<>(SigningAlgorithm.class);
  /** A second key per algorithm. Both sets are made once per class: RSA keys take a second each. */
  private static final Map<SigningAlgorithm, SigningKey> OTHER_KEYS =
      new EnumMap<>(SigningAlgorithm.class);
  private final JwsCrypto crypto = JwsCrypto.jdk();

  @BeforeAll
  static void keys() {
    SigningKeys gen = new SigningKeys(new SecureRandom());
    for (SigningAlgorithm a : SigningAlgorithm.values()) {
      KEYS.put(a, gen.generate(a, KeyState.ACTIVE, T0));
      OTHER_KEYS.put(a, gen.generate(a, KeyState.ACTIVE, T0));
    }
  }

  /** Every algorithm under the JDK-only seam and under the library default (BouncyCastle EC). */
  static Stream<Arguments> cryptoAndAlgorithm() {
    List<Arguments> out = new ArrayList<>();
    for (String name : List.of("jdk", "defaults")) {
      for (SigningAlgorithm a : SigningAlgorithm.values()) {
        out.add(Arguments.of(name, a));
      }
    }
    return out.stream();
  }

  private static JwsCrypto crypto(String name) {
    return name.equals("jdk") ? JwsCrypto.jdk() : JwsCrypto.defaults();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cryptoAndAlgorithm")
  void verifyWhenSignedByKeyThenTrue(String name, SigningAlgorithm alg) {
    JwsCrypto c = crypto(name);
    byte[] sig = c.sign(KEYS.get(alg), INPUT);
    assertTrue(c.verify(KEYS.get(alg), INPUT, sig));
    assertTrue(c.verify(KEYS.get(alg), INPUT, sig), "pooled engines must be reusable");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cryptoAndAlgorithm")
  void verifyWhenInputTamperedThenFalse(String name, SigningAlgorithm alg) {
    JwsCrypto c = crypto(name);
    byte[] sig = c.sign(KEYS.get(alg), INPUT);
    byte[] other = INPUT.clone();
    other[0] ^= 1;
    assertFalse(c.verify(KEYS.get(alg), other, sig));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cryptoAndAlgorithm")
  void verifyWhenSignatureGarbageThenFalseWithoutThrowing(String name, SigningAlgorithm alg) {
    JwsCrypto c = crypto(name);
    assertFalse(c.verify(KEYS.get(alg), INPUT, new byte[0]));
    assertFalse(c.verify(KEYS.get(alg), INPUT, new byte[] {1, 2, 3}));
    assertFalse(c.verify(KEYS.get(alg), INPUT, new byte[300]));
    assertFalse(c.verify(KEYS.get(alg), INPUT, null));
    // A failed call must not leave a broken engine in the pool.
    assertTrue(c.verify(KEYS.get(alg), INPUT, c.sign(KEYS.get(alg), INPUT)));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SigningAlgorithm.class)
  void verifyWhenSignedByJdkThenDefaultsAcceptAndBackAgain(SigningAlgorithm alg) {
    SigningKey key = KEYS.get(alg);
    JwsCrypto defaults = JwsCrypto.defaults();
    assertTrue(defaults.verify(key, INPUT, crypto.sign(key, INPUT)));
    assertTrue(crypto.verify(key, INPUT, defaults.sign(key, INPUT)));
  }

  @Test
  void signWhenDefaultsEs256ThenDeterministicRfc6979() {
    JwsCrypto defaults = JwsCrypto.defaults();
    SigningKey key = KEYS.get(SigningAlgorithm.ES256);
    assertArrayEquals(defaults.sign(key, INPUT), defaults.sign(key, INPUT));
    assertEquals(64, defaults.sign(key, INPUT).length);
  }

  @Test
  void verifyWhenDefaultsEs256ZeroOrOverflowingScalarsThenFalse() {
    SigningKey key = KEYS.get(SigningAlgorithm.ES256);
    byte[] ones = new byte[64];
    Arrays.fill(ones, (byte) 0xFF);
    assertFalse(JwsCrypto.defaults().verify(key, INPUT, new byte[64]));
    assertFalse(JwsCrypto.defaults().verify(key, INPUT, ones));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SigningAlgorithm.class)
  void verifyWhenKidNowNamesOtherKeyThenOldEngineNotUsed(SigningAlgorithm alg) {
    JwsCrypto defaults = JwsCrypto.defaults();
    SigningKey first = KEYS.get(alg);
    SigningKey fresh = OTHER_KEYS.get(alg);
    SigningKey sameKid = new SigningKey(first.kid(), alg, KeyState.ACTIVE, T0, T0, null,
        fresh.signingKey(), fresh.verificationKey());
    byte[] byFirst = defaults.sign(first, INPUT);
    assertTrue(defaults.verify(first, INPUT, byFirst));
    assertFalse(defaults.verify(sameKid, INPUT, byFirst));
    assertTrue(defaults.verify(sameKid, INPUT, defaults.sign(sameKid, INPUT)));
  }

  @Test
  void verifyWhenManyThreadsShareOneCryptoThenAllAgree() throws Exception {
    JwsCrypto shared = JwsCrypto.defaults();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        SigningAlgorithm alg = SigningAlgorithm.values()[i % SigningAlgorithm.values().length];
        byte[] input = ("input-" + i).getBytes(StandardCharsets.US_ASCII);
        boolean tamper = i % 3 == 0;
        results.add(pool.submit(() -> {
          SigningKey key = KEYS.get(alg);
          byte[] sig = shared.sign(key, input);
          if (tamper) {
            sig[sig.length / 2] ^= 1;
          }
          return shared.verify(key, input, sig) != tamper;
        }));
      }
      for (var r : results) {
        assertTrue(r.get());
      }
    } finally {
      pool.shutdownNow();
    }
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
    SigningKey other = OTHER_KEYS.get(SigningAlgorithm.RS256);
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

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cryptoAndAlgorithm")
  void verifyWhenPublicKeysShareAKidThenEachCheckedWithItsOwnMaterial(String name,
      SigningAlgorithm alg) {
    // A resource server reloading the issuer's JWK Set gets new key objects under old kids.
    org.junit.jupiter.api.Assumptions.assumeFalse(alg.isSymmetric(), "never published");
    JwsCrypto c = crypto(name);
    SigningKey a = KEYS.get(alg);
    SigningKey b = OTHER_KEYS.get(alg);
    PublicVerificationKey publicA =
        new PublicVerificationKey(a.kid(), alg, (PublicKey) a.verificationKey());
    PublicVerificationKey publicB =
        new PublicVerificationKey(a.kid(), alg, (PublicKey) b.verificationKey());
    byte[] byA = c.sign(a, INPUT);
    byte[] byB = c.sign(b, INPUT);

    assertTrue(c.verify(publicA, INPUT, byA));
    assertFalse(c.verify(publicB, INPUT, byA));
    assertTrue(c.verify(publicB, INPUT, byB));
    PublicVerificationKey reloadedA =
        new PublicVerificationKey(a.kid(), alg, (PublicKey) a.verificationKey());
    assertTrue(c.verify(reloadedA, INPUT, byA));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cryptoAndAlgorithm")
  void signWhenItsPublicHalfVerifiedFirstUnderTheKidThenStillSigns(String name,
      SigningAlgorithm alg) {
    // The public-only engine cached for the kid has no private half: signing must not reuse it.
    org.junit.jupiter.api.Assumptions.assumeFalse(alg.isSymmetric(), "no public half");
    JwsCrypto c = crypto(name);
    SigningKey key = KEYS.get(alg);
    PublicVerificationKey publicOnly =
        new PublicVerificationKey(key.kid(), alg, (PublicKey) key.verificationKey());
    assertFalse(c.verify(publicOnly, INPUT, new byte[8]));

    byte[] sig = c.sign(key, INPUT);

    assertTrue(c.verify(publicOnly, INPUT, sig));
  }

  @Test
  void withProvidersWhenBouncyCastleForEs256ThenInteroperatesWithTheJdk() {
    JwsCrypto bc = JwsCrypto.withProviders(
        Map.of(SigningAlgorithm.ES256, new org.bouncycastle.jce.provider.BouncyCastleProvider()));
    SigningKey key = KEYS.get(SigningAlgorithm.ES256);

    assertTrue(crypto.verify(key, INPUT, bc.sign(key, INPUT)));
    assertTrue(bc.verify(key, INPUT, crypto.sign(key, INPUT)));
    JwsCrypto none = JwsCrypto.withProviders(Map.of());
    assertTrue(none.verify(key, INPUT, crypto.sign(key, INPUT)));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(SigningAlgorithm.class)
  void verifyWhenLengthOutsideTheDataThenFalseAndAtItsEndsChecked(SigningAlgorithm alg) {
    SigningKey key = KEYS.get(alg);
    byte[] data = Arrays.copyOf(INPUT, INPUT.length + 5);
    byte[] whole = crypto.sign(key, data);
    byte[] none = crypto.sign(key, data, 0);

    assertTrue(crypto.verify(key, data, data.length, whole));
    assertTrue(crypto.verify(key, data, 0, none));
    assertFalse(crypto.verify(key, data, -1, none));
    assertFalse(crypto.verify(key, data, data.length + 1, whole));
    assertFalse(crypto.verify(key, null, 0, none));
    assertFalse(crypto.verify(key, null, none));
  }

  @Test
  void withProvidersWhenProviderCannotDoTheAlgorithmThenItIsStillTheOneUsed() {
    // SunJCE has no ECDSA: a crypto told to use it for ES256 must fail, not fall back quietly.
    JwsCrypto sunJce = JwsCrypto.withProviders(
        Map.of(SigningAlgorithm.ES256, java.security.Security.getProvider("SunJCE")));
    SigningKey key = KEYS.get(SigningAlgorithm.ES256);

    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> sunJce.sign(key, INPUT));
    assertFalse(sunJce.verify(key, INPUT, crypto.sign(key, INPUT)));
  }
}

