package io.admin.auth.servlet.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
}
