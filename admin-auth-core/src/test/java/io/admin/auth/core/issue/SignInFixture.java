package io.admin.auth.core.issue;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.signin.ApprovedAuthorization;
import io.admin.auth.core.signin.Pkce;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.Person;
import io.admin.auth.core.spi.SignInSettings;
import io.admin.auth.core.store.memory.InMemoryAuthorizationCodeStore;
import io.admin.auth.core.store.memory.InMemoryClientStore;
import io.admin.auth.core.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assertions;

/**
 * A real token service (ES256 access tokens, an RS256 key kept for ID tokens) that signs people
 * in, with a public client {@code spa}, a confidential client {@code web}, and the person {@code
 * alice} in its person directory.
 */
final class SignInFixture {

  static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  static final String CHALLENGE = Pkce.s256(VERIFIER);
  static final String SPA = "spa";
  static final String SPA_REDIRECT = "https://spa.example/cb";
  static final String SPA_LOGOUT = "https://spa.example/bye";
  static final String WEB = "web";
  static final String WEB_REDIRECT = "https://web.example/cb";
  static final Set<String> SCOPES =
      Set.of("openid", "profile", "email", "offline_access", "users:read");
  static final Person ALICE = new Person("alice", Map.of("name", "Alice Example",
      "preferred_username", "alice", "email", "alice@example.com", "email_verified", true));

  final MutableClock clock = MutableClock.atGuideExample();
  final Instant signedInAt = clock.instant().minusSeconds(30);
  final List<AuditEvent> events = new CopyOnWriteArrayList<>();
  final InMemoryAuthorizationCodeStore codeStore = new InMemoryAuthorizationCodeStore();
  final InMemoryClientStore clientStore = new InMemoryClientStore();
  final DefaultTokenService service;
  final OAuthClient spa;
  final OAuthClient web;

  SignInFixture() {
    this(ServiceFixture.builder(MutableClock.atGuideExample()));
  }

  /** The fixture on {@code builder}'s settings; its code store unless the builder has one. */
  SignInFixture(DefaultTokenServiceBuilder builder) {
    if (builder.authorizationCodeStore == null) {
      builder.authorizationCodeStore(codeStore);
    }
    service = builder.clock(clock).keepRs256KeyForIdTokens(true).auditListener(events::add)
        .clientStore(clientStore)
        .personDirectory(s -> s.equals("alice") ? Optional.of(ALICE) : Optional.empty())
        .build();
    spa = service.registerClient(ClientRegistration.signingIn(SPA, null, SCOPES,
        new SignInSettings(true, List.of(SPA_REDIRECT), List.of(SPA_LOGOUT), true, null)));
    web = service.registerClient(ClientRegistration.signingIn(WEB, ServiceFixture.SECRET,
        SCOPES, new SignInSettings(false, List.of(WEB_REDIRECT), List.of(), false, "Web")));
  }

  /** A code for {@code alice} at {@code client} with {@code scopes}, nonce {@code nonce}. */
  String code(String client, String redirect, Set<String> scopes, String nonce) {
    return service.issueAuthorizationCode(new ApprovedAuthorization(client, redirect, CHALLENGE,
        "alice", scopes, nonce, signedInAt, "session-1")).code();
  }

  String spaCode(Set<String> scopes) {
    return code(SPA, SPA_REDIRECT, scopes, "n-0S6_WzA2Mj");
  }

  /** The tokens of a successful exchange of {@code code} by {@code spa}. */
  TokenResponse exchange(String code) {
    return ServiceFixture.issued(service.authorizationCode(spa, code, SPA_REDIRECT, VERIFIER));
  }

  AuthPrincipal principal(String accessToken) {
    return Assertions.assertInstanceOf(AuthOutcome.Authenticated.class,
        service.verify(accessToken)).principal();
  }
}
