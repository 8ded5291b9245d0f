package io.admin.auth.core.issue;

import static io.admin.auth.core.issue.ServiceFixture.failedCode;
import static io.admin.auth.core.issue.ServiceFixture.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.TokenClaims;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.RefreshTokenRecord;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefreshTokenGrantTest {

  private final IssueParts parts = new IssueParts();
  private final RefreshTokenGrant grant = parts.refreshTokenGrant();
  private final OAuthClient client = IssueParts.client("c1", Set.of("a", "b"));

  private String refreshToken(Set<String> scopes) {
    String family = parts.refreshGrants.newFamilyId();
    return parts.refreshGrants.issue(family, client, "user-1", scopes, parts.lifetimes
        .refreshFor(client));
  }

  private RefreshTokenRecord record(String token) {
    return parts.refreshStore.find(parts.hasher.hash(token)).orElseThrow();
  }

  @Test
  void exchangeWhenValidThenSameFamilySubjectKeptAndOldTokenUsed() {
    String old = refreshToken(Set.of("a", "b"));
    TokenResponse r = issued(grant.exchange(client, old, Optional.empty()));

    TokenClaims claims = parts.verifier.verifiedClaims(r.accessToken(), true).orElseThrow();
    assertEquals("user-1", claims.subject());
    assertEquals(record(old).familyId(), claims.familyId());
    assertEquals(record(old).familyId(), record(r.refreshToken()).familyId());
    assertEquals(parts.clock.instant(), record(old).usedAt());
    AuditEvent.TokenRefreshed event =
        assertInstanceOf(AuditEvent.TokenRefreshed.class, parts.events.get(0));
    assertEquals(claims.jwtId(), event.jti());
  }

  @Test
  void exchangeWhenClientLostAScopeSinceThenNeitherNewTokenCarriesIt() {
    String old = refreshToken(Set.of("a", "b"));
    OAuthClient narrowed = IssueParts.client("c1", Set.of("a"));
    TokenResponse r = issued(grant.exchange(narrowed, old, Optional.empty()));

    assertEquals(Set.of("a"), r.scopes());
    assertEquals(Set.of("a"), record(r.refreshToken()).scopes());
  }

  @Test
  void exchangeWhenScopeNarrowedThenOnlyTheAccessTokenIsNarrowed() {
    String old = refreshToken(Set.of("a", "b"));
    TokenResponse r = issued(grant.exchange(client, old, Optional.of("b")));

    assertEquals(Set.of("b"), r.scopes());
    assertEquals(Set.of("a", "b"), record(r.refreshToken()).scopes());
  }

  @Test
  void exchangeWhenGrantNotAllowedOrScopeMalformedThenFailedAndTokenNotConsumed() {
    String old = refreshToken(Set.of("a"));
    OAuthClient ccOnly = new OAuthClient("c1", "h", Set.of("a"),
        Set.of(DefaultTokenService.GRANT_CLIENT_CREDENTIALS), true, null, null);
    assertEquals(AuthErrorCode.AUTH_GRANT_UNSUPPORTED,
        failedCode(grant.exchange(ccOnly, old, Optional.empty())));
    assertEquals(AuthErrorCode.AUTH_SCOPE_INVALID,
        failedCode(grant.exchange(client, old, Optional.of("a\"b"))));
    assertNull(record(old).usedAt());
  }
}
