package io.admin.auth.core.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Fuzzes the parsing of a presented API key ({@link ApiKeyFormat#parse}) against a slow reference
 * built from the documented format: the whole key matches {@link ApiKeyFormat#REGEX} and its last
 * six characters are the base62 CRC32 of the rest. Also checks the format's promise that every
 * single-character substitution of a valid key is refused by the checksum, and that a parsed key
 * never prints its secret. A plain {@code mvn verify} replays the committed inputs; {@code
 * JAZZER_FUZZ=1} fuzzes (see SECURITY.md).
 */
class ApiKeyFormatFuzzTest {

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private static Optional<String[]> reference(String key) {
    if (key == null || !key.matches(ApiKeyFormat.REGEX)) {
      return Optional.empty();
    }
    String body = key.substring(0, key.length() - ApiKeyFormat.CHECKSUM_LENGTH);
    BigInteger checksum = BigInteger.ZERO;
    for (char c : key.substring(body.length()).toCharArray()) {
      checksum = checksum.multiply(BigInteger.valueOf(62)).add(BigInteger.valueOf(BASE62.indexOf(c)));
    }
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.US_ASCII));
    if (!checksum.equals(BigInteger.valueOf(crc.getValue()))) {
      return Optional.empty();
    }
    return Optional.of(new String[] {key.substring(4, 20), key.substring(21, body.length())});
  }

  /**
   * One target (fuzzing runs one per JVM): either arbitrary or key-shaped text against the
   * reference, or a single substitution in a valid key.
   */
  @FuzzTest(maxDuration = "10m")
  void parseAgreesWithReference(FuzzedDataProvider data) {
    if (data.consumeBoolean()) {
      parseRefusesEverySubstitution(data);
      return;
    }
    String key = data.consumeBoolean()
        ? data.consumeRemainingAsString()
        : keyShaped(data);
    assertAgrees(key);
  }

  /** Any single-character change to a valid key is refused; the untouched key parses. */
  private static void parseRefusesEverySubstitution(FuzzedDataProvider data) {
    String id = base62(data, ApiKeyFormat.ID_LENGTH);
    String secret = base62(data, ApiKeyFormat.SECRET_LENGTH);
    String key = ApiKeyFormat.format(id, secret);
    ApiKeyFormat.ParsedApiKey parsed = ApiKeyFormat.parse(key).orElseThrow();
    assertEquals(id, parsed.id());
    assertEquals(secret, parsed.secret());

    int at = data.consumeInt(0, key.length() - 1);
    char c = data.consumeChar();
    if (c == key.charAt(at)) {
      return;
    }
    String changed = key.substring(0, at) + c + key.substring(at + 1);
    assertFalse(ApiKeyFormat.parse(changed).isPresent(), changed);
    assertAgrees(changed);
  }

  private static void assertAgrees(String key) {
    Optional<ApiKeyFormat.ParsedApiKey> parsed = ApiKeyFormat.parse(key);
    Optional<String[]> expected = reference(key);
    assertEquals(expected.isPresent(), parsed.isPresent(), key);
    if (parsed.isPresent()) {
      assertEquals(expected.get()[0], parsed.get().id(), key);
      assertEquals(expected.get()[1], parsed.get().secret(), key);
      assertTrue(ApiKeyFormat.isKeyId(parsed.get().id()), key);
      assertFalse(parsed.get().toString().contains(parsed.get().secret()), key);
    }
  }

  // "adm_" + id + "_" + body + checksum drawn mostly from base62, so the checksum is reached.
  private static String keyShaped(FuzzedDataProvider data) {
    String body = "adm_" + base62(data, 16) + (data.consumeBoolean() ? "_" : data.consumeString(1))
        + base62(data, 43);
    if (data.consumeBoolean()) {
      CRC32 crc = new CRC32();
      crc.update(body.getBytes(StandardCharsets.ISO_8859_1));
      return body + Base62.encodeFixed(crc.getValue(), 6) + data.consumeRemainingAsString();
    }
    return body + data.consumeRemainingAsString();
  }

  private static String base62(FuzzedDataProvider data, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(BASE62.charAt(data.consumeInt(0, 61)));
    }
    return b.toString();
  }
}
