package io.admin.auth.core.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.Consents;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.issue.TokenResult;
import io.admin.auth.core.signin.ApprovedAuthorization;
import io.admin.auth.core.signin.Pkce;
import io.admin.auth.core.spi.Consent;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.SignInSettings;
import io.admin.auth.core.store.memory.InMemoryConsentStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How an application's account page lists the apps a person let in and takes one back: {@link
 * Consents} over the consent store the sign-in settings use, and the token service, which ends the
 * grants the app holds.
 */
class ConsentWithdrawalExampleTest {

  @Test
  void exampleWhenPersonWithdrawsThenTheAppsRefreshTokenStopsWorking() {
    DefaultTokenService tokens = DefaultTokenService.builder().issuer("https://auth.example")
        .build();
    OAuthClient reports = tokens.registerClient(ClientRegistration.signingIn("reports",
        "reports-secret-0123456789", Set.of("openid", "offline_access"),
        new SignInSettings(false, List.of("https://reports.example/cb"), List.of(), false,
            "Reports")));
    InMemoryConsentStore consentStore = new InMemoryConsentStore(); // SignIn.consents() in a servlet app
    consentStore.save(new Consent("alice", "reports", Set.of("openid", "offline_access"),
        Instant.now()));
    String verifier = "v".repeat(43);
    String code = tokens.issueAuthorizationCode(new ApprovedAuthorization("reports",
        "https://reports.example/cb", Pkce.s256(verifier), "alice",
        Set.of("openid", "offline_access"), null, Instant.now(), null)).code();
    String refresh = ((TokenResult.Issued) tokens.authorizationCode(reports, code,
        "https://reports.example/cb", verifier)).response().refreshToken();

    // On the account page, for the signed-in person:
    Consents consents = new Consents(consentStore, tokens);
    List<Consent> given = consents.of("alice");
    Consents.Withdrawal w = consents.withdraw("alice", given.get(0).clientId());

    assertEquals(OptionalInt.of(1), w.grantsRevoked());
    assertEquals(List.of(), consents.of("alice"));
    assertInstanceOf(TokenResult.Failed.class,
        tokens.refresh(reports, refresh, Optional.empty()));
  }
}
