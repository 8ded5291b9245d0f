package io.admin.auth.core.password;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bounds of a stored Argon2id hash, each side of each limit. Every hash here is a correct
 * Argon2id of the password, computed by BouncyCastle directly, so {@code verify} answers only
 * whether the parameters are within what {@link PasswordHasher} agrees to compute: a planted hash
 * outside them must be refused even when it matches.
 */
class PasswordHasherPhcBoundsTest {

  private static final String PASSWORD = "correct horse battery staple";

  /** A PHC string whose hash really is Argon2id of {@link #PASSWORD} with these parameters. */
  private static String phc(int m, int t, int p, int saltBytes, int hashBytes) {
    byte[] salt = new byte[saltBytes];
    for (int i = 0; i < saltBytes; i++) {
      salt[i] = (byte) (i * 7 + 1);
    }
    Argon2BytesGenerator gen = new Argon2BytesGenerator();
    gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(m).withIterations(t).withParallelism(p).withSalt(salt).build());
    byte[] hash = new byte[hashBytes];
    gen.generateBytes(PASSWORD.getBytes(StandardCharsets.UTF_8), hash);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m=" + m + ",t=" + t + ",p=" + p + "$" + b64.encodeToString(salt)
        + "$" + b64.encodeToString(hash);
  }

  @ParameterizedTest(name = "m={0} t={1} p={2} salt={3} hash={4}: {5}")
  @CsvSource({
      "8, 1, 1, 16, 32, true",
      "7, 1, 1, 16, 32, false",
      "16, 1, 2, 16, 32, true",
      "15, 1, 2, 16, 32, false",
      "8, 16, 1, 16, 32, true",
      "8, 17, 1, 16, 32, false",
      "128, 1, 16, 16, 32, true",
      "136, 1, 17, 16, 32, false",
      "8, 1, 1, 8, 32, true",
      "8, 1, 1, 7, 32, false",
      "8, 1, 1, 64, 32, true",
      "8, 1, 1, 65, 32, false",
      "8, 1, 1, 16, 16, true",
      "8, 1, 1, 16, 15, false",
      "8, 1, 1, 16, 64, true",
      "8, 1, 1, 16, 65, false",
  })
  void verifyWhenCorrectHashThenTrueOnlyWithinBounds(
      int m, int t, int p, int saltBytes, int hashBytes, boolean accepted) {
    PasswordHasher hasher = PasswordHasher.withParams(new Argon2Params(64, 1, 1),
        new java.security.SecureRandom());

    assertEquals(accepted, hasher.verify(PASSWORD, phc(m, t, p, saltBytes, hashBytes)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "m=08,t=01,p=01|true",
      "m=8,t=1,p=1x|false",
      "m=,t=1,p=1|false",
      "m=0000000008,t=1,p=1|false",
      "m=000000008,t=1,p=1|true",
  })
  void verifyWhenParameterDigitsVaryThenOnlyPlainDecimalsOfNineDigitsAccepted(
      String params, boolean accepted) {
    String real = phc(8, 1, 1, 16, 32);
    String edited = real.replace("m=8,t=1,p=1", params);
    PasswordHasher hasher = PasswordHasher.withParams(new Argon2Params(64, 1, 1),
        new java.security.SecureRandom());

    assertEquals(accepted, hasher.verify(PASSWORD, edited));
  }
}
