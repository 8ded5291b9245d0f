package io.admin.auth.core.issue;

import static io.admin.auth.core.issue.SignInFixture.CHALLENGE;
import static io.admin.auth.core.issue.SignInFixture.SPA;
import static io.admin.auth.core.issue.SignInFixture.SPA_REDIRECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.signin.ApprovedAuthorization;
import io.admin.auth.core.signin.IssuedCode;
import io.admin.auth.core.spi.AuthorizationCode;
import io.admin.auth.core.spi.AuthorizationCodeStore;
import io.admin.auth.core.spi.SignInSettings;
import io.admin.auth.core.store.memory.InMemoryAuthorizationCodeStore;
import io.admin.auth.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AuthorizationCodeIssueTest {

  /** The in-memory store, keeping a copy of what it was asked to save. */
  private static class RecordingCodeStore implements AuthorizationCodeStore {
    final InMemoryAuthorizationCodeStore inner = new InMemoryAuthorizationCodeStore();
    final List<AuthorizationCode> saved = new CopyOnWriteArrayList<>();

    @Override
    public void save(AuthorizationCode code) {
      saved.add(code);
      inner.save(code);
    }

    @Override
    public RedeemResult redeem(String codeHash, Instant now) {
      return inner.redeem(codeHash, now);
    }

    @Override
    public int purgeExpired(Instant cutoff) {
      return inner.purgeExpired(cutoff);
    }

    @Override
    public boolean persistent() {
      return false;
    }
  }

  private final RecordingCodeStore store = new RecordingCodeStore();
  private final SignInFixture f = new SignInFixture(ServiceFixture.builder(
      MutableClock.atGuideExample()).authorizationCodeStore(store));

  private ApprovedAuthorization approved(String client, Set<String> scopes) {
    return new ApprovedAuthorization(client, SPA_REDIRECT, CHALLENGE, "alice", scopes,
        "n-1", f.signedInAt, "session-1");
  }

  @Test
  void issueWhenApprovedThenHighEntropyCodeStoredOnlyAsHashWithEverythingBound() {
    IssuedCode issued = f.service.issueAuthorizationCode(approved(SPA, Set.of("openid")));

    assertTrue(Base64.getUrlDecoder().decode(issued.code()).length >= 16, "at least 128 bits");
    AuthorizationCode stored = store.saved.get(0);
    assertTrue(stored.codeHash().startsWith("hmac-sha256:"));
    assertFalse(stored.codeHash().contains(issued.code()));
    assertEquals(SPA, stored.clientId());
    assertEquals(SPA_REDIRECT, stored.redirectUri());
    assertEquals(CHALLENGE, stored.codeChallenge());
    assertEquals("alice", stored.subject());
    assertEquals(Set.of("openid"), stored.scopes());
    assertEquals("n-1", stored.nonce());
    assertEquals(f.signedInAt, stored.authTime());
    assertEquals("session-1", stored.sessionId());
    assertEquals(f.clock.instant(), stored.issuedAt());
    assertEquals(f.clock.instant().plusSeconds(60), stored.expiresAt());
    assertEquals(stored.expiresAt(), issued.expiresAt());
  }

  @Test
  void issueWhenTwiceThenDifferentCodesAndGrantIds() {
    IssuedCode a = f.service.issueAuthorizationCode(approved(SPA, Set.of("openid")));
    IssuedCode b = f.service.issueAuthorizationCode(approved(SPA, Set.of("openid")));
    assertNotEquals(a.code(), b.code());
    assertNotEquals(store.saved.get(0).grantId(), store.saved.get(1).grantId());
  }

  @Test
  void issueWhenClientUnknownOrMachineOrScopeNotAllowedThenRefused() {
    f.service.registerClient(ClientRegistration.of("m", ServiceFixture.SECRET, Set.of("openid")));
    assertThrows(IllegalArgumentException.class,
        () -> f.service.issueAuthorizationCode(approved("nobody", Set.of("openid"))));
    assertThrows(IllegalArgumentException.class,
        () -> f.service.issueAuthorizationCode(approved("m", Set.of("openid"))));
    assertThrows(IllegalArgumentException.class,
        () -> f.service.issueAuthorizationCode(approved(SPA, Set.of("openid", "admin"))));
    assertTrue(store.saved.isEmpty());
  }

  @Test
  void buildWhenCodeLifetimeAboveSixtySecondsOrNotPositiveThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> ServiceFixture.builder(f.clock)
        .authorizationCodeTtl(Duration.ofSeconds(61)).build());
    assertThrows(IllegalArgumentException.class, () -> ServiceFixture.builder(f.clock)
        .authorizationCodeTtl(Duration.ZERO).build());
    assertThrows(IllegalArgumentException.class, () -> ServiceFixture.builder(f.clock)
        .idTokenTtl(Duration.ofMinutes(61)).build());
  }

  @Test
  void buildWhenPersistentCodeStoreWithoutPepperThenRefused() {
    RecordingCodeStore shared = new RecordingCodeStore() {
      @Override
      public boolean persistent() {
        return true;
      }
    };
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ServiceFixture.builder(f.clock).authorizationCodeStore(shared).build());
    assertTrue(e.getMessage().contains("secretPepper"), e.getMessage());
  }

  @Test
  void openidWhenServiceSignsEs256WithoutAnRs256KeyThenRefusedAtRegistration() {
    DefaultTokenService es256Only = ServiceFixture.builder(f.clock).build();
    SignInSettings app = new SignInSettings(true, List.of(SPA_REDIRECT), List.of(), true, null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> es256Only.registerClient(ClientRegistration.signingIn("app", null,
            Set.of("openid"), app)));
    assertTrue(e.getMessage().contains("keepRs256KeyForIdTokens"), e.getMessage());
    assertEquals(List.of(), es256Only.idTokenSigningAlgorithms());
    // Without openid the same client is fine: its codes carry no ID token.
    es256Only.registerClient(ClientRegistration.signingIn("app", null, Set.of("users:read"), app));
    assertEquals(SigningAlgorithm.ES256, es256Only.keyRing().active().algorithm());
  }
}
