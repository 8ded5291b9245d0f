package io.admin.auth.core.issue;

import static io.admin.auth.core.issue.ServiceFixture.failedCode;
import static io.admin.auth.core.issue.ServiceFixture.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.TokenClaims;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.RefreshTokenRecord;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientCredentialsGrantTest {

  private final IssueParts parts = new IssueParts();
  private final ClientCredentialsGrant grant = parts.clientCredentialsGrant();

  @Test
  void issueWhenClientSetUpForRefreshThenAccessTokenAndRefreshTokenShareANewFamily() {
    OAuthClient client = IssueParts.client("c1", Set.of("a", "b"));
    TokenResponse r = issued(grant.issue(client, Optional.of("a")));

    TokenClaims claims = parts.verifier.verifiedClaims(r.accessToken(), true).orElseThrow();
    RefreshTokenRecord refresh =
        parts.refreshStore.find(parts.hasher.hash(r.refreshToken())).orElseThrow();
    assertNotNull(claims.familyId());
    assertEquals(claims.familyId(), refresh.familyId());
    assertEquals("c1", claims.subject());
    assertEquals(Set.of("a"), refresh.scopes());
    assertEquals(parts.clock.instant().plus(Duration.ofDays(30)), refresh.expiresAt());
    AuditEvent.TokenIssued event = assertInstanceOf(AuditEvent.TokenIssued.class,
        parts.events.get(0));
    assertEquals(claims.jwtId(), event.jti());
    assertEquals(claims.familyId(), event.familyId());
  }

  @Test
  void issueWhenRefreshTokenGrantNotAllowedThenNoRefreshTokenAndNoFamily() {
    OAuthClient client = new OAuthClient("c1", "h", Set.of("a"),
        Set.of(DefaultTokenService.GRANT_CLIENT_CREDENTIALS), true, Duration.ofMinutes(5), null);
    TokenResponse r = issued(grant.issue(client, Optional.empty()));

    assertNull(r.refreshToken());
    assertEquals(300, r.expiresIn());
    assertNull(parts.verifier.verifiedClaims(r.accessToken(), true).orElseThrow().familyId());
    assertEquals(0, parts.refreshStore.size());
  }

  @Test
  void issueWhenScopeBeyondClientOrGrantMissingThenFailedAndNothingIssued() {
    OAuthClient client = IssueParts.client("c1", Set.of("a"));
    assertEquals(AuthErrorCode.AUTH_SCOPE_INVALID,
        failedCode(grant.issue(client, Optional.of("a b"))));
    OAuthClient refreshOnly = new OAuthClient("c2", "h", Set.of("a"),
        Set.of(DefaultTokenService.GRANT_REFRESH_TOKEN), true, null, null);
    assertEquals(AuthErrorCode.AUTH_GRANT_UNSUPPORTED,
        failedCode(grant.issue(refreshOnly, Optional.empty())));
    assertEquals(0, parts.refreshStore.size());
    assertTrue(parts.events.isEmpty());
  }
}
