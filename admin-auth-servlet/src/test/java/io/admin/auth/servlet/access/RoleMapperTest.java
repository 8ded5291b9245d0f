package io.admin.auth.servlet.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthPrincipal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleMapperTest {

  private final AuthPrincipal alice = new AuthPrincipal("alice", "c", Set.of("users:read", "users:write",
      "other"), null, null, AuthMethod.BEARER, Map.of());

  @Test
  void scopesAsRolesWhenAppliedThenEveryScopeIsARole() {
    assertEquals(Set.of("users:read", "users:write", "other"),
        RoleMapper.scopesAsRoles().roles(alice));
  }

  @Test
  void fromScopesWhenScopeUnmappedThenItGivesNoRole() {
    RoleMapper m = RoleMapper.fromScopes(Map.of("users:read", List.of("reader"),
        "users:write", List.of("writer", "reader")));
    assertEquals(Set.of("reader", "writer"), m.roles(alice));
  }
}
