package io.admin.auth.core.apikey;

import io.admin.auth.core.spi.ApiKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

import java.util.zip.CRC32;

/**
 * The wire format of an API key, designed so that a leaked key is easy to find and a mangled key
 * is cheap to refuse.
 *
 * <pre>
 *   adm_ 3kTMd9x0QpZr7VbN _ &lt;43 base62 secret chars&gt; &lt;6 base62 checksum chars&gt;
 *   prefix  key id (16)                                      CRC32 of everything before it
 * </pre>
 *
 * <p>The whole key matches {@link #REGEX} ({@value #REGEX}), 70 characters, so secret scanners
 * (GitHub push protection, gitleaks, trufflehog) can be given one precise rule; the checksum lets
 * them confirm a hit offline without false positives. The alphabet is base62 plus {@code _}, so a
 * double click selects the whole key. The secret is 43 uniformly random base62 characters,
 * {@code 43 * log2(62) = 256.03} bits. The key id is public (it names the key in listings and
 * logs); only an HMAC of the secret is stored.
 *
 * <p>The checksum is CRC32 over the ASCII bytes before it: CRC32 detects every error burst of up
 * to 32 bits, so every single-character substitution is caught, and any truncation changes the
 * length. A key that fails the checksum is rejected without touching the store.
 */
public final class ApiKeyFormat {

  /** The fixed, greppable prefix of every key. */
  public static final String PREFIX = ApiKey.KEY_PREFIX;
  /** Characters of the public key id. */
  public static final int ID_LENGTH = 16;
  /** Characters of the secret: 43 base62 characters carry at least 256 bits. */
  public static final int SECRET_LENGTH = 43;
  /** Characters of the base62 CRC32 checksum (62^6 &gt; 2^32). */
  public static final int CHECKSUM_LENGTH = 6;
  /** Total length of a key. */
  public static final int LENGTH = PREFIX.length() + ID_LENGTH + 1 + SECRET_LENGTH + CHECKSUM_LENGTH;
  /** A regular expression matching exactly the keys of this format (for scanners and docs). */
  public static final String REGEX = "adm_[0-9A-Za-z]{16}_[0-9A-Za-z]{49}";

  private static final int ID_START = PREFIX.length();
  private static final int SECRET_START = ID_START + ID_LENGTH + 1;
  private static final int CHECKSUM_START = SECRET_START + SECRET_LENGTH;

  private ApiKeyFormat() {}

  /**
   * A new random key id.
   *
   * @param random the source of the id's characters
   * @return 16 base62 characters
   */
  public static String newId(SecureRandom random) {
    return Base62.random(random, ID_LENGTH);
  }

  /** A new random secret of {@link #SECRET_LENGTH} base62 characters. */
  static String newSecret(SecureRandom random) {
    return Base62.random(random, SECRET_LENGTH);
  }

  /**
   * Whether {@code id} has the shape of a key id (for path parameters of management endpoints).
   *
   * @param id the candidate; {@code null} is not a key id
   * @return {@code true} when {@code id} is a well-formed key id
   */
  public static boolean isKeyId(String id) {
    return ApiKey.isKeyId(id);
  }

  /**
   * The non-secret display prefix of a key, {@code adm_<id>}: safe to show in listings.
   *
   * @param id the 16-character key id (not the full key)
   * @return the prefix, e.g. {@code adm_0123456789abcdef}
   */
  public static String displayPrefix(String id) {
    return PREFIX + id;
  }

  /** The full key for {@code id} and {@code secret}, checksum appended. */
  static String format(String id, String secret) {
    String body = PREFIX + id + "_" + secret;
    return body + Base62.encodeFixed(crc32(body, body.length()), CHECKSUM_LENGTH);
  }

  /**
   * Splits a presented key into id and secret after checking prefix, length, alphabet and
   * checksum. Never throws; empty for anything malformed (including {@code null}).
   *
   * @param presented the key as sent by the caller, or {@code null}
   * @return the id and secret, or empty when the key is malformed
   */
  public static Optional<ParsedApiKey> parse(String presented) {
    if (presented == null || presented.length() != LENGTH || !presented.startsWith(PREFIX)
        || presented.charAt(SECRET_START - 1) != '_') {
      return Optional.empty();
    }
    for (int i = ID_START; i < LENGTH; i++) {
      if (i != SECRET_START - 1 && !Base62.isBase62(presented.charAt(i))) {
        return Optional.empty();
      }
    }
    long checksum = Base62.decodeFixed(presented, CHECKSUM_START, CHECKSUM_LENGTH);
    if (checksum != crc32(presented, CHECKSUM_START)) {
      return Optional.empty();
    }
    return Optional.of(new ParsedApiKey(
        presented.substring(ID_START, ID_START + ID_LENGTH),
        presented.substring(SECRET_START, CHECKSUM_START)));
  }

  private static long crc32(String s, int length) {
    CRC32 crc = new CRC32();
    // Everything checked so far is ASCII, so this is the exact byte sequence.
    crc.update(s.substring(0, length).getBytes(StandardCharsets.US_ASCII));
    return crc.getValue();
  }

  /**
   * A syntactically valid key, split.
   *
   * @param id the public key id
   * @param secret the secret part (masked in {@link #toString()})
   */
  public record ParsedApiKey(String id, String secret) {
    /**
     * Requires both parts.
     *
     * @param id the key id; required
     * @param secret the secret part, to be hashed and compared; required
     */
    public ParsedApiKey {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
      return "ParsedApiKey[id=" + id + ", secret=**********]";
    }
  }
}
