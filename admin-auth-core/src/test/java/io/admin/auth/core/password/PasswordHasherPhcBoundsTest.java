package io.admin.auth.core.password;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
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
  /** 16 and 32 bytes of unpadded base64, for hashes that are only parsed, never computed. */
  private static final String SALT = "AAECAwQFBgcICQoLDA0ODw";
  private static final String HASH = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";

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

  /**
   * The same bounds at their extremes, through {@code needsRehash} of a hasher whose own
   * parameters are the stored ones: no hash is computed, so even the 256 MiB memory bound is
   * checked on each side. Inside the bounds the hash is current (false); beyond, it cannot be
   * parsed (true).
   */
  @ParameterizedTest(name = "m={0} t={1} p={2}: needs rehash {3}")
  @CsvSource({
      "262144, 1, 1, false",
      "262145, 1, 1, true",
      "8, 16, 1, false",
      "8, 17, 1, true",
      "128, 1, 16, false",
      "136, 1, 17, true",
      "16, 1, 2, false",
      "24, 1, 3, false",
  })
  void needsRehashWhenStoredParametersAreTheHashersOwnThenFalseOnlyWithinBounds(
      int m, int t, int p, boolean needsRehash) {
    PasswordHasher hasher = PasswordHasher.withParams(new Argon2Params(m, t, p),
        new java.security.SecureRandom());
    String stored = "$argon2id$v=19$m=" + m + ",t=" + t + ",p=" + p + "$" + SALT + "$" + HASH;

    assertEquals(needsRehash, hasher.needsRehash(stored));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "$argon2i$|$argon2id$",
      "$argon2d$|$argon2id$",
      "$v=16$|$v=19$",
      "$x=8,t=1,p=1$|$m=8,t=1,p=1$",
      "$m=8,x=1,p=1$|$m=8,t=1,p=1$",
      "$m=8,t=1,x=1$|$m=8,t=1,p=1$",
      "$t=1,m=8,p=1$|$m=8,t=1,p=1$",
  })
  void needsRehashWhenVariantVersionOrParameterNamesDifferThenUnparseable(String edit,
      String original) {
    // Only "$argon2id$v=19$m=..,t=..,p=..$" is ours; other variants and versions are other hashes.
    PasswordHasher hasher = PasswordHasher.withParams(new Argon2Params(8, 1, 1),
        new java.security.SecureRandom());
    String real = phc(8, 1, 1, 16, 32);
    String edited = real.replace(original, edit);

    assertEquals(false, hasher.needsRehash(real));
    assertEquals(true, hasher.needsRehash(edited), edited);
    assertEquals(false, hasher.verify(PASSWORD, edited), edited);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"salt", "hash"})
  void verifyWhenSaltOrHashPaddedThenFalse(String part) {
    // The PHC format is unpadded base64; a padded spelling of the same bytes is not accepted.
    PasswordHasher hasher = PasswordHasher.withParams(new Argon2Params(8, 1, 1),
        new java.security.SecureRandom());
    String real = phc(8, 1, 1, 16, 32); // 16 and 32 bytes: both end in a partial group
    String[] parts = real.split("\\$");
    int i = part.equals("salt") ? 4 : 5;
    parts[i] = parts[i] + "=".repeat((4 - parts[i].length() % 4) % 4);
    String padded = String.join("$", parts);

    assertEquals(true, hasher.verify(PASSWORD, real));
    assertEquals(false, hasher.verify(PASSWORD, padded), padded);
  }

  @ParameterizedTest(name = "{0} read as {1}")
  @CsvSource(delimiter = '|', value = {
      "m=8,t=:,p=1|8,10,1",
      "m=8,t=1/,p=1|8,9,1",
  })
  void needsRehashWhenAParameterHasACharacterNextToTheDigitsThenUnparseable(String stored,
      String asDigits) {
    // ':' and '/' are the characters just outside '0'..'9'; read as digits they would be 10 and
    // -1, and the parameters a hasher with those values has.
    String[] p = asDigits.split(",");
    PasswordHasher hasher = PasswordHasher.withParams(new Argon2Params(Integer.parseInt(p[0]),
        Integer.parseInt(p[1]), Integer.parseInt(p[2])), new java.security.SecureRandom());

    assertEquals(true, hasher.needsRehash("$argon2id$v=19$" + stored + "$" + SALT + "$" + HASH));
  }

  @Test
  void needsRehashWhenMemoryBelowEightKibPerLaneThenTrueWithoutException() {
    // Refused by the parser itself: Argon2Params would throw for these, and needsRehash never does.
    PasswordHasher hasher = PasswordHasher.withParams(new Argon2Params(8, 1, 1),
        new java.security.SecureRandom());

    assertEquals(true, hasher.needsRehash("$argon2id$v=19$m=15,t=1,p=2$" + SALT + "$" + HASH));
    assertEquals(true, hasher.needsRehash("$argon2id$v=19$m=16,t=1,p=3$" + SALT + "$" + HASH));
    assertEquals(false, hasher.verify(PASSWORD, "$argon2id$v=19$m=16,t=1,p=3$" + SALT + "$" + HASH));
  }
}
