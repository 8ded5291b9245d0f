package io.admin.auth.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimMappingTest {

  @Test
  void scopesWhenScopeStringAndScpArrayThenUnited() {
    Map<String, Object> claims = Map.of("scope", "  users:read   users:write ", "scp", List.of("reports", 7, ""));

    assertEquals(Set.of("users:read", "users:write", "reports"), ClaimMapping.defaults().scopes(claims));
  }

  @Test
  void scopesWhenScpIsSpaceSeparatedStringThenSplit() {
    assertEquals(Set.of("User.Read", "Files.Read"),
        ClaimMapping.defaults().scopes(Map.of("scp", "User.Read Files.Read")));
  }

  @Test
  void scopesWhenRolesPathThenNestedArrayRead() {
    ClaimMapping keycloak = ClaimMapping.defaults().withScopeClaims("realm_access.roles");
    Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("admin", "users:read")),
        "scope", "profile");

    assertEquals(Set.of("admin", "users:read"), keycloak.scopes(claims));
  }

  @Test
  void scopesWhenNamespacedClaimWithDotsThenReadAsOneName() {
    ClaimMapping auth0 = ClaimMapping.defaults().withScopeClaims("https://example.com/roles");

    assertEquals(Set.of("ops"), auth0.scopes(Map.of("https://example.com/roles", List.of("ops"))));
  }

  @Test
  void scopesWhenPathMissingOrWrongTypeThenEmpty() {
    ClaimMapping m = ClaimMapping.defaults().withScopeClaims("a.b.c", "scope");

    assertEquals(Set.of(), m.scopes(Map.of("a", Map.of("b", "not a map"), "scope", 12)));
  }

  @Test
  void scopesWhenLibraryScopesNotMappedThenDroppedAndOthersKept() {
    Map<String, Object> claims = Map.of("scope", "users:read api-keys:manage",
        "scp", List.of("api-keys:admin", "reports"));

    assertEquals(Set.of("users:read", "reports"), ClaimMapping.defaults().scopes(claims));
  }

  @Test
  void scopesWhenLibraryScopeFromNestedRolesThenDroppedToo() {
    ClaimMapping keycloak = ClaimMapping.defaults().withScopeClaims("realm_access.roles");
    assertEquals(Set.of("users:read"), keycloak.scopes(
        Map.of("realm_access", Map.of("roles", List.of("users:read", "api-keys:manage")))));
  }

  @Test
  void scopesWhenLibraryScopeGrantedByMappingThenKeptAndOthersStillDropped() {
    ClaimMapping mapping = ClaimMapping.defaults().withLibraryScopes("api-keys:manage");
    assertEquals(Set.of("api-keys:manage", "users:read"), mapping.scopes(
        Map.of("scope", "users:read api-keys:manage api-keys:admin")));
    assertEquals(Set.of("api-keys:manage"), mapping.withScopeClaims("roles").libraryScopes());
  }

  @ParameterizedTest
  @ValueSource(strings = {"users:read", "api-keys:", "api-keys:a b"})
  void withLibraryScopesWhenNotALibraryScopeThenRefused(String scope) {
    assertThrows(IllegalArgumentException.class,
        () -> ClaimMapping.defaults().withLibraryScopes(scope));
  }

  @Test
  void clientIdWhenClientIdAbsentThenAzpUsed() {
    assertEquals(Optional.of("web"), ClaimMapping.defaults().clientId(Map.of("azp", "web")));
    assertEquals(Optional.of("svc"), ClaimMapping.defaults().clientId(Map.of("azp", "web", "client_id", "svc")));
    assertEquals(Optional.empty(), ClaimMapping.defaults().clientId(Map.of("appid", "x")));
  }

  @Test
  void subjectWhenCustomPathThenReadFromIt() {
    ClaimMapping m = ClaimMapping.defaults().withSubjectClaim("preferred_username");

    assertEquals(Optional.of("bob"), m.subject(Map.of("sub", "f81d", "preferred_username", "bob")));
    assertEquals(Optional.empty(), m.subject(Map.of("sub", "f81d")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", ".a", "a.", "a..b"})
  void constructWhenPathMalformedThenRefused(String path) {
    assertThrows(IllegalArgumentException.class, () -> ClaimMapping.defaults().withScopeClaims(path));
  }

  @Test
  void constructWhenListsGivenThenCopied() {
    List<String> paths = new java.util.ArrayList<>(List.of("scope"));
    ClaimMapping m = new ClaimMapping("sub", List.of(), paths);
    paths.add("scp");

    assertEquals(List.of("scope"), m.scopeClaims());
  }
}
