package io.admin.auth.core.validation;

import static io.admin.auth.core.validation.Views.assertInvalid;
import static io.admin.auth.core.validation.Views.assertValid;
import static io.admin.auth.core.validation.Views.claims;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdTokenClaimsValidatorTest {

  private final IdTokenClaimsValidator rule =
      new IdTokenClaimsValidator(TokenKind.THIRD_PARTY_ACCESS_TOKEN);

  @ParameterizedTest
  @ValueSource(strings = {"nonce", "at_hash", "c_hash"})
  void validateWhenIdTokenClaimPresentThenRejectedNamingIt(String claim) {
    assertInvalid(rule.validate(claims("sub", "alice", claim, "abc")), "ID token claim " + claim);
  }

  @Test
  void validateWhenSeveralIdTokenClaimsThenFirstInListOrderIsNamed() {
    assertInvalid(rule.validate(claims("c_hash", "x", "at_hash", "y")), "ID token claim at_hash");
  }

  @Test
  void validateWhenOnlyAccessTokenClaimsThenValid() {
    assertValid(rule.validate(claims("sub", "alice", "scope", "users:read", "azp", "app")));
  }
}
