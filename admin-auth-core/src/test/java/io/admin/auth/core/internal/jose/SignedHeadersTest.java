package io.admin.auth.core.internal.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.admin.auth.core.SigningAlgorithm;
import org.junit.jupiter.api.Test;

class SignedHeadersTest {

  @Test
  void findWhenSegmentIsExactPrefixUpToFirstDotThenFoundElseNull() {
    SignedHeaders h = new SignedHeaders();
    h.add("eyJhIjoxfQ", SigningAlgorithm.RS256, "k1");
    assertEquals("k1", h.find("eyJhIjoxfQ.payload.sig", 10).kid());
    assertNull(h.find("eyJhIjoxfQx.payload.sig", 11), "a longer segment with the same start");
    assertNull(h.find("eyJhIjoxfR.payload.sig", 10));
  }

  @Test
  void addWhenMoreThanSizeThenOldestReplacedAndBoundHolds() {
    SignedHeaders h = new SignedHeaders();
    for (int i = 0; i < SignedHeaders.SIZE + 5; i++) {
      h.add("seg" + (100 + i), SigningAlgorithm.HS256, "k" + i);
    }
    int found = 0;
    for (int i = 0; i < SignedHeaders.SIZE + 5; i++) {
      if (h.find("seg" + (100 + i) + ".x.y", 6) != null) {
        found++;
      }
    }
    assertEquals(SignedHeaders.SIZE, found);
    assertNull(h.find("seg100.x.y", 6), "the first one was replaced");
    assertEquals("k20", h.find("seg120.x.y", 6).kid());
  }
}
