package io.admin.auth.core.verify;

import static io.admin.auth.core.verify.TestJws.AUDIENCE;
import static io.admin.auth.core.verify.TestJws.ISSUER;
import static io.admin.auth.core.verify.TestJws.T0;
import static io.admin.auth.core.verify.TestJws.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.internal.jose.ParsedClaims;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.testing.MutableClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What a cached token counts against the cache's byte bound ({@link EntryFootprint}), seen through
 * {@link AccessTokenVerifier#cachedBytes()}: what each token holds on its own is counted at the
 * sizes the class comment gives, and what the verifier shares across tokens is not counted.
 * Each figure is a difference between two tokens that differ in one claim, so the fixed overhead
 * cancels out; the token string, whose length the claim changes too, is taken out of each
 * figure and tested on its own.
 */
class EntryFootprintTest {

  /** The bytes of a 24-byte String object plus its array: 16-byte header, chars, 8-aligned. */
  private static long string(int bytes) {
    return 24 + ((16 + bytes + 7) & ~7L);
  }

  /**
   * The estimate for the one token of the standard claims, changed by {@code change}, without
   * its token string.
   */
  private static long bytes(Consumer<Map<String, Object>> change) {
    return withToken(change) - string(token(change).length());
  }

  private static String token(Consumer<Map<String, Object>> change) {
    Map<String, Object> c = claims(T0);
    change.accept(c);
    return TestJws.token(SigningAlgorithm.HS256, c);
  }

  /** The whole estimate for the one token of the standard claims, changed by {@code change}. */
  private static long withToken(Consumer<Map<String, Object>> change) {
    AccessTokenVerifier verifier = AccessTokenVerifier.builder().issuer(ISSUER).audience(AUDIENCE)
        .clock(new MutableClock(T0)).keys(TestJws.RING::find)
        .revocationStore(new InMemoryRevocationStore()).build();
    assertInstanceOf(AuthOutcome.Authenticated.class, verifier.verify(token(change)));
    assertEquals(1, verifier.cachedTokens());
    return verifier.cachedBytes();
  }

  private static final long PLAIN = bytes(c -> { });

  @Test
  void ofWhenStandardClaimsThenAtLeastTheFixedOverhead() {
    assertTrue(PLAIN >= EntryFootprint.ENTRY_OVERHEAD_BYTES, "bytes " + PLAIN);
  }

  @Test
  void ofWhenSameAnswerAndLongerTokenThenTheStringsDifferenceAtOneBytePerCharacter() {
    Map<String, Object> payload = claims(T0);
    Checked verified = Checked.verified(ParsedClaims.parse(payload), payload,
        TestJws.KEYS.get(SigningAlgorithm.HS256));
    EntryFootprint footprint = new EntryFootprint(new ClaimCanon(ISSUER, AUDIENCE));
    // 800 characters: 24 + 816; 40 characters: 24 + 56.
    assertEquals(760, footprint.of("t".repeat(800), verified)
        - footprint.of("t".repeat(40), verified));
  }

  @Test
  void ofWhenClaimsCostTheSameButTokenLongerThenTheTokensStringCounted() {
    // 40 x 'a' and 40 x e-acute cost the same as claim values (Latin-1, one byte a character),
    // but the second is 80 bytes of UTF-8 in the payload, so its token is longer.
    Consumer<Map<String, Object>> ascii = c -> c.put("sub", "a".repeat(40));
    Consumer<Map<String, Object>> accented = c -> c.put("sub", "\u00e9".repeat(40));
    int shorter = token(ascii).length();
    int longer = token(accented).length();
    assertTrue(longer >= shorter + 50, longer + " vs " + shorter);
    assertEquals(string(longer) - string(shorter), withToken(accented) - withToken(ascii));
  }

  @Test
  void ofWhenAnExtraStringClaimThenItsNameValueAndReferencesCounted() {
    // "note": a new name (4 chars) and value, and the member's two references.
    assertEquals(EntryFootprint.PER_MEMBER_BYTES + string(4) + string(8),
        bytes(c -> c.put("note", "x".repeat(8))) - PLAIN);
    assertEquals(string(40) - string(8),
        bytes(c -> c.put("note", "x".repeat(40))) - bytes(c -> c.put("note", "x".repeat(8))));
  }

  @Test
  void ofWhenValueOutsideLatin1ThenTwoBytesPerCharacterElseOne() {
    long ascii = bytes(c -> c.put("note", "x".repeat(20)));
    long latin1 = bytes(c -> c.put("note", "\u00e9".repeat(20)));
    long wide = bytes(c -> c.put("note", "\u0101".repeat(20)));
    long mixed = bytes(c -> c.put("note", "x".repeat(19) + "\u00ff"));
    assertEquals(ascii, latin1, "Latin-1 is one byte per character");
    assertEquals(ascii, mixed, "0xFF is still Latin-1");
    assertEquals(string(40) - string(20), wide - ascii);
  }

  @Test
  void ofWhenNumberBooleanOrNullClaimThenBoxedNumberCostsAndTheOthersNot() {
    long name = EntryFootprint.PER_MEMBER_BYTES + string(1);
    assertEquals(name + 24, bytes(c -> c.put("n", 123456)) - PLAIN);
    assertEquals(name, bytes(c -> c.put("n", true)) - PLAIN);
    assertEquals(name, bytes(c -> c.put("n", null)) - PLAIN);
  }

  @Test
  void ofWhenListOrObjectClaimThenEachElementCounted() {
    long name = EntryFootprint.PER_MEMBER_BYTES + string(1);
    assertEquals(name + 32 + 2 * (4 + string(1)), bytes(c -> c.put("r", List.of("a", "b")))
        - PLAIN);
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("k", "v");
    assertEquals(name + 32 + EntryFootprint.PER_MEMBER_BYTES + string(1) + string(1),
        bytes(c -> c.put("o", nested)) - PLAIN);
  }

  @Test
  void ofWhenValuesSharedAcrossTokensThenTheirLengthCostsNothing() {
    // client_id and scope are shared by the verifier once seen; iss and aud equal its own.
    assertEquals(PLAIN, bytes(c -> c.put("client_id", "client-" + "c".repeat(60))));
    assertEquals(PLAIN, bytes(c -> c.put("scope", "users:read users:write " + "s".repeat(60))));
    // A subject is each user's own.
    assertEquals(string(8 + 60) - string(8), bytes(c -> c.put("sub", "client-a" + "u".repeat(60)))
        - PLAIN);
  }

  @Test
  void ofWhenNotBeforeDiffersFromIssuedAtThenItsValueAndInstantCounted() {
    long iat = T0.getEpochSecond();
    assertEquals(24 + 24, bytes(c -> c.put("nbf", iat - 10)) - PLAIN);
    assertEquals(0, bytes(c -> c.put("nbf", iat)) - PLAIN, "equal to iat: one shared instance");
  }

  @Test
  void ofWhenAudienceIsAnotherListThenCountedElseShared() {
    long listed = bytes(c -> c.put("aud", List.of(AUDIENCE)));
    long other = bytes(c -> c.put("aud", List.of(AUDIENCE, "https://other.test")));
    assertTrue(other > listed, other + " vs " + listed);
    // Besides the payload's longer list, the typed claims hold a list of their own (not the
    // verifier's shared one): at least its object and two references more.
    long payloadOnly = 4 + string("https://other.test".length());
    assertTrue(other - listed >= payloadOnly + 32 + 2 * 4, other + " vs " + listed);
  }

  @Test
  void ofWhenNoNotBeforeThenOnlyItsMemberLess() {
    // With nbf equal to iat (the standard claims) the instant is shared; without nbf there is
    // no instant to count either, only the member.
    assertEquals(-EntryFootprint.PER_MEMBER_BYTES, bytes(c -> c.remove("nbf")) - PLAIN);
  }

  /** The estimate of a token of {@code scope}, with a canon that has not seen it yet. */
  private static long unsharedScopes(ClaimCanon canon, String scope) {
    Map<String, Object> payload = claims(T0);
    payload.put("scope", scope);
    Checked verified = Checked.verified(ParsedClaims.parse(payload), payload,
        TestJws.KEYS.get(SigningAlgorithm.HS256));
    return new EntryFootprint(canon).of("t", verified);
  }

  @Test
  void ofWhenScopesNotSharedThenTheSetAndEachScopeCounted() {
    // A scope claim not shared (first of its kind, or past ClaimCanon.MAX_INTERNED): the
    // principal's set, a reference per scope and each scope string are the token's own.
    long two = unsharedScopes(new ClaimCanon(ISSUER, AUDIENCE), "pp qq");
    long one = unsharedScopes(new ClaimCanon(ISSUER, AUDIENCE), "pp");
    assertEquals(string(5), string(2), "the raw claims cost the same");
    assertEquals(4 + string(2), two - one);

    Map<String, Object> payload = claims(T0);
    payload.put("scope", "pp qq");
    Checked verified = Checked.verified(ParsedClaims.parse(payload), payload,
        TestJws.KEYS.get(SigningAlgorithm.HS256));
    ClaimCanon canon = new ClaimCanon(ISSUER, AUDIENCE);
    long alone = new EntryFootprint(canon).of("t", verified);
    canon.remember(payload, verified.outcome().principal().scopes());
    assertEquals(32 + 2 * 4 + 2 * string(2), alone - new EntryFootprint(canon).of("t", verified),
        "once shared, the set costs this token nothing");
  }
}
