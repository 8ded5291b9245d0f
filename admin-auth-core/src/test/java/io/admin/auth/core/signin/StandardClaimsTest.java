package io.admin.auth.core.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admin.auth.core.spi.Person;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StandardClaimsTest {

  private static final Person ALICE = new Person("alice", Map.of(
      "name", "Alice Example", "preferred_username", "alice", "email", "alice@example.com",
      "email_verified", true, "phone_number", "+1 555", "employee_number", "42"));

  @Test
  void releasedWhenProfileAndEmailThenTheirClaimsInFixedOrder() {
    Map<String, Object> claims = StandardClaims.released(ALICE,
        Set.of("openid", "email", "profile"));
    assertEquals(List.of("name", "preferred_username", "email", "email_verified"),
        List.copyOf(claims.keySet()));
    assertEquals(true, claims.get("email_verified"));
  }

  @Test
  void releasedWhenOnlyOpenidThenNothing() {
    assertEquals(Map.of(), StandardClaims.released(ALICE, Set.of("openid")));
  }

  @Test
  void releasedWhenEmailOnlyThenNoProfileClaimAndNeverANonStandardOne() {
    assertEquals(Map.of("email", "alice@example.com", "email_verified", true),
        StandardClaims.released(ALICE, Set.of("email", "employee_number")));
  }

  @Test
  void releasedWhenPhoneThenPhoneNumber() {
    assertEquals(Map.of("phone_number", "+1 555"),
        StandardClaims.released(ALICE, Set.of("phone")));
  }
}
