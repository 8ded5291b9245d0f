package io.admin.auth.core.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.spi.SigningKey;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Key generation draws all its randomness from the SecureRandom it is given. */
class SigningKeysTest {

  private static final Instant T0 = Instant.parse("2025-03-15T10:00:00Z");

  /** A SHA1PRNG seeded before first use: the same seed gives the same stream. */
  private static SecureRandom seeded() throws NoSuchAlgorithmException {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    return random;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = SigningAlgorithm.class, names = {"RS256", "ES256", "EDDSA", "HS256"})
  void generateWhenSameRandomnessThenSameKeyAndKid(SigningAlgorithm alg) throws Exception {
    SigningKey a = new SigningKeys(seeded()).generate(alg, KeyState.ACTIVE, T0);
    SigningKey b = new SigningKeys(seeded()).generate(alg, KeyState.ACTIVE, T0);

    // Only if no randomness comes from elsewhere (a provider's own default) are the keys equal.
    assertEquals(a.kid(), b.kid());
    assertArrayEquals(a.verificationKey().getEncoded(), b.verificationKey().getEncoded());
    assertArrayEquals(a.signingKey().getEncoded(), b.signingKey().getEncoded());
    assertEquals(alg, a.algorithm());
  }

  @Test
  void generateWhenHs256ThenA256BitSecretThatIsNeverTheSame() throws Exception {
    SigningKeys keys = new SigningKeys(new SecureRandom());
    byte[] a = keys.generate(SigningAlgorithm.HS256, KeyState.ACTIVE, T0).signingKey().getEncoded();
    byte[] b = keys.generate(SigningAlgorithm.HS256, KeyState.ACTIVE, T0).signingKey().getEncoded();

    assertEquals(32, a.length);
    assertFalse(java.util.Arrays.equals(a, b), "two keys share their secret");
    assertFalse(java.util.Arrays.equals(a, new byte[32]), "the secret was never drawn");
  }
}
