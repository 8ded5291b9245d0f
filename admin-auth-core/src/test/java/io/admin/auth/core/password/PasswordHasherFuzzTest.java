package io.admin.auth.core.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fuzzes the parsing of stored password hashes, which the class treats as untrusted input: PHC
 * {@code $argon2id$} strings and bcrypt {@code $2a$}/{@code $2b$}/{@code $2y$} strings. Properties:
 * {@link PasswordHasher#verify} and {@link PasswordHasher#needsRehash} never throw; which Argon2id
 * strings parse agrees with a slow regular-expression reference of the documented bounds; and a
 * mutated hash of a known password only verifies when it still decodes to the same parameters,
 * salt and hash bytes. Hashes whose cost would make one run take seconds are parsed but not
 * computed, so the fuzzer keeps its speed. A plain {@code mvn verify} replays the committed
 * inputs; {@code JAZZER_FUZZ=1} fuzzes (see SECURITY.md).
 */
class PasswordHasherFuzzTest {

  private static final Argon2Params CHEAP = new Argon2Params(8, 1, 1);
  private static final PasswordHasher HASHER = PasswordHasher.withParams(CHEAP, new SecureRandom());
  private static final Pattern PHC = Pattern.compile(
      "\\$argon2id\\$v=19\\$m=([0-9]{1,9}),t=([0-9]{1,9}),p=([0-9]{1,9})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$([0-9]{2})\\$.{53}", Pattern.DOTALL);

  /** What the reference reads from an Argon2id PHC string, or null when it must be refused. */
  private record Reference(Argon2Params params, byte[] salt, byte[] hash) {
    boolean sameAs(Reference o) {
      return params.equals(o.params) && Arrays.equals(salt, o.salt) && Arrays.equals(hash, o.hash);
    }
  }

  private static Reference reference(String encoded) {
    Matcher m = PHC.matcher(encoded);
    if (encoded.length() > 512 || !m.matches()) {
      return null;
    }
    long mem = Long.parseLong(m.group(1));
    long t = Long.parseLong(m.group(2));
    long p = Long.parseLong(m.group(3));
    if (mem < 8 || mem > PasswordHasher.MAX_MEMORY_KIB || t < 1 || t > PasswordHasher.MAX_ITERATIONS
        || p < 1 || p > PasswordHasher.MAX_PARALLELISM || mem < 8 * p) {
      return null;
    }
    byte[] salt;
    byte[] hash;
    try {
      salt = Base64.getDecoder().decode(m.group(4));
      hash = Base64.getDecoder().decode(m.group(5));
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (salt.length < 8 || salt.length > 64 || hash.length < 16 || hash.length > 64) {
      return null;
    }
    return new Reference(new Argon2Params((int) mem, (int) t, (int) p), salt, hash);
  }

  // Small enough to compute thousands of times a second: at most a few hundred KiB-iterations.
  private static boolean cheap(String encoded) {
    Reference r = reference(encoded);
    if (r != null) {
      return (long) r.params().memoryKiB() * r.params().iterations() <= 256;
    }
    Matcher b = BCRYPT.matcher(encoded);
    return !b.matches() || Integer.parseInt(b.group(1)) <= 5;
  }

  /**
   * One target (fuzzing runs one per JVM): arbitrary stored text, or a mutated real hash.
   */
  @FuzzTest(maxDuration = "10m")
  void storedHashNeverThrowsOrMatchesGarbage(FuzzedDataProvider data) {
    if (data.consumeBoolean()) {
      verifyMutatedHash(data);
    } else {
      parseStoredHash(data);
    }
  }

  /** Any stored text: no exception, and Argon2id strings parse exactly when the reference does. */
  private static void parseStoredHash(FuzzedDataProvider data) {
    String password = data.consumeString(40);
    String encoded = data.consumeBoolean() ? data.consumeRemainingAsString()
        : "$argon2id$v=19$" + data.consumeRemainingAsString();
    Reference expected = reference(encoded);
    boolean current = expected != null && expected.params().equals(CHEAP) && expected.hash().length == 32;
    assertEquals(!current, HASHER.needsRehash(encoded), encoded);
    if (cheap(encoded)) {
      boolean ok = HASHER.verify(password, encoded);
      // The password was not hashed into this text; a match would mean a parser accepted garbage.
      assertFalse(ok && expected == null && !BCRYPT.matcher(encoded).matches(), encoded);
    }
  }

  /** A mutated hash of a known password verifies only if it still decodes to the same values. */
  private static void verifyMutatedHash(FuzzedDataProvider data) {
    String password = data.consumeString(20);
    String original = HASHER.hash(password);
    Reference before = reference(original);
    assertNotNull(before, original);
    assertTrue(HASHER.verify(password, original));

    StringBuilder b = new StringBuilder(original);
    int edits = data.consumeInt(1, 4);
    for (int n = 0; n < edits; n++) {
      int at = data.consumeInt(0, b.length() - 1);
      char c = data.consumeChar();
      if (data.consumeBoolean()) {
        b.setCharAt(at, c);
      } else {
        b.insert(at, c);
      }
    }
    String mutated = b.toString();
    if (!cheap(mutated)) {
      return;
    }
    if (HASHER.verify(password, mutated)) {
      Reference after = reference(mutated);
      assertNotNull(after, mutated);
      assertTrue(before.sameAs(after), mutated);
    }
  }
}
