package io.admin.auth.core.spi;


import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.key.SigningKeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SigningKeyTest {

  private static final Instant T0 = Instant.parse("2025-03-15T10:00:00Z");
  private final SigningKeys gen = new SigningKeys(new SecureRandom());

  @ParameterizedTest
  @EnumSource(SigningAlgorithm.class)
  void fromEncodedWhenRoundTrippedThenSignaturesStillVerify(SigningAlgorithm alg) {
    SigningKey k = gen.generate(alg, KeyState.ACTIVE, T0);
    SigningKey back = SigningKey.fromEncoded(k.kid(), alg, k.state(), k.createdAt(),
        k.activatedAt(), k.retiredAt(), k.encodedSigningKey(), k.encodedVerificationKey());
    byte[] input = "x".getBytes(StandardCharsets.US_ASCII);
    JwsCrypto crypto = JwsCrypto.jdk();
    assertTrue(crypto.verify(back, input, crypto.sign(k, input)));
    assertTrue(crypto.verify(k, input, crypto.sign(back, input)));
  }

  @Test
  void toStringWhenHs256ThenNoKeyMaterial() {
    SigningKey k = gen.generate(SigningAlgorithm.HS256, KeyState.ACTIVE, T0);
    String s = k.toString();
    assertTrue(s.contains("keys=**********"));
    assertFalse(s.contains(Base64.getEncoder().encodeToString(k.encodedSigningKey())));
    assertFalse(s.contains(Base64.getUrlEncoder().withoutPadding()
        .encodeToString(k.encodedSigningKey())));
  }

  @Test
  void constructorWhenActiveWithoutActivatedAtThenRejected() {
    SigningKey k = gen.generate(SigningAlgorithm.HS256, KeyState.NEXT, T0);
    assertThrows(IllegalArgumentException.class, () -> new SigningKey(k.kid(), k.algorithm(),
        KeyState.ACTIVE, T0, null, null, k.signingKey(), k.verificationKey()));
  }

  @Test
  void constructorWhenMaterialDoesNotFitAlgorithmThenRejected() {
    SigningKey hs = gen.generate(SigningAlgorithm.HS256, KeyState.NEXT, T0);
    assertThrows(IllegalArgumentException.class, () -> new SigningKey("k", SigningAlgorithm.RS256,
        KeyState.NEXT, T0, null, null, hs.signingKey(), hs.verificationKey()));
  }

  @Test
  void isPublishableWhenHs256ThenFalseElseTrue() {
    assertFalse(gen.generate(SigningAlgorithm.HS256, KeyState.NEXT, T0).isPublishable());
    assertTrue(gen.generate(SigningAlgorithm.EDDSA, KeyState.NEXT, T0).isPublishable());
  }

  @Test
  void parseWhenJwsOrEnumNameThenAlgorithm() {
    assertEquals(SigningAlgorithm.EDDSA, SigningAlgorithm.parse("EdDSA"));
    assertEquals(SigningAlgorithm.EDDSA, SigningAlgorithm.parse("eddsa"));
    assertEquals(SigningAlgorithm.PS256, SigningAlgorithm.parse("ps256"));
    assertThrows(IllegalArgumentException.class, () -> SigningAlgorithm.parse("none"));
    assertTrue(SigningAlgorithm.fromJwsName("none").isEmpty());
    assertTrue(SigningAlgorithm.fromJwsName("rs256").isEmpty());
  }
}
