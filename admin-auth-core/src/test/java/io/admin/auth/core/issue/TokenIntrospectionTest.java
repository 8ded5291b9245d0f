package io.admin.auth.core.issue;

import static io.admin.auth.core.issue.ServiceFixture.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.spi.OAuthClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenIntrospectionTest {

  private final IssueParts parts = new IssueParts();
  private final TokenIntrospection introspection = new TokenIntrospection(parts.verifier,
      parts.refreshGrants, IssueParts.ISSUER, IssueParts.AUDIENCE, parts.clock);
  private final OAuthClient client = IssueParts.client("c1", Set.of("a", "b"));
  private final TokenResponse tokens =
      issued(parts.clientCredentialsGrant().issue(client, Optional.of("a")));

  @Test
  void introspectWhenOwnAccessTokenThenActiveWithItsClaims() {
    Introspection i = introspection.introspect(client, tokens.accessToken());

    assertTrue(i.active());
    assertEquals("access_token", i.tokenType());
    assertEquals(Set.of("a"), i.scopes());
    assertEquals(List.of(IssueParts.AUDIENCE), i.audience());
    assertEquals(parts.clock.instant(), i.notBefore());
  }

  @Test
  void introspectWhenOwnRefreshTokenThenActiveWithServiceIssuerAndAudienceAndNoJti() {
    Introspection i = introspection.introspect(client, tokens.refreshToken());

    assertTrue(i.active());
    assertEquals("refresh_token", i.tokenType());
    assertEquals(IssueParts.ISSUER, i.issuer());
    assertEquals(List.of(IssueParts.AUDIENCE), i.audience());
    assertEquals("c1", i.subject());
    assertNull(i.jwtId());
    assertNull(i.notBefore());
  }

  @Test
  void introspectWhenForeignExpiredUsedOrGarbageThenTheSameInactiveAnswer() {
    OAuthClient other = IssueParts.client("c2", Set.of("a"));
    assertEquals(Introspection.inactive(), introspection.introspect(other, tokens.accessToken()));
    assertEquals(Introspection.inactive(), introspection.introspect(other, tokens.refreshToken()));
    assertEquals(Introspection.inactive(), introspection.introspect(client, "x.y.z"));
    assertEquals(Introspection.inactive(), introspection.introspect(client, null));

    parts.refreshTokenGrant().exchange(client, tokens.refreshToken(), Optional.empty());
    assertEquals(Introspection.inactive(), introspection.introspect(client, tokens.refreshToken()));
    parts.clock.advance(Duration.ofHours(1).plus(IssueParts.SKEW).plusSeconds(1));
    assertEquals(Introspection.inactive(), introspection.introspect(client, tokens.accessToken()));
  }
}
