package io.admin.auth.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthPrincipalTest {

  private static AuthPrincipal bearer(Map<String, Object> claims) {
    return new AuthPrincipal("alice", "app", Set.of("users:read"), "https://auth.example.test",
        null, AuthMethod.BEARER, claims);
  }

  @Test
  void claimsWhenNestedMutableValuesThenCopiedSoLaterChangesDoNotShowThrough() {
    List<Object> roles = new ArrayList<>(List.of("reader"));
    Map<String, Object> realm = new LinkedHashMap<>(Map.of("roles", roles));
    Map<String, Object> claims = new LinkedHashMap<>(Map.of("realm_access", realm));

    AuthPrincipal p = bearer(claims);
    roles.add("admin");
    realm.put("extra", "x");

    assertEquals(Map.of("realm_access", Map.of("roles", List.of("reader"))), p.claims());
  }

  @Test
  @SuppressWarnings("unchecked")
  void claimsWhenNestedThenUnmodifiableAtEveryLevel() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("realm_access", new LinkedHashMap<>(Map.of("roles",
        new ArrayList<>(List.of("reader", new LinkedHashMap<>(Map.of("deep", "v")))))));
    AuthPrincipal p = bearer(claims);

    Map<String, Object> realm = (Map<String, Object>) p.claims().get("realm_access");
    List<Object> roles = (List<Object>) realm.get("roles");
    Map<String, Object> deep = (Map<String, Object>) roles.get(1);
    assertThrows(UnsupportedOperationException.class, () -> p.claims().put("x", 1));
    assertThrows(UnsupportedOperationException.class, () -> realm.put("x", 1));
    assertThrows(UnsupportedOperationException.class, () -> roles.add("admin"));
    assertThrows(UnsupportedOperationException.class, () -> roles.set(0, "admin"));
    assertThrows(UnsupportedOperationException.class, () -> deep.put("deep", "changed"));
  }

  @Test
  void claimsWhenCompactCopyThenSameOrderEqualityAndTextAsTheSource() {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("sub", "alice");
    source.put("exp", 1_700_000_000L);
    source.put("nothing", null);
    source.put("roles", new ArrayList<>(List.of("b", "a")));
    source.put("realm", new LinkedHashMap<>(Map.of("k", "v")));
    AuthPrincipal p = bearer(source);

    assertEquals(source, p.claims());
    assertEquals(p.claims(), source);
    assertEquals(source.hashCode(), p.claims().hashCode());
    assertEquals(source.toString(), p.claims().toString());
    assertEquals(List.copyOf(source.keySet()), List.copyOf(p.claims().keySet()));
    assertTrue(p.claims().containsKey("nothing"));
    assertFalse(p.claims().containsKey("absent"));
    assertEquals(List.of("b", "a"), p.claims().get("roles"));
    assertThrows(UnsupportedOperationException.class, () -> p.claims().remove("sub"));
    assertThrows(UnsupportedOperationException.class, () -> p.claims().entrySet().clear());
  }

  @Test
  void scopesWhenUnorderedWithDuplicatesThenSortedDistinctAndUnmodifiable() {
    AuthPrincipal p = new AuthPrincipal("alice", "app",
        new java.util.HashSet<>(List.of("b", "c", "a")), null, null, AuthMethod.BEARER, null);
    assertEquals(List.of("a", "b", "c"), List.copyOf(p.scopes()));
    assertEquals(Set.of("a", "b", "c"), p.scopes());
    assertTrue(p.hasScopes(Set.of("a", "c")));
    assertFalse(p.hasScopes(Set.of("d")));
    assertThrows(UnsupportedOperationException.class, () -> p.scopes().add("d"));
    assertThrows(UnsupportedOperationException.class, () -> p.scopes().iterator().remove());
  }

  @Test
  void claimsWhenJsonNullInsideArrayThenKept() {
    List<Object> withNull = new ArrayList<>();
    withNull.add(null);
    AuthPrincipal p = bearer(Map.of("a", withNull));
    assertEquals(withNull, p.claims().get("a"));
  }

  @Test
  void identityWhenOwnCredentialThenSubject() {
    AuthPrincipal p = bearer(Map.of());
    assertFalse(p.thirdParty());
    assertEquals("alice", p.identity());
  }

  @Test
  void identityWhenThirdPartyThenIssuerSpaceSubject() {
    AuthPrincipal p = new AuthPrincipal("alice", "app", Set.of(), "https://idp.partner.test",
        null, AuthMethod.BEARER, Map.of(), true);
    assertTrue(p.thirdParty());
    assertEquals("https://idp.partner.test alice", p.identity());
    assertEquals("alice", p.subject());
  }

  @Test
  void identityWhenSameSubjectFromThirdPartyThenNeverEqualsLocalOne() {
    AuthPrincipal local = bearer(Map.of());
    AuthPrincipal partner = new AuthPrincipal("alice", "app", Set.of(), "https://auth.example.test",
        null, AuthMethod.BEARER, Map.of(), true);
    assertFalse(local.identity().equals(partner.identity()));
  }

  @Test
  void constructorWhenThirdPartyWithoutIssuerThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> new AuthPrincipal("alice", null, Set.of(),
        null, null, AuthMethod.BEARER, Map.of(), true));
  }
}
