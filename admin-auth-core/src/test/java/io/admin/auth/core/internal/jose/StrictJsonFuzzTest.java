package io.admin.auth.core.internal.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the fast JSON parser of the verification path against Nimbus's JSON parser (the general
 * parser {@link Json} wraps) as the slow reference. {@link StrictJson} may leave any document
 * undecided ({@code null}); whatever it does decide, Nimbus must accept with an equal result and
 * the same value types, {@link Json#parseObject} must agree, and the fast parser must refuse the
 * same document with a duplicated member name. Nothing may throw. A plain {@code mvn verify}
 * replays the committed inputs in {@code StrictJsonFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes
 * (see SECURITY.md).
 */
class StrictJsonFuzzTest {

  /** Decided documents parse identically in the reference; duplicates are never decided. */
  @FuzzTest(maxDuration = "10m")
  void parseObjectAgreesWithNimbus(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    Map<String, Object> fast = StrictJson.parseObject(text);
    Map<String, Object> general = Json.parseObject(text).orElse(null);
    if (fast == null) {
      return;
    }
    Map<String, Object> reference;
    try {
      reference = JSONObjectUtils.parse(text);
    } catch (ParseException e) {
      fail("StrictJson accepted what Nimbus refuses (" + e.getMessage() + "): " + text);
      return;
    }
    assertEquals(reference, fast, text);
    assertEquals(types(reference), types(fast), text);
    assertEquals(reference, general, text);
    // The byte entry point the verifier uses answers the same for the same (ASCII) text.
    assertEquals(fast, StrictJson.parseAscii(text.getBytes(StandardCharsets.ISO_8859_1)), text);

    if (!fast.isEmpty()) {
      String first = fast.keySet().iterator().next();
      String member = Json.write(Map.of(first, 0));
      String duplicated = member.substring(0, member.length() - 1) + "," + text.strip().substring(1);
      assertNull(StrictJson.parseObject(duplicated), duplicated);
      assertEquals(null, Json.parseObject(duplicated).orElse(null), duplicated);
    }
  }

  private static String types(Object value) {
    if (value instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("{");
      m.forEach((k, v) -> b.append(k).append(':').append(types(v)).append(','));
      return b.append('}').toString();
    }
    if (value instanceof List<?> l) {
      return l.stream().map(StrictJsonFuzzTest::types).toList().toString();
    }
    return value == null ? "null" : value.getClass().getSimpleName();
  }
}
