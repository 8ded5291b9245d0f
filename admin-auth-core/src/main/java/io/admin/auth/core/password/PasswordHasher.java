package io.admin.auth.core.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes passwords with Argon2id (RFC 9106) through BouncyCastle and verifies Argon2id and bcrypt
 * hashes. Immutable and thread-safe.
 *
 * <p>Hashes are PHC strings: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and hash
 * in unpadded standard base64, the format of the reference implementation, libsodium and
 * Spring Security, so hashes move between systems. bcrypt hashes ({@code $2a$}, {@code $2b$},
 * {@code $2y$}) verify, for users imported from elsewhere; {@link #needsRehash(String)} flags them
 * so a successful login upgrades them.
 *
 * <p>Stored hashes are treated as untrusted input: {@link #verify} never throws, and refuses
 * parameters beyond {@link #MAX_MEMORY_KIB} KiB, {@link #MAX_ITERATIONS} iterations,
 * {@link #MAX_PARALLELISM} lanes or bcrypt cost {@link #MAX_BCRYPT_COST}, so that a planted hash
 * cannot make one login allocate gigabytes or run for minutes.
 */
public final class PasswordHasher {

  /** Largest Argon2 memory accepted when verifying: 256 MiB. */
  public static final int MAX_MEMORY_KIB = 262_144;
  /** Largest Argon2 iteration count accepted when verifying. */
  public static final int MAX_ITERATIONS = 16;
  /** Largest Argon2 parallelism accepted when verifying. */
  public static final int MAX_PARALLELISM = 16;
  /** Largest bcrypt cost accepted when verifying (2^14 rounds, about a second). */
  public static final int MAX_BCRYPT_COST = 14;

  private static final String ARGON2ID = "$argon2id$";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

  private final Argon2Params params;
  private final SecureRandom random;

  private PasswordHasher(Argon2Params params, SecureRandom random) {
    this.params = params;
    this.random = random;
  }

  /**
   * A hasher with the {@link Argon2Params#OWASP} parameters.
   *
   * @param random the source of salts
   * @return a hasher making Argon2id hashes
   */
  public static PasswordHasher owasp(SecureRandom random) {
    return new PasswordHasher(Argon2Params.OWASP, Objects.requireNonNull(random, "random"));
  }

  /**
   * A hasher with the given parameters (lower ones only for tests).
   *
   * @param params the Argon2id parameters
   * @param random the source of salts
   * @return a hasher making Argon2id hashes
   */
  public static PasswordHasher withParams(Argon2Params params, SecureRandom random) {
    return new PasswordHasher(Objects.requireNonNull(params, "params"),
        Objects.requireNonNull(random, "random"));
  }

  /**
   * The parameters new hashes are made with.
   *
   * @return the parameters; never {@code null}
   */
  public Argon2Params params() {
    return params;
  }

  /**
   * A new Argon2id PHC hash of {@code password} with a fresh 16-byte salt.
   *
   * @param password the password; required
   * @return the PHC string, e.g. {@code $argon2id$v=19$m=...}
   */
  public String hash(String password) {
    Objects.requireNonNull(password, "password");
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] out = argon2(password, salt, params, HASH_BYTES);
    return ARGON2ID + "v=19$" + params.phc() + "$" + B64.encodeToString(salt) + "$"
        + B64.encodeToString(out);
  }

  /**
   * Whether {@code password} matches {@code encoded} (Argon2id PHC or bcrypt), compared in constant
   * time. Never throws: a {@code null}, malformed, unsupported or over-expensive hash is
   * {@code false}.
   *
   * @param password the presented password, or {@code null}
   * @param encoded the stored hash, or {@code null}
   * @return {@code true} only on a match
   */
  public boolean verify(String password, String encoded) {
    if (password == null || encoded == null) {
      return false;
    }
    try {
      if (encoded.startsWith(ARGON2ID)) {
        return verifyArgon2(password, encoded);
      }
      if (isBcrypt(encoded)) {
        return OpenBSDBCrypt.checkPassword(encoded, password.toCharArray());
      }
      return false;
    } catch (RuntimeException e) {
      // BouncyCastle signals malformed input (and bcrypt's 72-byte limit) with runtime exceptions.
      return false;
    }
  }

  /**
   * Whether {@code encoded} should be replaced by {@link #hash} after the next successful login:
   * true for bcrypt, for Argon2id made with other parameters than {@link #params()}, and for
   * anything unparseable. Never throws.
   *
   * @param encoded the stored hash, or {@code null}
   * @return {@code true} when it should be replaced
   */
  public boolean needsRehash(String encoded) {
    Phc phc = Phc.parse(encoded);
    return phc == null || !phc.params.equals(params) || phc.hash.length != HASH_BYTES;
  }

  private static boolean verifyArgon2(String password, String encoded) {
    Phc phc = Phc.parse(encoded);
    if (phc == null) {
      return false;
    }
    byte[] actual = argon2(password, phc.salt, phc.params, phc.hash.length);
    return MessageDigest.isEqual(actual, phc.hash);
  }

  private static boolean isBcrypt(String encoded) {
    // $2a$NN$ + 53 characters; the cost is checked here because BouncyCastle accepts up to 31.
    if (encoded.length() != 60 || encoded.charAt(0) != '$' || encoded.charAt(1) != '2'
        || "aby".indexOf(encoded.charAt(2)) < 0 || encoded.charAt(3) != '$'
        || encoded.charAt(6) != '$') {
      return false;
    }
    char c1 = encoded.charAt(4);
    char c2 = encoded.charAt(5);
    if (c1 < '0' || c1 > '9' || c2 < '0' || c2 > '9') {
      return false;
    }
    int cost = (c1 - '0') * 10 + (c2 - '0');
    return cost >= 4 && cost <= MAX_BCRYPT_COST;
  }

  private static byte[] argon2(String password, byte[] salt, Argon2Params p, int length) {
    Argon2BytesGenerator gen = new Argon2BytesGenerator();
    gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(p.memoryKiB())
        .withIterations(p.iterations())
        .withParallelism(p.parallelism())
        .withSalt(salt)
        .build());
    byte[] out = new byte[length];
    byte[] pw = password.getBytes(StandardCharsets.UTF_8);
    try {
      gen.generateBytes(pw, out);
    } finally {
      Arrays.fill(pw, (byte) 0);
    }
    return out;
  }

  @Override
  public String toString() {
    return "PasswordHasher[argon2id " + params.phc() + "]";
  }

  /** A parsed, bounds-checked Argon2id PHC string; {@code null} from {@link #parse} when hostile. */
  private record Phc(Argon2Params params, byte[] salt, byte[] hash) {

    static Phc parse(String encoded) {
      if (encoded == null || !encoded.startsWith(ARGON2ID) || encoded.length() > 512) {
        return null;
      }
      // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
      String[] parts = encoded.split("\\$", -1);
      if (parts.length != 6 || !parts[2].equals("v=19")) {
        return null;
      }
      String[] kv = parts[3].split(",", -1);
      if (kv.length != 3 || !kv[0].startsWith("m=") || !kv[1].startsWith("t=")
          || !kv[2].startsWith("p=")) {
        return null;
      }
      int m = smallInt(kv[0].substring(2));
      int t = smallInt(kv[1].substring(2));
      int p = smallInt(kv[2].substring(2));
      if (m < 8 || m > MAX_MEMORY_KIB || t < 1 || t > MAX_ITERATIONS || p < 1
          || p > MAX_PARALLELISM || m < 8 * p) {
        return null;
      }
      byte[] salt = b64(parts[4]);
      byte[] hash = b64(parts[5]);
      if (salt == null || salt.length < 8 || salt.length > 64 || hash == null
          || hash.length < 16 || hash.length > 64) {
        return null;
      }
      return new Phc(new Argon2Params(m, t, p), salt, hash);
    }

    /** A decimal of at most 9 digits, or -1. */
    private static int smallInt(String s) {
      if (s.isEmpty() || s.length() > 9) {
        return -1;
      }
      int v = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          return -1;
        }
        v = v * 10 + (c - '0');
      }
      return v;
    }

    private static byte[] b64(String s) {
      if (s.isEmpty() || s.indexOf('=') >= 0) {
        return null;
      }
      try {
        return Base64.getDecoder().decode(s);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }
}
