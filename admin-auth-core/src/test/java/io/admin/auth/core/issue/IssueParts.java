package io.admin.auth.core.issue;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.crypto.RandomTokens;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.internal.keyring.KeyRingCache;
import io.admin.auth.core.key.KeyRotationPolicy;
import io.admin.auth.core.key.KeyRotator;
import io.admin.auth.core.key.SigningKeys;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.store.memory.InMemoryAuthorizationCodeStore;
import io.admin.auth.core.store.memory.InMemoryClientStore;
import io.admin.auth.core.store.memory.InMemoryRefreshTokenStore;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.store.memory.InMemorySigningKeyStore;
import io.admin.auth.core.testing.MutableClock;
import io.admin.auth.core.verify.AccessTokenVerifier;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real pieces the token service's parts are built from, wired as {@link DefaultTokenService}
 * wires them, so each part can be tested on its own. ES256, 30 s skew, one-hour access tokens.
 */
final class IssueParts {

  static final String ISSUER = "https://auth.example.test";
  static final String AUDIENCE = "https://api.example.test";
  static final Duration SKEW = Duration.ofSeconds(30);
  static final Duration HORIZON = DefaultTokenService.MAX_ACCESS_TOKEN_TTL.plus(SKEW);

  final MutableClock clock = MutableClock.atGuideExample();
  final SecureRandom random = new SecureRandom();
  final RandomTokens tokens = new RandomTokens(random);
  final SecretHasher hasher = SecretHasher.withPepper(new byte[32]);
  final InMemorySigningKeyStore keyStore = new InMemorySigningKeyStore();
  final InMemoryClientStore clientStore = new InMemoryClientStore();
  final InMemoryRefreshTokenStore refreshStore = new InMemoryRefreshTokenStore();
  final InMemoryRevocationStore revocations = new InMemoryRevocationStore();
  final List<AuditEvent> events = new CopyOnWriteArrayList<>();
  final AuditSink audit = new AuditSink(events::add);
  final KeyRingCache ring = new KeyRingCache(
      new KeyRotator(keyStore, KeyRotationPolicy.defaults(), SigningAlgorithm.ES256, clock,
          new SigningKeys(random), HORIZON),
      clock, Duration.ofMinutes(1));
  final AccessTokenVerifier verifier = AccessTokenVerifier.builder().issuer(ISSUER)
      .audience(AUDIENCE).clock(clock).clockSkew(SKEW).keys(ring::find)
      .revocationStore(revocations).cacheEnabled(false).build();
  final RefreshGrants refreshGrants = new RefreshGrants(refreshStore, revocations, hasher, tokens,
      clock, HORIZON, audit::emit);
  final AccessTokenIssuer tokenIssuer =
      new AccessTokenIssuer(ISSUER, AUDIENCE, clock, tokens, JwsCrypto.defaults());
  final TokenLifetimes lifetimes =
      new TokenLifetimes(DefaultTokenService.MAX_ACCESS_TOKEN_TTL, Duration.ofDays(30));
  final InMemoryAuthorizationCodeStore codeStore = new InMemoryAuthorizationCodeStore();
  final AuthorizationCodes codes = new AuthorizationCodes(codeStore, hasher, tokens, clock,
      AuthorizationCodes.MAX_TTL, HORIZON, refreshGrants::newFamilyId);

  Maintenance maintenance(io.admin.auth.core.spi.RevocationStore revocationStore) {
    return new Maintenance(ring, revocationStore, refreshStore, codes, clock);
  }

  ClientCredentialsGrant clientCredentialsGrant() {
    return new ClientCredentialsGrant(tokenIssuer, () -> ring.ring().active(), refreshGrants,
        lifetimes, clock, audit);
  }

  RefreshTokenGrant refreshTokenGrant() {
    return new RefreshTokenGrant(tokenIssuer, () -> ring.ring().active(), refreshGrants,
        lifetimes, clock, audit);
  }

  /** A client with both grants and a refresh token for {@code client_credentials}. */
  static OAuthClient client(String id, Set<String> scopes) {
    return new OAuthClient(id, "unused-hash", scopes, ClientRegistration.SUPPORTED_GRANTS, true,
        null, null);
  }
}
