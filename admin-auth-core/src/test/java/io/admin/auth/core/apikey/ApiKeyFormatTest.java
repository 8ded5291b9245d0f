package io.admin.auth.core.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyFormatTest {

  private final SecureRandom random = new SecureRandom();

  private String newKey() {
    return ApiKeyFormat.format(ApiKeyFormat.newId(random), ApiKeyFormat.newSecret(random));
  }

  @Test
  void formatWhenNewKeyThenMatchesDocumentedRegexAndLength() {
    String key = newKey();
    assertEquals(70, key.length());
    assertEquals(ApiKeyFormat.LENGTH, key.length());
    assertTrue(key.startsWith("adm_"));
    assertTrue(Pattern.compile("\\b" + ApiKeyFormat.REGEX + "\\b").matcher("x " + key + " y").find());
  }

  @Test
  void parseWhenWellFormedThenIdAndSecretRoundTrip() {
    String id = ApiKeyFormat.newId(random);
    String secret = ApiKeyFormat.newSecret(random);
    ApiKeyFormat.ParsedApiKey parsed = ApiKeyFormat.parse(ApiKeyFormat.format(id, secret)).orElseThrow();
    assertEquals(id, parsed.id());
    assertEquals(secret, parsed.secret());
    assertFalse(parsed.toString().contains(secret));
  }

  @Test
  void secretWhenGeneratedThenAtLeast256BitsOfBase62() {
    assertTrue(ApiKeyFormat.SECRET_LENGTH * Math.log(62) / Math.log(2) >= 256);
    assertTrue(ApiKeyFormat.newSecret(random).matches("[0-9A-Za-z]{43}"));
  }

  @Test
  void parseWhenAnySingleCharacterChangedThenRejected() {
    String key = newKey();
    String alphabet = Base62.ALPHABET + "_-.+/=~ ";
    int variants = 0;
    for (int i = 0; i < key.length(); i++) {
      for (char c : alphabet.toCharArray()) {
        if (c == key.charAt(i)) {
          continue;
        }
        String mutated = key.substring(0, i) + c + key.substring(i + 1);
        assertTrue(ApiKeyFormat.parse(mutated).isEmpty(), "accepted change at " + i + " to " + c);
        variants++;
      }
    }
    assertEquals(70 * 69, variants);
  }

  @Test
  void parseWhenTruncatedOrExtendedThenRejected() {
    String key = newKey();
    for (int len = 0; len < key.length(); len++) {
      assertTrue(ApiKeyFormat.parse(key.substring(0, len)).isEmpty(), "accepted length " + len);
    }
    assertTrue(ApiKeyFormat.parse(key + "0").isEmpty());
    assertTrue(ApiKeyFormat.parse(" " + key).isEmpty());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
      "adm_", "Bearer x", "adm_0000000000000000_000000000000000000000000000000000000000000000000",
      "ADM_0000000000000000_0000000000000000000000000000000000000000000000000",
      "adm_0000000000000000-0000000000000000000000000000000000000000000000000",
      "adm_00000000000000\u00e9\u00e9_0000000000000000000000000000000000000000000000000"})
  void parseWhenHostileThenEmptyAndNoException(String presented) {
    assertTrue(ApiKeyFormat.parse(presented).isEmpty());
  }

  @Test
  void isKeyIdWhenShapesThenOnlySixteenBase62() {
    assertTrue(ApiKeyFormat.isKeyId("0123456789abcdEF"));
    assertFalse(ApiKeyFormat.isKeyId("0123456789abcdE"));
    assertFalse(ApiKeyFormat.isKeyId("0123456789abcdE_"));
    assertFalse(ApiKeyFormat.isKeyId(null));
  }

  /** {@code body} (everything before the checksum) with its correct checksum appended. */
  private static String withChecksum(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.US_ASCII));
    return body + Base62.encodeFixed(crc.getValue(), ApiKeyFormat.CHECKSUM_LENGTH);
  }

  @Test
  void parseWhenChecksumRightButPrefixSeparatorOrAlphabetWrongThenRejected() {
    // The checksum is no secret: anyone can compute it. Only the format check refuses these.
    String body = newKey().substring(0, ApiKeyFormat.LENGTH - ApiKeyFormat.CHECKSUM_LENGTH);
    assertTrue(ApiKeyFormat.parse(withChecksum(body)).isPresent(), "the unchanged body");
    for (String prefix : new String[] {"bdm_", "ADM_", "adm-", "adm0"}) {
      String key = withChecksum(prefix + body.substring(4));
      assertTrue(ApiKeyFormat.parse(key).isEmpty(), key);
    }
    for (char separator : "0Zz-.".toCharArray()) {
      String key = withChecksum(body.substring(0, 20) + separator + body.substring(21));
      assertTrue(ApiKeyFormat.parse(key).isEmpty(), key);
    }
    // The neighbours of each base62 range, in the id and in the secret.
    for (char c : "/:@[`{_-".toCharArray()) {
      for (int at : new int[] {4, 19, 21, 63}) {
        String key = withChecksum(body.substring(0, at) + c + body.substring(at + 1));
        assertTrue(ApiKeyFormat.parse(key).isEmpty(), key);
      }
    }
  }

  @Test
  void toStringWhenPrintedThenIdOrPrefixShownAndSecretNot() {
    String id = ApiKeyFormat.newId(random);
    String secret = ApiKeyFormat.newSecret(random);
    ApiKeyFormat.ParsedApiKey parsed = ApiKeyFormat.parse(ApiKeyFormat.format(id, secret)).orElseThrow();

    assertEquals("ParsedApiKey[id=" + id + ", secret=**********]", parsed.toString());
    assertEquals("adm_" + id, ApiKeyFormat.displayPrefix(id));
  }
}
