package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RevocationNoticeTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void parseWhenPayloadOfANoticeThenTheSameNoticeEvenWithSpacesInTheId() {
    for (RevocationNotice n : new RevocationNotice[] {
        new RevocationNotice(RevocationNotice.Kind.ACCESS_TOKEN, "j 1 with spaces", T),
        new RevocationNotice(RevocationNotice.Kind.FAMILY, "fam", T)}) {
      assertEquals(Optional.of(n), RevocationNotice.parse(n.payload()));
    }
    assertEquals("j 2026-01-01T00:00:00Z j9",
        new RevocationNotice(RevocationNotice.Kind.ACCESS_TOKEN, "j9", T).payload());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "j", "j 2026-01-01T00:00:00Z", "x 2026-01-01T00:00:00Z j9",
      "j not-a-time j9", "J 2026-01-01T00:00:00Z j9"})
  void parseWhenMalformedThenEmpty(String payload) {
    assertEquals(Optional.empty(), RevocationNotice.parse(payload));
  }

  @Test
  void applyToWhenKindThenGoesToTheMatchingPartOfTheCache() {
    RevocationCache cache = new RevocationCache();
    new RevocationNotice(RevocationNotice.Kind.ACCESS_TOKEN, "a", T).applyTo(cache);
    new RevocationNotice(RevocationNotice.Kind.FAMILY, "f", T).applyTo(cache);

    assertTrue(cache.contains("a", null));
    assertFalse(cache.contains(null, "a"));
    assertTrue(cache.contains(null, "f"));
    assertFalse(cache.contains("f", null));
  }
}
