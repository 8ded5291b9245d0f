package io.admin.auth.core.issue;

import io.admin.auth.core.spi.OAuthClient;

import static io.admin.auth.core.issue.ServiceFixture.ISSUER;
import static io.admin.auth.core.issue.ServiceFixture.SECRET;
import static io.admin.auth.core.issue.ServiceFixture.failedCode;
import static io.admin.auth.core.issue.ServiceFixture.issued;
import static io.admin.auth.core.issue.ServiceFixture.rejectedCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.store.memory.InMemoryClientStore;
import io.admin.auth.core.store.memory.InMemoryRefreshTokenStore;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DefaultTokenServiceTest {

  private static final Set<String> SCOPES = Set.of("users:read", "users:write");

  private final MutableClock clock = MutableClock.atGuideExample();
  private final List<AuditEvent> events = new CopyOnWriteArrayList<>();
  private final InMemoryRevocationStore revocations = new InMemoryRevocationStore();
  private final InMemoryRefreshTokenStore refreshStore = new InMemoryRefreshTokenStore();
  private final DefaultTokenService service = ServiceFixture.builder(clock)
      .auditListener(events::add).revocationStore(revocations).refreshTokenStore(refreshStore)
      .build();
  private final OAuthClient client =
      service.registerClient(ClientRegistration.of("client-a", SECRET, SCOPES));

  private TokenResponse clientCredentials() {
    return issued(service.clientCredentials(client, Optional.empty()));
  }

  @Test
  void authenticateClientWhenSecretMatchesThenSucceeded() {
    var result = service.authenticateClient("client-a", SECRET);
    assertEquals("client-a",
        assertInstanceOf(ClientAuthentication.Succeeded.class, result).client().clientId());
  }

  @Test
  void authenticateClientWhenWrongSecretOrUnknownClientThenSameFailure() {
    var wrong = assertInstanceOf(ClientAuthentication.Failed.class,
        service.authenticateClient("client-a", SECRET + "x"));
    var unknown = assertInstanceOf(ClientAuthentication.Failed.class,
        service.authenticateClient("nobody", SECRET));
    var nulls = assertInstanceOf(ClientAuthentication.Failed.class,
        service.authenticateClient(null, null));
    assertEquals(AuthErrorCode.AUTH_CLIENT_INVALID, wrong.error().code());
    assertEquals(wrong.error(), unknown.error());
    assertEquals(wrong.error(), nulls.error());
  }

  @Test
  void registerClientWhenRegisteredThenOnlyHashStored() {
    assertTrue(client.secretHash().startsWith("hmac-sha256:"));
    assertFalse(client.secretHash().contains(SECRET));
    assertFalse(client.toString().contains(client.secretHash()));
  }

  @Test
  void clientRegistrationWhenPrintedThenSecretMasked() {
    ClientRegistration r = ClientRegistration.of("c", SECRET, SCOPES);
    assertFalse(r.toString().contains(SECRET));
    assertTrue(r.toString().contains("clientSecret=**********"));
  }

  @Test
  void clientRegistrationWhenSecretShortOrScopeInvalidThenRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> ClientRegistration.of("c", "short", SCOPES));
    assertThrows(IllegalArgumentException.class,
        () -> ClientRegistration.of("c", SECRET, Set.of("bad\"scope")));
    assertThrows(IllegalArgumentException.class, () -> new ClientRegistration("c", SECRET, SCOPES,
        Set.of("password"), false, null, null));
    assertThrows(IllegalArgumentException.class, () -> new ClientRegistration("c", SECRET, SCOPES,
        Set.of("client_credentials"), false, Duration.ofHours(2), null));
  }

  @Test
  void clientCredentialsWhenNoScopeThenAllAllowedScopesAndVerifiableAccessToken() {
    TokenResponse r = clientCredentials();
    assertEquals("Bearer", r.tokenType());
    assertEquals(3600, r.expiresIn());
    assertEquals("users:read users:write", r.scope());
    assertEquals(43, r.refreshToken().length());
    Map<String, Object> header = ServiceFixture.header(r.accessToken());
    assertEquals("at+jwt", header.get("typ"));
    assertEquals("ES256", header.get("alg"));
    assertEquals(service.keyRing().active().kid(), header.get("kid"));
    AuthPrincipal p = assertInstanceOf(AuthOutcome.Authenticated.class,
        service.verify(r.accessToken())).principal();
    assertEquals("client-a", p.subject());
    assertEquals("client-a", p.clientId());
    assertEquals(SCOPES, p.scopes());
    assertEquals(ISSUER, p.issuer());
    assertEquals(ISSUER, p.claims().get("aud"));
    assertEquals(clock.instant().plusSeconds(3600), p.expiresAt());
    assertFalse(r.toString().contains(r.accessToken()));
  }

  @Test
  void clientCredentialsWhenScopeNarrowedThenOnlyThoseScopes() {
    TokenResponse r = issued(service.clientCredentials(client, Optional.of("users:read")));
    assertEquals(Set.of("users:read"), r.scopes());
  }

  @Test
  void clientCredentialsWhenScopeNotAllowedOrMalformedThenScopeInvalid() {
    assertEquals(AuthErrorCode.AUTH_SCOPE_INVALID,
        failedCode(service.clientCredentials(client, Optional.of("users:read admin"))));
    assertEquals(AuthErrorCode.AUTH_SCOPE_INVALID,
        failedCode(service.clientCredentials(client, Optional.of("users:read \"x"))));
  }

  @Test
  void clientCredentialsWhenGrantNotAllowedThenGrantUnsupported() {
    OAuthClient refreshOnly = service.registerClient(new ClientRegistration("c2", SECRET, SCOPES,
        Set.of("refresh_token"), true, null, null));
    assertEquals(AuthErrorCode.AUTH_GRANT_UNSUPPORTED,
        failedCode(service.clientCredentials(refreshOnly, Optional.empty())));
  }

  @Test
  void clientCredentialsWhenRefreshSwitchedOffThenNoRefreshTokenAndClientTtl() {
    OAuthClient c = service.registerClient(new ClientRegistration("c3", SECRET, SCOPES,
        Set.of("client_credentials", "refresh_token"), false, Duration.ofMinutes(5), null));
    TokenResponse r = issued(service.clientCredentials(c, Optional.empty()));
    assertNull(r.refreshToken());
    assertEquals(300, r.expiresIn());
  }

  @Test
  void refreshWhenValidThenRotatedAndOldTokenDead() {
    TokenResponse first = clientCredentials();
    TokenResponse second = issued(service.refresh(client, first.refreshToken(), Optional.empty()));
    assertNotEquals(first.refreshToken(), second.refreshToken());
    assertInstanceOf(AuthOutcome.Authenticated.class, service.verify(second.accessToken()));
    TokenResponse third = issued(service.refresh(client, second.refreshToken(), Optional.empty()));
    assertEquals(SCOPES, third.scopes());
  }

  @Test
  void refreshWhenScopeNarrowedThenAccessNarrowedButGrantKept() {
    TokenResponse first = clientCredentials();
    TokenResponse narrowed =
        issued(service.refresh(client, first.refreshToken(), Optional.of("users:read")));
    assertEquals(Set.of("users:read"), narrowed.scopes());
    TokenResponse next = issued(service.refresh(client, narrowed.refreshToken(), Optional.empty()));
    assertEquals(SCOPES, next.scopes());
  }

  @Test
  void refreshWhenScopeBeyondGrantThenScopeInvalidAndTokenNotBurned() {
    OAuthClient wide = service.registerClient(
        ClientRegistration.of("wide", SECRET, Set.of("users:read", "admin")));
    TokenResponse first = issued(service.clientCredentials(wide, Optional.of("users:read")));
    assertEquals(AuthErrorCode.AUTH_SCOPE_INVALID,
        failedCode(service.refresh(wide, first.refreshToken(), Optional.of("admin"))));
    issued(service.refresh(wide, first.refreshToken(), Optional.empty()));
  }

  @Test
  void refreshWhenReusedThenReusedCodeAndFamilyWithItsAccessTokensRevoked() {
    TokenResponse first = clientCredentials();
    TokenResponse other = clientCredentials();
    TokenResponse second = issued(service.refresh(client, first.refreshToken(), Optional.empty()));

    assertEquals(AuthErrorCode.AUTH_REFRESH_TOKEN_REUSED,
        failedCode(service.refresh(client, first.refreshToken(), Optional.empty())));

    assertEquals(AuthErrorCode.AUTH_REFRESH_TOKEN_INVALID,
        failedCode(service.refresh(client, second.refreshToken(), Optional.empty())));
    assertEquals(AuthErrorCode.AUTH_TOKEN_REVOKED, rejectedCode(service.verify(first.accessToken())));
    assertEquals(AuthErrorCode.AUTH_TOKEN_REVOKED,
        rejectedCode(service.verify(second.accessToken())));
    // Another grant of the same client is untouched.
    assertInstanceOf(AuthOutcome.Authenticated.class, service.verify(other.accessToken()));
    issued(service.refresh(client, other.refreshToken(), Optional.empty()));
    assertEquals(1, events.stream()
        .filter(e -> e instanceof AuditEvent.RefreshTokenReuseDetected).count());
  }

  @Test
  void refreshWhenFamilyRevokedThenAccessTokensRevokedUntilTheyExpireThenForgotten() {
    TokenResponse first = clientCredentials();
    service.refresh(client, first.refreshToken(), Optional.empty());
    service.refresh(client, first.refreshToken(), Optional.empty());
    assertEquals(1, revocations.size());
    clock.advance(Duration.ofHours(1).plusSeconds(31));
    service.runMaintenance();
    assertEquals(0, revocations.size());
  }

  @Test
  void refreshWhenOtherClientPresentsTokenThenInvalidAndTokenNotBurned() {
    OAuthClient thief = service.registerClient(ClientRegistration.of("thief", SECRET, SCOPES));
    TokenResponse first = clientCredentials();
    assertEquals(AuthErrorCode.AUTH_REFRESH_TOKEN_INVALID,
        failedCode(service.refresh(thief, first.refreshToken(), Optional.empty())));
    issued(service.refresh(client, first.refreshToken(), Optional.empty()));
  }

  @Test
  void refreshWhenExpiredThenExpiredCode() {
    TokenResponse first = clientCredentials();
    clock.advance(Duration.ofDays(30));
    assertEquals(AuthErrorCode.AUTH_REFRESH_TOKEN_EXPIRED,
        failedCode(service.refresh(client, first.refreshToken(), Optional.empty())));
  }

  @Test
  void refreshWhenUnknownOrGarbageThenInvalid() {
    for (String t : new String[] {null, "", "nope", "x".repeat(5000)}) {
      assertEquals(AuthErrorCode.AUTH_REFRESH_TOKEN_INVALID,
          failedCode(service.refresh(client, t, Optional.empty())));
    }
  }

  @Test
  void revokeWhenAccessTokenOwnedThenRevokedAndPurgedAfterExpiry() {
    TokenResponse r = clientCredentials();
    service.revoke(client, r.accessToken(), Optional.of("access_token"));
    assertEquals(AuthErrorCode.AUTH_TOKEN_REVOKED, rejectedCode(service.verify(r.accessToken())));
    assertEquals(1, revocations.size());
    clock.advance(Duration.ofHours(1).plusSeconds(30));
    service.runMaintenance();
    assertEquals(1, revocations.size());
    clock.advance(Duration.ofSeconds(1));
    service.runMaintenance();
    assertEquals(0, revocations.size());
  }

  @Test
  void revokeWhenLaterRevocationThenExpiredEntriesPurgedWithoutMaintenance() {
    TokenResponse a = clientCredentials();
    service.revoke(client, a.accessToken(), Optional.empty());
    clock.advance(Duration.ofHours(2));
    TokenResponse b = clientCredentials();
    service.revoke(client, b.accessToken(), Optional.empty());
    assertEquals(1, revocations.size());
  }

  @Test
  void revokeWhenForeignOrUnknownTokenThenIgnored() {
    OAuthClient other = service.registerClient(ClientRegistration.of("other", SECRET, SCOPES));
    TokenResponse r = clientCredentials();
    service.revoke(other, r.accessToken(), Optional.empty());
    service.revoke(other, r.refreshToken(), Optional.empty());
    service.revoke(client, "garbage", Optional.empty());
    service.revoke(client, "a.b.c", Optional.empty());
    service.revoke(client, null, Optional.empty());
    assertInstanceOf(AuthOutcome.Authenticated.class, service.verify(r.accessToken()));
    issued(service.refresh(client, r.refreshToken(), Optional.empty()));
  }

  @Test
  void revokeWhenRefreshTokenThenFamilyAndItsAccessTokensRevoked() {
    TokenResponse r = clientCredentials();
    service.revoke(client, r.refreshToken(), Optional.of("refresh_token"));
    assertEquals(AuthErrorCode.AUTH_REFRESH_TOKEN_INVALID,
        failedCode(service.refresh(client, r.refreshToken(), Optional.empty())));
    assertEquals(AuthErrorCode.AUTH_TOKEN_REVOKED, rejectedCode(service.verify(r.accessToken())));
  }

  @Test
  void introspectWhenOwnAccessTokenThenActiveWithClaims() {
    TokenResponse r = clientCredentials();
    Introspection i = service.introspect(client, r.accessToken(), Optional.empty());
    assertTrue(i.active());
    assertEquals("access_token", i.tokenType());
    assertEquals(SCOPES, i.scopes());
    assertEquals("client-a", i.clientId());
    assertEquals("client-a", i.subject());
    assertEquals(ISSUER, i.issuer());
    assertEquals(List.of(ISSUER), i.audience());
    assertEquals(clock.instant(), i.issuedAt());
    assertEquals(clock.instant().plusSeconds(3600), i.expiresAt());
    assertTrue(i.jwtId().length() >= 22);
  }

  @Test
  void introspectWhenOwnRefreshTokenThenActiveUntilUsed() {
    TokenResponse r = clientCredentials();
    Introspection i = service.introspect(client, r.refreshToken(), Optional.empty());
    assertTrue(i.active());
    assertEquals("refresh_token", i.tokenType());
    assertEquals(clock.instant().plus(Duration.ofDays(30)), i.expiresAt());
    service.refresh(client, r.refreshToken(), Optional.empty());
    assertEquals(Introspection.inactive(),
        service.introspect(client, r.refreshToken(), Optional.empty()));
  }

  @Test
  void introspectWhenForeignExpiredOrGarbageThenInactive() {
    OAuthClient other = service.registerClient(ClientRegistration.of("other", SECRET, SCOPES));
    TokenResponse r = clientCredentials();
    assertFalse(service.introspect(other, r.accessToken(), Optional.empty()).active());
    assertFalse(service.introspect(other, r.refreshToken(), Optional.empty()).active());
    assertFalse(service.introspect(client, "garbage", Optional.empty()).active());
    assertFalse(service.introspect(client, null, Optional.empty()).active());
    clock.advance(Duration.ofHours(2));
    assertFalse(service.introspect(client, r.accessToken(), Optional.empty()).active());
  }

  @Test
  void metadataWhenClientsRegisteredThenAlgorithmsAndScopes() {
    service.registerClient(ClientRegistration.of("c9", SECRET, Set.of("api-keys:manage")));
    assertEquals(List.of("ES256"), service.signingAlgorithms());
    assertEquals(Set.of("users:read", "users:write", "api-keys:manage"), service.scopesSupported());
    assertEquals(ISSUER, service.issuer());
    assertTrue(service.jwkSetJson().contains(service.keyRing().active().kid()));
  }

  @Test
  void auditEventsWhenFullFlowThenNoTokenOrSecretInAnyEvent() {
    TokenResponse r = clientCredentials();
    TokenResponse r2 = issued(service.refresh(client, r.refreshToken(), Optional.empty()));
    service.refresh(client, r.refreshToken(), Optional.empty());
    service.revoke(client, r2.accessToken(), Optional.empty());
    service.verify(r2.accessToken() + "x");
    assertTrue(events.size() >= 5);
    for (AuditEvent e : events) {
      String s = e.toString();
      for (String secret : List.of(SECRET, r.accessToken(), r.refreshToken(), r2.accessToken(),
          r2.refreshToken(), r.accessToken().substring(r.accessToken().lastIndexOf('.') + 1))) {
        assertFalse(s.contains(secret), s);
      }
    }
  }

  @Test
  void builderWhenInvalidSettingsThenRejected() {
    assertThrows(IllegalArgumentException.class, () -> DefaultTokenService.builder().build());
    assertThrows(IllegalArgumentException.class, () -> ServiceFixture.builder(clock)
        .accessTokenTtl(Duration.ofMinutes(61)).build());
    assertThrows(IllegalArgumentException.class, () -> ServiceFixture.builder(clock)
        .clockSkew(Duration.ofMinutes(10)).build());
    assertThrows(IllegalArgumentException.class, () -> ServiceFixture.builder(clock)
        .secretPepper(new byte[8]).build());
  }

  @Test
  void builderWhenPersistentClientStoreWithoutPepperThenRejected() {
    InMemoryClientStore delegate = new InMemoryClientStore();
    ClientStore persistent = new ClientStore() {
      @Override
      public Optional<OAuthClient> findById(String clientId) {
        return delegate.findById(clientId);
      }

      @Override
      public List<OAuthClient> findAll() {
        return delegate.findAll();
      }

      @Override
      public void save(OAuthClient c) {
        delegate.save(c);
      }

      @Override
      public boolean delete(String clientId) {
        return delegate.delete(clientId);
      }
    };
    assertThrows(IllegalArgumentException.class,
        () -> ServiceFixture.builder(clock).clientStore(persistent).build());
    ServiceFixture.builder(clock).clientStore(persistent).secretPepper(new byte[32]).build();
  }

  @Test
  void buildWhenDefaultsThenRs256OneHourTokens() {
    DefaultTokenService defaults = DefaultTokenService.builder().issuer(ISSUER).clock(clock).build();
    OAuthClient c = defaults.registerClient(ClientRegistration.of("d", SECRET, SCOPES));
    TokenResponse r = issued(defaults.clientCredentials(c, Optional.empty()));
    assertEquals("RS256", ServiceFixture.header(r.accessToken()).get("alg"));
    assertEquals(3600, r.expiresIn());
    assertEquals(SigningAlgorithm.RS256, defaults.keyRing().active().algorithm());
  }
}
