package io.admin.auth.core.internal.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

  @Test
  void roundTripKeepsValues() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", "x\"y");
    m.put("n", 3L);
    m.put("l", List.of("p", "q"));
    m.put("b", true);
    Map<String, Object> back = Json.parseObject(Json.write(m)).orElseThrow();
    assertEquals("x\"y", back.get("a"));
    assertEquals(3L, ((Number) back.get("n")).longValue());
    assertEquals(List.of("p", "q"), back.get("l"));
    assertEquals(true, back.get("b"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "[]", "\"s\"", "{", "{\"a\":}", "nul", "{\"a\":1}}", "{\"a\":1,\"a\":2}", " [] "})
  void parseObjectWhenNotAnObjectThenEmpty(String text) {
    assertTrue(Json.parseObject(text).isEmpty());
  }

  @Test
  void parseObjectWhenHugeThenEmptyWithoutParsing() {
    String big = "{\"a\":\"" + "x".repeat(Json.MAX_DOCUMENT_CHARS) + "\"}";
    assertTrue(Json.parseObject(big).isEmpty());
  }
}
