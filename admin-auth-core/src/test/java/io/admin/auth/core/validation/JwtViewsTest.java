package io.admin.auth.core.validation;

import static io.admin.auth.core.validation.Views.claims;
import static io.admin.auth.core.validation.Views.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The map-backed views {@link JwtHeader#of} and {@link JwtClaims#of}: typing of hostile values. */
class JwtViewsTest {

  @Test
  void headerWhenStringsThenTypedAccessorsAnswerThem() {
    JwtHeader h = header("alg", "RS256", "typ", "at+jwt", "kid", "k1");

    assertEquals("RS256", h.algorithm());
    assertEquals("at+jwt", h.type());
    assertEquals("k1", h.keyId());
  }

  @Test
  void headerWhenNotStringsThenTypedAccessorsNullButMembersPresent() {
    JwtHeader h = header("alg", 1, "typ", List.of("at+jwt"), "kid", null);

    assertNull(h.algorithm());
    assertNull(h.type());
    assertNull(h.keyId());
    assertTrue(h.contains("kid"));
    assertFalse(h.contains("jwk"));
    assertEquals(1, h.parameter("alg"));
    assertNull(header("kid", 7).keyId(), "a numeric kid is no kid");
  }

  static Stream<Arguments> hostileClaimValues() {
    return Stream.of(
        Arguments.of("number", 5),
        Arguments.of("empty string", ""),
        Arguments.of("array", List.of("x")),
        Arguments.of("object", Map.of("x", 1)),
        Arguments.of("JSON null", null),
        Arguments.of("boolean", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileClaimValues")
  void claimsWhenStringClaimNotANonEmptyStringThenNull(String name, Object value) {
    JwtClaims c = claims("iss", value, "sub", value);

    assertNull(c.issuer());
    assertNull(c.subject());
  }

  @Test
  void claimsWhenAudienceStringOrListThenList() {
    assertEquals(List.of("api"), claims("aud", "api").audience());
    assertEquals(List.of("a", "b"), claims("aud", List.of("a", "b")).audience());
    assertEquals(List.of(), claims("aud", Arrays.asList("a", 1)).audience());
    assertEquals(List.of(), claims("aud", List.of()).audience());
    assertEquals(List.of(), claims().audience());
  }

  @Test
  void claimsWhenNumericDatesThenInstantsWithFractionsDropped() {
    JwtClaims c = claims("exp", 1_742_033_100L, "nbf", 1_742_032_800.9, "iat", 1_742_032_800);

    assertEquals(Instant.parse("2025-03-15T10:05:00Z"), c.expiresAt());
    assertEquals(Instant.parse("2025-03-15T10:00:00Z"), c.notBefore());
    assertEquals(Instant.parse("2025-03-15T10:00:00Z"), c.issuedAt());
  }

  static Stream<Arguments> notNumbers() {
    return hostileClaimValues().filter(a -> !"number".equals(a.get()[0]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notNumbers")
  void claimsWhenDateNotANumberThenNull(String name, Object value) {
    assertNull(claims("exp", value).expiresAt());
  }

  @Test
  void claimsWhenDateOutOfRangeThenNull() {
    assertNull(claims("exp", -1).expiresAt());
    assertNull(claims("exp", 1e300).expiresAt());
    assertNull(claims("exp", Double.NaN).expiresAt());
  }

  @Test
  void hasWhenNullOrEmptyStringThenAbsent() {
    JwtClaims c = claims("a", null, "b", "", "c", 0, "d", List.of());

    assertFalse(c.has("a"));
    assertFalse(c.has("b"));
    assertTrue(c.has("c"));
    assertTrue(c.has("d"));
    assertFalse(c.has("e"));
  }
}
