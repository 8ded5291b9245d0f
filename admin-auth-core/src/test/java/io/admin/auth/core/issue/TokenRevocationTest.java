package io.admin.auth.core.issue;

import static io.admin.auth.core.issue.ServiceFixture.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.TokenClaims;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.spi.OAuthClient;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenRevocationTest {

  private final IssueParts parts = new IssueParts();
  private final TokenRevocation revocation = new TokenRevocation(parts.verifier,
      parts.revocations, parts.refreshGrants, IssueParts.SKEW, parts.clock, parts.audit);
  private final OAuthClient client = IssueParts.client("c1", Set.of("a"));
  private final TokenResponse tokens =
      issued(parts.clientCredentialsGrant().issue(client, Optional.empty()));

  private TokenClaims claims(String accessToken) {
    return parts.verifier.verifiedClaims(accessToken, false).orElseThrow();
  }

  @Test
  void revokeWhenOwnAccessTokenThenRevokedUntilExpiryPlusSkew() {
    parts.events.clear();
    revocation.revoke(client, tokens.accessToken());

    String jti = claims(tokens.accessToken()).jwtId();
    assertTrue(parts.revocations.isRevoked(jti, null));
    parts.clock.advance(Duration.ofHours(1).plus(IssueParts.SKEW).minusSeconds(1));
    parts.revocations.purgeExpired(parts.clock.instant());
    assertTrue(parts.revocations.isRevoked(jti, null), "kept while the token could verify");
    parts.clock.advance(Duration.ofSeconds(2));
    parts.revocations.purgeExpired(parts.clock.instant());
    assertFalse(parts.revocations.isRevoked(jti, null), "then forgotten");
    AuditEvent.TokenRevoked e = assertInstanceOf(AuditEvent.TokenRevoked.class,
        parts.events.get(0));
    assertEquals("access_token", e.kind());
    assertEquals(jti, e.id());
  }

  @Test
  void revokeWhenAccessTokenAlreadyPastExpiryPlusSkewThenNothingStoredButStillAudited() {
    parts.clock.advance(Duration.ofHours(2));
    parts.events.clear();
    revocation.revoke(client, tokens.accessToken());

    assertFalse(parts.revocations.isRevoked(claims(tokens.accessToken()).jwtId(), null));
    assertEquals(1, parts.events.size());
  }

  @Test
  void revokeWhenRefreshTokenThenItsFamilyAndTheFamilysAccessTokensRevoked() {
    parts.events.clear();
    revocation.revoke(client, tokens.refreshToken());

    String family = claims(tokens.accessToken()).familyId();
    assertTrue(parts.revocations.isRevoked("any-jti", family));
    assertNotNull(parts.refreshStore.find(parts.hasher.hash(tokens.refreshToken())).orElseThrow()
        .revokedAt());
    assertEquals("refresh_family",
        assertInstanceOf(AuditEvent.TokenRevoked.class, parts.events.get(0)).kind());
  }

  @Test
  void revokeWhenAnotherClientsTokensOrGarbageThenNothingHappens() {
    parts.events.clear();
    OAuthClient other = IssueParts.client("c2", Set.of("a"));
    revocation.revoke(other, tokens.accessToken());
    revocation.revoke(other, tokens.refreshToken());
    revocation.revoke(client, "not.a.jwt");
    revocation.revoke(client, "");
    revocation.revoke(client, null);

    TokenClaims c = claims(tokens.accessToken());
    assertFalse(parts.revocations.isRevoked(c.jwtId(), c.familyId()));
    assertNull(parts.refreshStore.find(parts.hasher.hash(tokens.refreshToken())).orElseThrow()
        .revokedAt());
    assertTrue(parts.events.isEmpty());
  }

  @Test
  void revokeWhenExactlyAtExpiryPlusSkewThenNothingStored() {
    // At exp + skew the verifier already refuses the token, so keeping its jti would only cost
    // memory (the purge keeps entries through keepUntil == now).
    TokenClaims c = claims(tokens.accessToken());
    parts.clock.advance(Duration.between(parts.clock.instant(), c.expiresAt().plus(IssueParts.SKEW)));
    assertInstanceOf(io.admin.auth.core.AuthOutcome.Rejected.class,
        parts.verifier.verify(tokens.accessToken()));

    revocation.revoke(client, tokens.accessToken());

    assertFalse(parts.revocations.isRevoked(c.jwtId(), null));
  }
}
