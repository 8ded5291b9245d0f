package io.admin.auth.core.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

  private static final Argon2Params FAST = new Argon2Params(64, 1, 1);
  private final SecureRandom random = new SecureRandom();
  private final PasswordHasher fast = PasswordHasher.withParams(FAST, random);

  @Test
  void hashWhenOwaspDefaultsThenPhcStringThatVerifies() {
    PasswordHasher owasp = PasswordHasher.owasp(random);
    String hash = owasp.hash("correct horse battery staple");
    assertTrue(hash.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), hash);
    assertTrue(owasp.verify("correct horse battery staple", hash));
    assertFalse(owasp.verify("correct horse battery stapler", hash));
    assertFalse(owasp.needsRehash(hash));
  }

  @Test
  void hashWhenSamePasswordTwiceThenDifferentSalts() {
    assertNotEquals(fast.hash("pw"), fast.hash("pw"));
  }

  @Test
  void verifyWhenUnicodeAndColonPasswordThenRoundTrip() {
    String pw = "p\u00e4ss:w\u00f6rd:\ud83d\udd11";
    String hash = fast.hash(pw);
    assertTrue(fast.verify(pw, hash));
    assertFalse(fast.verify("p\u00e4ss:w\u00f6rd:", hash));
  }

  @Test
  void verifyWhenHashFromReferenceImplementationThenMatches() {
    // node-argon2 (reference C implementation) output for "secret", m=4096,t=3,p=1.
    String external = "$argon2id$v=19$m=4096,t=3,p=1$RrtzvESo4bkSXrWxbc530g$"
        + "Lyyvcbaa3UNVymz+LMbLjN2hClM6NSRQiMJqGg4vtNY";
    assertTrue(fast.verify("secret", external));
    assertFalse(fast.verify("Secret", external));
    assertTrue(fast.needsRehash(external));
  }

  @Test
  void verifyWhenBcryptImportedThenMatchesAndNeedsRehash() {
    // Classic crypt_blowfish test vector.
    String vector = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";
    assertTrue(fast.verify("U*U", vector));
    assertFalse(fast.verify("U*V", vector));
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    for (String version : new String[] {"2a", "2b", "2y"}) {
      String generated = OpenBSDBCrypt.generate(version, "imported pw".toCharArray(), salt, 4);
      assertTrue(fast.verify("imported pw", generated), version);
      assertFalse(fast.verify("imported pX", generated), version);
      assertTrue(fast.needsRehash(generated));
    }
  }

  @Test
  void verifyWhenBcryptCostAboveLimitThenFalseWithoutHashing() {
    // Cost 31 would run for days if attempted; the limit refuses it at once.
    String hostile = "$2a$31$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";
    assertFalse(fast.verify("U*U", hostile));
  }

  @Test
  void needsRehashWhenParametersDifferThenTrueElseFalse() {
    String weak = fast.hash("pw");
    PasswordHasher stronger = PasswordHasher.withParams(new Argon2Params(128, 2, 1), random);
    assertTrue(stronger.needsRehash(weak));
    assertFalse(fast.needsRehash(weak));
    assertTrue(stronger.verify("pw", weak));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
      "$argon2id$",
      "$argon2id$v=19$m=64,t=1,p=1$",
      "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$",
      "$argon2id$v=19$m=64,t=1,p=1$$aGFzaGhhc2hoYXNoaGFzaA",
      "$argon2id$v=16$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
      "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
      "$argon2d$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
      "$argon2id$v=19$m=4194304,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
      "$argon2id$v=19$m=99999999999999999999,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
      "$argon2id$v=19$m=-64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
      "$argon2id$v=19$m=64,t=0,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
      "$argon2id$v=19$m=64,t=100000,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
      "$argon2id$v=19$m=64,t=1,p=0$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
      "$argon2id$v=19$m=64,t=1,p=255$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
      "$argon2id$v=19$t=1,m=64,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
      "$argon2id$v=19$m=64,t=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
      "$argon2id$v=19$m=64,t=1,p=1,k=2$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
      "$argon2id$v=19$m=64,t=1,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
      "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaA",
      "$argon2id$v=19$m=64,t=1,p=1$!!!notbase64$aGFzaGhhc2hoYXNoaGFzaA",
      "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==",
      "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA$extra",
      "$argon2id$v=19$m=\u0661\u0662\u0668,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
      "$2a$05$short",
      "$2a$xx$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
      "$2x$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
      "$2a$03$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
      "$2a$05$!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
      "plaintext-password",
      "{noop}secret",
      "$$$$$$"})
  void verifyWhenStoredHashHostileThenFalseAndNeverThrows(String hostile) {
    assertFalse(fast.verify("secret", hostile));
    assertTrue(fast.needsRehash(hostile));
  }

  @Test
  void verifyWhenBcryptPasswordLongerThan72BytesThenFalseNotException() {
    byte[] salt = new byte[16];
    String h = OpenBSDBCrypt.generate("2b", "short".toCharArray(), salt, 4);
    assertFalse(fast.verify("x".repeat(200), h));
  }

  @Test
  void verifyWhenNullPasswordThenFalse() {
    assertFalse(fast.verify(null, fast.hash("pw")));
  }

  @Test
  void toStringWhenPrintedThenShowsParametersOnly() {
    assertEquals("PasswordHasher[argon2id m=64,t=1,p=1]", fast.toString());
  }

  @Test
  void needsRehashWhenNullOrHashShorterThanOursThenTrue() {
    // A 16-byte Argon2id output with our own parameters verifies, but is not what hash() makes.
    String ours = fast.hash("pw");
    String[] parts = ours.split("\\$");
    String shortHash = ours.substring(0, ours.lastIndexOf('$') + 1) + parts[5].substring(0, 22);

    assertEquals(FAST, fast.params());
    assertFalse(fast.needsRehash(ours));
    assertTrue(fast.needsRehash(shortHash), shortHash);
    assertTrue(fast.needsRehash(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"15", "16", "19", "20", "29"})
  void verifyWhenBcryptCostJustAboveLimitThenFalseWithoutHashing(String cost) {
    // Every cost above 14 is refused before BouncyCastle runs 2^cost rounds, not only 31.
    String hostile = "$2a$" + cost + "$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";
    assertFalse(fast.verify("U*U", hostile));
  }
}
