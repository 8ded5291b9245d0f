package io.admin.auth.core.issue;

import static io.admin.auth.core.issue.ServiceFixture.issued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.signin.ApprovedAuthorization;
import io.admin.auth.core.spi.Consent;
import io.admin.auth.core.spi.RefreshTokenRecord;
import io.admin.auth.core.spi.RefreshTokenStore;
import io.admin.auth.core.store.memory.InMemoryConsentStore;
import io.admin.auth.core.store.memory.InMemoryRefreshTokenStore;
import io.admin.auth.core.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsentsTest {

  private static final Set<String> OFFLINE = Set.of("openid", "offline_access", "users:read");

  private final SignInFixture f = new SignInFixture();
  private final InMemoryConsentStore store = new InMemoryConsentStore();
  private final Consents consents = new Consents(store, f.service);

  private TokenResponse webTokens(String subject) {
    String code = f.service.issueAuthorizationCode(new ApprovedAuthorization(SignInFixture.WEB,
        SignInFixture.WEB_REDIRECT, SignInFixture.CHALLENGE, subject, OFFLINE, null,
        f.signedInAt, null)).code();
    return issued(f.service.authorizationCode(f.web, code, SignInFixture.WEB_REDIRECT,
        SignInFixture.VERIFIER));
  }

  private Consent consent(String subject, String client) {
    Consent c = new Consent(subject, client, OFFLINE, f.clock.instant());
    store.save(c);
    return c;
  }

  @Test
  void ofWhenConsentsGivenThenThatPersonsByClient() {
    Consent web = consent("alice", "web");
    Consent spa = consent("alice", "spa");
    consent("bob", "web");
    assertEquals(List.of(spa, web), consents.of("alice"));
  }

  @Test
  void withdrawWhenClientHoldsGrantsThenConsentGoneAndItsTokensRevoked() {
    consent("alice", "web");
    TokenResponse alice = webTokens("alice");
    TokenResponse bob = webTokens("bob");
    TokenResponse aliceAtSpa = f.exchange(f.spaCode(OFFLINE));

    Consents.Withdrawal w = consents.withdraw("alice", "web");

    assertTrue(w.consentRemoved());
    assertEquals(OptionalInt.of(1), w.grantsRevoked());
    assertTrue(store.find("alice", "web").isEmpty());
    TokenResult refreshed = f.service.refresh(f.web, alice.refreshToken(), Optional.empty());
    assertEquals(AuthErrorCode.AUTH_REFRESH_TOKEN_INVALID.error(),
        assertInstanceOf(TokenResult.Failed.class, refreshed).error().code().error());
    assertEquals(AuthErrorCode.AUTH_TOKEN_REVOKED, assertInstanceOf(AuthOutcome.Rejected.class,
        f.service.verify(alice.accessToken())).error().code());
    // Another person at the same client, and the same person at another client, keep theirs.
    assertInstanceOf(TokenResult.Issued.class,
        f.service.refresh(f.web, bob.refreshToken(), Optional.empty()));
    assertInstanceOf(TokenResult.Issued.class,
        f.service.refresh(f.spa, aliceAtSpa.refreshToken(), Optional.empty()));
  }

  @Test
  void withdrawWhenNoConsentRememberedThenGrantsEndedAllTheSame() {
    TokenResponse alice = webTokens("alice");
    Consents.Withdrawal w = consents.withdraw("alice", "web");
    assertFalse(w.consentRemoved());
    assertEquals(OptionalInt.of(1), w.grantsRevoked());
    assertInstanceOf(TokenResult.Failed.class,
        f.service.refresh(f.web, alice.refreshToken(), Optional.empty()));
  }

  @Test
  void withdrawWhenRefreshStoreCannotListGrantsThenSaysSoAndStillForgetsTheConsent() {
    SignInFixture old = new SignInFixture(ServiceFixture.builder(MutableClock.atGuideExample())
        .refreshTokenStore(new StoreWithoutListing()));
    Consents onOld = new Consents(store, old.service);
    consent("alice", "spa");
    old.exchange(old.spaCode(OFFLINE));

    Consents.Withdrawal w = onOld.withdraw("alice", "spa");

    assertTrue(w.consentRemoved());
    assertEquals(OptionalInt.empty(), w.grantsRevoked());
  }

  /** A refresh-token store written before {@code familiesOf} existed: it keeps the default. */
  private static final class StoreWithoutListing implements RefreshTokenStore {
    private final InMemoryRefreshTokenStore inner = new InMemoryRefreshTokenStore();

    @Override
    public void save(RefreshTokenRecord record) {
      inner.save(record);
    }

    @Override
    public Optional<RefreshTokenRecord> find(String tokenHash) {
      return inner.find(tokenHash);
    }

    @Override
    public ConsumeResult consume(String tokenHash, Instant now) {
      return inner.consume(tokenHash, now);
    }

    @Override
    public void revokeFamily(String familyId, Instant now) {
      inner.revokeFamily(familyId, now);
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
}
