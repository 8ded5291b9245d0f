package io.admin.auth.core.store.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.crypto.RandomTokens;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What only the in-memory store promises (compact keys, heap bound); the SPI contract itself runs
 * in admin-auth-store-tck's InMemoryRevocationStoreContractTest.
 */
class InMemoryRevocationStoreTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void keyWhenIssuedIdFormThenCompactAndOneToOne() {
    Random random = new Random(3);
    Set<Object> keys = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      byte[] b = new byte[16];
      random.nextBytes(b);
      String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
      Object key = InMemoryRevocationStore.key(id);
      assertInstanceOf(InMemoryRevocationStore.Id128.class, key, id);
      assertTrue(keys.add(key), id);
    }
    // Leading bytes matter too: 0x00.. and 0x80.. differ only in the top bit.
    byte[] zero = new byte[16];
    byte[] top = new byte[16];
    top[0] = (byte) 0x80;
    assertNotEquals(InMemoryRevocationStore.key(b64(zero)), InMemoryRevocationStore.key(b64(top)));
  }

  @Test
  void isRevokedWhenOtherStringForSameBitsThenNotRevoked() {
    InMemoryRevocationStore s = new InMemoryRevocationStore();
    String id = b64(new byte[16]); // "AAAAAAAAAAAAAAAAAAAAAA"
    s.revokeAccessToken(id, T);
    assertTrue(s.isRevoked(id, null));
    assertFalse(s.isRevoked("AAAAAAAAAAAAAAAAAAAAAB", null), "non-canonical alias must not match");
    assertFalse(s.isRevoked("AAAAAAAAAAAAAAAAAAAAAAA", null));
    assertFalse(s.isRevoked("AAAAAAAAAAAAAAAAAAAAA=", null));
    assertInstanceOf(String.class, InMemoryRevocationStore.key("+".repeat(22)));
  }

  @Test
  void purgeExpiredWhenKeepUntilHasNanosThenKeptThroughThatInstant() {
    InMemoryRevocationStore s = new InMemoryRevocationStore();
    s.revokeAccessToken("j", T.plusNanos(1));
    assertEquals(0, s.purgeExpired(T.plusNanos(1)));
    assertTrue(s.isRevoked("j", null));
  }

  @Test
  void purgeExpiredWhenKeepUntilIsExactlyNowThenKept() {
    InMemoryRevocationStore s = new InMemoryRevocationStore();
    s.revokeAccessToken("j", T);
    s.revokeFamily("f", T);

    assertEquals(0, s.purgeExpired(T));
    assertTrue(s.isRevoked("j", null));
    assertTrue(s.isRevoked(null, "f"));
    assertEquals(2, s.purgeExpired(T.plusMillis(1)));
  }

  @Test
  void sizeWhenTokenAndFamilyRevokedThenCountsBoth() {
    InMemoryRevocationStore s = new InMemoryRevocationStore();
    s.revokeAccessToken("j", T);
    s.revokeFamily("f", T);
    s.revokeFamily("g", T);

    assertEquals(3, s.size());
  }

  @Test
  void keyWhenCompactThenExactlyTheBitsTheJdkDecoderReads() {
    // Every base64url character at every position: the compact key is the id's 128 bits, big
    // endian, as java.util.Base64 decodes them, so two ids share a key only if they are equal.
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int pos = 0; pos < 22; pos++) {
      for (int c = 0; c < 64; c++) {
        char[] id = "QUJDREVGR0hJSktMTU5PUA".toCharArray();
        if (pos == 21) {
          id[pos] = alphabet.charAt(c & 0x30); // the last character carries two bits
        } else {
          id[pos] = alphabet.charAt(c);
        }
        String text = new String(id);
        ByteBuffer bits = ByteBuffer.wrap(Base64.getUrlDecoder().decode(text));
        assertEquals(new InMemoryRevocationStore.Id128(bits.getLong(), bits.getLong()),
            InMemoryRevocationStore.key(text), text);
      }
    }
  }

  @Test
  void keyWhenAnyCharacterOutsideBase64UrlThenKeptAsGiven() {
    for (String id : new String[] {"+AAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAA/AAAAAAAAAAA",
        "AAAAAAAAAA.AAAAAAAAAAA", "AAAAAAAAAA AAAAAAAAAAA", "AAAAAAAAAA=AAAAAAAAAAA",
        // Above 'z': read as a letter, '{' would be the 52 of '0' and alias a real id.
        "AAAAAAAAAA{AAAAAAAAAAA", "AAAAAAAAAA~AAAAAAAAAAA", "AAAAAAAAAA\u00e9AAAAAAAAAAA",
        "AAAAAAAAAA@AAAAAAAAAAA", "AAAAAAAAAA[AAAAAAAAAAA", "AAAAAAAAAA`AAAAAAAAAAA",
        "AAAAAAAAAA:AAAAAAAAAAA"}) {
      assertEquals(id, InMemoryRevocationStore.key(id), id);
    }
  }

  @Test
  void isRevokedWhenOnlyOneOfJtiAndFamilyGivenThenTheOtherNeverMatches() {
    InMemoryRevocationStore s = new InMemoryRevocationStore();
    s.revokeAccessToken("jti-1", T);
    s.revokeFamily("family-1", T);

    assertTrue(s.isRevoked("jti-1", null));
    assertTrue(s.isRevoked(null, "family-1"));
    assertFalse(s.isRevoked("jti-2", null));
    assertFalse(s.isRevoked(null, "family-2"));
    assertFalse(s.isRevoked(null, null));
  }

  @Test
  void purgeExpiredWhenKeepUntilIsWholeMillisecondsThenPurgedOneMillisecondLater() {
    InMemoryRevocationStore s = new InMemoryRevocationStore();
    s.revokeAccessToken("j", T.plusMillis(5));

    assertEquals(0, s.purgeExpired(T.plusMillis(5)));
    assertEquals(1, s.purgeExpired(T.plusMillis(6)), "rounded up although it was exact");
  }

  @Test
  void retainedHeapWhenOneMillionRevokedJtisThenUnder128Megabytes() {
    // Measured as heap in use after full collections, so not a timing assertion; the figure is
    // recorded in BENCHMARKS.md.
    RandomTokens random = new RandomTokens(new SecureRandom());
    long before = usedAfterGc();
    InMemoryRevocationStore s = new InMemoryRevocationStore();
    for (int i = 0; i < 1_000_000; i++) {
      s.revokeAccessToken(random.next(16), T.plusSeconds(i % 3600));
    }
    long retained = usedAfterGc() - before;
    assertEquals(1_000_000, s.size());
    assertTrue(retained < 128L * 1000 * 1000, "retained " + retained + " bytes");
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }

  private static String b64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
