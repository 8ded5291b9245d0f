package io.admin.auth.core.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeDescriptionsTest {

  @Test
  void describeWhenDefaultScopesThenWordsNotTheScopeName() {
    ScopeDescriptions d = ScopeDescriptions.defaults();
    for (String scope : List.of("openid", "profile", "email", "offline_access", "users:read",
        "users:write", "api-keys:manage")) {
      assertNotEquals(scope, d.describe(scope));
      assertEquals(true, d.describe(scope).contains(" "), scope);
    }
    assertEquals("See your email address.", d.describe("email"));
  }

  @Test
  void describeWhenUnknownScopeThenTheScopeNameItself() {
    assertEquals("billing:export", ScopeDescriptions.defaults().describe("billing:export"));
  }

  @Test
  void withWhenHostOverridesOrAddsThenNewWordsAndTheDefaultsUntouched() {
    ScopeDescriptions custom = ScopeDescriptions.defaults()
        .with(Map.of("email", "Lire votre adresse e-mail.", "billing:export", "Export invoices."));

    assertEquals("Lire votre adresse e-mail.", custom.describe("email"));
    assertEquals("Export invoices.", custom.describe("billing:export"));
    assertEquals("See your email address.", ScopeDescriptions.defaults().describe("email"));
  }

  @Test
  void describeAllWhenSeveralThenInScopeOrderWithTheirWords() {
    ScopeDescriptions d = ScopeDescriptions.defaults().with(Map.of("b", "Bee.", "a", "Ay."));
    assertEquals(List.of(new ScopeDescriptions.Described("a", "Ay."),
        new ScopeDescriptions.Described("b", "Bee.")), d.describeAll(Set.of("b", "a")));
  }

  @Test
  void withWhenScopeOrWordsInvalidThenRefused() {
    ScopeDescriptions d = ScopeDescriptions.defaults();
    assertThrows(IllegalArgumentException.class, () -> d.with(Map.of("bad scope", "x")));
    assertThrows(IllegalArgumentException.class, () -> d.with(Map.of("ok", " ")));
  }
}
