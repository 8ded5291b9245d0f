package io.admin.auth.servlet.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccessPolicyTest {

  private final AccessPolicy policy = AccessPolicy.builder()
      .protectedPrefix("/api/")
      .publicPath("/api/v3/health")
      .rule("GET", "/api/v3/users", "users:read")
      .rule("POST", "/api/v3/users", "users:write")
      .rule("GET", "/api/v3/users/*", "users:read")
      .rule("*", "/api/v3/admin/**", "admin")
      .build();

  @Test
  void withRulesFirstWhenAppRuleIsWeakerThenPrependedRuleDecides() {
    AccessPolicy weak = AccessPolicy.builder().rule("*", "/api/v3/api-keys/**").build();
    AccessPolicy merged = weak.withRulesFirst(List.of(new AccessRule(Set.of(),
        PathPattern.of("/api/v3/api-keys/**"), Set.of("api-keys:manage"))));
    assertEquals(new AccessPolicy.Decision.Authenticate(Set.of("api-keys:manage")),
        merged.decide("DELETE", "/api/v3/api-keys/abc"));
    assertEquals(new AccessPolicy.Decision.Authenticate(Set.of()),
        weak.decide("DELETE", "/api/v3/api-keys/abc"), "the original is unchanged");
  }

  @Test
  void decideWhenPublicPathThenPublic() {
    assertInstanceOf(AccessPolicy.Decision.Public.class, policy.decide("DELETE", "/api/v3/health"));
  }

  @Test
  void decideWhenRuleMatchesMethodAndPathThenItsScopes() {
    assertEquals(new AccessPolicy.Decision.Authenticate(Set.of("users:write")),
        policy.decide("POST", "/api/v3/users"));
    assertEquals(new AccessPolicy.Decision.Authenticate(Set.of("users:read")),
        policy.decide("GET", "/api/v3/users/42"));
  }

  @ParameterizedTest
  @CsvSource({"DELETE, /api/v3/users", "get, /api/v3/users", "GET, /api/v3/users/42/keys",
      "GET, /api/v3/users/", "GET, /api", "GET, /API/v3/users", "GET, /Api/V3/Users/1",
      "PUT, /api/v3/other"})
  void decideWhenUnderProtectedPrefixAndNoRuleThenDeny(String method, String path) {
    assertInstanceOf(AccessPolicy.Decision.Deny.class, policy.decide(method, path));
  }

  @Test
  void decideWhenOutsideEveryPrefixThenPublic() {
    assertInstanceOf(AccessPolicy.Decision.Public.class, policy.decide("GET", "/apiary"));
    assertInstanceOf(AccessPolicy.Decision.Public.class, policy.decide("GET", "/index.html"));
  }

  @Test
  void doubleStarWhenAnyDepthIncludingItselfThenMatches() {
    AccessPolicy.Decision admin = new AccessPolicy.Decision.Authenticate(Set.of("admin"));
    assertEquals(admin, policy.decide("PATCH", "/api/v3/admin"));
    assertEquals(admin, policy.decide("PATCH", "/api/v3/admin/a/b/c"));
    assertInstanceOf(AccessPolicy.Decision.Deny.class, policy.decide("GET", "/api/v3/administrator"));
  }

  @Test
  void buildWhenNoPrefixThenEverythingIsProtected() {
    AccessPolicy empty = AccessPolicy.builder().build();
    assertInstanceOf(AccessPolicy.Decision.Deny.class, empty.decide("GET", "/"));
    assertInstanceOf(AccessPolicy.Decision.Deny.class, empty.decide("GET", "/anything"));
  }

  @Test
  void withPublicPathsWhenAddedThenTheyWinOverRules() {
    AccessPolicy p = policy.withPublicPaths(List.of("/api/v3/users"));
    assertInstanceOf(AccessPolicy.Decision.Public.class, p.decide("POST", "/api/v3/users"));
    assertInstanceOf(AccessPolicy.Decision.Authenticate.class, policy.decide("POST", "/api/v3/users"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"api", "/api//x", "/api/./x", "/api/../x", "/api/**/x", "/api/x;y", "/a/%2e"})
  void patternWhenInvalidThenRejectedAtBuild(String pattern) {
    assertThrows(IllegalArgumentException.class, () -> PathPattern.of(pattern));
  }

  @Test
  void singleStarWhenEmptySegmentThenNoMatch() {
    PathPattern p = PathPattern.of("/a/*");
    assertTrue(p.matches("/a/b"));
    assertFalse(p.matches("/a/"));
    assertFalse(p.matches("/a"));
    assertFalse(p.matches("/a/b/c"));
  }

  @Test
  void ruleWhenMethodIsNotATokenThenRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> AccessPolicy.builder().rule("GET POST", "/x"));
  }

  // The matching rule as first written, splitting the path for every pattern: the reference the
  // in-place walk must agree with.
  private static boolean splitMatches(String pattern, String path) {
    List<String> segments = pattern.equals("/") ? List.of() : List.of(pattern.substring(1).split("/", -1));
    List<String> parts = path.equals("/") ? List.of() : List.of(path.substring(1).split("/", -1));
    int n = segments.size();
    boolean tailWildcard = n > 0 && segments.get(n - 1).equals("**");
    int fixed = tailWildcard ? n - 1 : n;
    if (tailWildcard ? parts.size() < fixed : parts.size() != fixed) {
      return false;
    }
    for (int i = 0; i < fixed; i++) {
      String seg = segments.get(i);
      String part = parts.get(i);
      if (seg.equals("*") ? part.isEmpty() : !seg.equals(part)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void matchesWhenRandomPatternsAndPathsThenSameAsSplittingThePath() {
    Random random = new Random(42);
    String[] patternSegments = {"a", "b", "ab", "*", "api"};
    String[] pathParts = {"a", "b", "ab", "", "api", "A", "ba"};
    int checked = 0;
    int matched = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder pattern = new StringBuilder();
      int segs = random.nextInt(4);
      for (int j = 0; j < segs; j++) {
        pattern.append('/').append(patternSegments[random.nextInt(patternSegments.length)]);
      }
      if (random.nextBoolean()) {
        pattern.append("/**");
      }
      String p = pattern.length() == 0 ? "/" : pattern.toString();
      StringBuilder path = new StringBuilder();
      int parts = random.nextInt(5);
      for (int j = 0; j < parts; j++) {
        path.append('/').append(pathParts[random.nextInt(pathParts.length)]);
      }
      String q = path.length() == 0 ? "/" : path.toString();
      boolean expected = splitMatches(p, q);
      assertEquals(expected, PathPattern.of(p).matches(q), p + " on " + q);
      checked++;
      if (expected) {
        matched++;
      }
    }
    assertTrue(matched > checked / 20 && matched < checked / 2, matched + " of " + checked);
  }
}
