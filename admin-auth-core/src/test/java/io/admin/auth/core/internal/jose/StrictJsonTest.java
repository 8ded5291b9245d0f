package io.admin.auth.core.internal.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast parser never changes an answer: whatever it decides, {@link Json#parseObject} decides
 * the same way with an equal result (same value types), and what it leaves undecided goes there.
 */
class StrictJsonTest {

  private static void assertAgreesWithJson(String text) {
    Map<String, Object> fast = StrictJson.parseObject(text);
    if (fast != null) {
      Map<String, Object> reference = Json.parseObject(text).orElse(null);
      assertNotNull(reference, () -> "fast parser accepted what Json refuses: " + text);
      assertEquals(reference, fast, text);
      assertEquals(types(reference), types(fast), text);
    }
  }

  private static String types(Object value) {
    if (value instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("{");
      m.forEach((k, v) -> b.append(k).append(':').append(types(v)).append(','));
      return b.append('}').toString();
    }
    if (value instanceof List<?> l) {
      return l.stream().map(StrictJsonTest::types).toList().toString();
    }
    return value == null ? "null" : value.getClass().getSimpleName();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{}", " {\"a\":1} ", "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"k-1\"}",
      "{\"exp\":1742036400,\"n\":-0,\"f\":1.5,\"e\":1e3,\"E\":-2.5E-3,\"big\":123456789012345678901}",
      "{\"s\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\\uDEAD\"}",
      "{\"aud\":[\"a\",\"b\"],\"o\":{\"x\":[1,{\"y\":true}],\"z\":false},\"empty\":[]}",
      "{\"\":\"\"}"})
  void parseObjectWhenStrictJsonThenDecidedAndEqualToJson(String text) {
    assertNotNull(StrictJson.parseObject(text), text);
    assertAgreesWithJson(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "[]", "\"x\"", "{", "{\"a\":1", "{\"a\":1}x", "{\"a\":1,}", "{a:1}", "{'a':1}",
      "{\"a\":1,\"a\":2}", "{\"a\":null}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":-}",
      "{\"a\":1e}", "{\"a\":1e400}", "{\"a\":NaN}", "{\"a\":\"\\x\"}", "{\"a\":\"\\'\"}",
      "{\"a\":\"\\u12\"}", "{\"a\":\"\\u\u0663\u0663\u0663\u0663\"}", "{\"a\":\"tab\there\"}",
      "{\"a\":tru}", "{\"a\":1 /* c */}", "{\"a\":1}\u2003", "\ufeff{}", "{\"a\"=1}",
      "{\"a\":[1,]}", "{\"a\":[1 2]}", "{\"u\":\"\u00e9\u4e2d\"}"})
  void parseObjectWhenNotStrictOrAmbiguousThenUndecided(String text) {
    assertNull(StrictJson.parseObject(text), text);
  }

  @Test
  void parseAsciiWhenUtf8BytesThenUndecidedAnywhere() {
    for (String text : List.of("{\"u\":\"\u00e9\"}", "{\"\u00e9\":1}", "{\"a\":\"x\"}\u00a0",
        "{\"exp\":1\u0661}")) {
      assertNull(StrictJson.parseAscii(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), text);
    }
  }

  @Test
  void parseObjectWhenDeeplyNestedThenUndecided() {
    String deep = "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}";
    assertNull(StrictJson.parseObject(deep));
    assertAgreesWithJson(deep);
  }

  @Test
  void parseObjectWhenRandomMutationsOfTokenJsonThenNeverDisagreesWithJson() {
    String base = "{\"iss\":\"https://a.test\",\"sub\":\"c\",\"aud\":[\"x\",\"y\"],\"exp\":1742036400,"
        + "\"nbf\":1.5e9,\"jti\":\"j\\u00e9\",\"scope\":\"a b\",\"o\":{\"k\":[true,false,-1]}}";
    String alphabet = "{}[]\":,.-+eE0123456789 \\u\tntrfal\u00e9/";
    Random random = new Random(11);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder(base);
      for (int k = random.nextInt(3); k >= 0; k--) {
        int at = random.nextInt(b.length());
        switch (random.nextInt(3)) {
          case 0 -> b.deleteCharAt(at);
          case 1 -> b.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
          default -> b.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      assertAgreesWithJson(b.toString());
    }
  }

  // Found by StrictJsonFuzzTest: Json's parser (Gson inside Nimbus) refuses an integer part whose
  // digits, accumulated in a wrapping long, reach zero (10^65, 2 * 10^64, ...), fraction, exponent
  // or sign notwithstanding. The fast parser must not decide those documents differently.
  @ParameterizedTest
  @ValueSource(strings = {"1" + "00000000000000000000000000000000000000000000000000000000000000000",
      "-1" + "00000000000000000000000000000000000000000000000000000000000000000",
      "1" + "00000000000000000000000000000000000000000000000000000000000000000" + ".5",
      "2" + "0000000000000000000000000000000000000000000000000000000000000000" + "e3",
      "99999999999999110000000000000000000000000000000000000000000000000000000000000000000000000"})
  void parseObjectWhenIntegerPartWrapsToZeroInALongThenSameAnswerAsJson(String number) {
    String text = "{\"a@\":" + number + "}";
    assertEquals(Json.parseObject(text).orElse(null), StrictJson.parseObject(text), text);
  }
}
